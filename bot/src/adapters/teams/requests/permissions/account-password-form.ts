import type { PermissionForm } from '../permission-spec';

/** Sharing a school account's password with someone (s.5); the password itself is never typed here. */
export const ACCOUNT_PASSWORD_FORM: PermissionForm<'accountPassword'> = {
  type: 'accountPassword',
  heading: "Ask to share a school account's password",
  intro:
    "School social media passwords are kept in the school's Google Drive and shared with nobody unauthorised, pupils included, unless the headteacher permits it (Social Media Policy, section 5). Once the date you give has passed, I will remind you to change the password.",
  warning: "Never type the password here, in any field. Share it in person or through the school's Google Drive once this is approved.",
  fields: [
    { id: 'accountId', label: 'School account', kind: 'schoolAccount' },
    { id: 'sharedWithId', label: 'Shared with', kind: 'person' },
    { id: 'reason', label: 'Why', kind: 'multiline', placeholder: 'What they need it for' },
    { id: 'until', label: 'Until', kind: 'date' },
  ],
  command: {
    typed: 'share password',
    what: "ask to share a school social media account's password with someone (section 5)",
    button: 'Share an account password',
    pattern: /\b(share (a |the |an )?(account'?s? )?password|password shar)/,
  },
  nouns: ['password sharing request', 'password sharing requests'],
  title: 'Sharing an account password',
  complete: {
    button: 'Password changed',
    asked:
      "Approved: share the password in person or through the school's Google Drive, never here. When the period ends, change the password and confirm it here.",
    done: 'Thank you: recorded as changed. I am letting the headteacher know.',
    noteLabel: 'Note (never the password)',
    section: 'Password changed',
  },
  approved: 'Approved and signed. I am letting the requester know; they will be reminded to change the password when the period ends.',
  section: 'section 5',
};
