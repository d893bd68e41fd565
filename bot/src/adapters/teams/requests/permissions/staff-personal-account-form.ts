import type { PermissionForm } from '../permission-spec';

/** A member of staff asks to use a personal social media account on a school device or the school WiFi (s.5). */
export const STAFF_PERSONAL_ACCOUNT_FORM: PermissionForm<'staffPersonalAccount'> = {
  type: 'staffPersonalAccount',
  heading: 'Ask to use a personal social media account at school',
  intro:
    'Staff do not use personal accounts on school devices or the school WiFi unless the headteacher permits it first, and the online safety lead has applied the network security controls (Social Media Policy, section 5).',
  fields: [
    {
      id: 'where',
      label: 'Where',
      kind: 'choice',
      choices: {
        schoolDevice: 'On a school device',
        schoolWifi: 'On the school WiFi (my own device)',
        both: 'On a school device, on the school WiFi',
      },
    },
    { id: 'device', label: 'Which school device', kind: 'text', placeholder: 'Its name or asset tag', optional: true },
    { id: 'platform', label: 'Platform or site', kind: 'text', placeholder: 'For example YouTube, X, Instagram' },
    {
      id: 'purpose',
      label: 'How it helps what is taught',
      kind: 'multiline',
      placeholder: 'What you will use it for, and with which lessons',
    },
    { id: 'lasts', label: 'How long', kind: 'choice', choices: { standing: 'Standing (until withdrawn)', period: 'For a period' } },
    { id: 'startDate', label: 'Start date', kind: 'date', optional: true },
    { id: 'endDate', label: 'End date', kind: 'date', optional: true },
  ],
  command: {
    typed: 'personal account',
    what: 'ask to use a personal social media account on a school device or the school WiFi (section 5)',
    button: 'Use a personal account at school',
    pattern: /\b(personal (social media )?account|own account|my account on (the )?school)\b/,
  },
  nouns: ['personal account request', 'personal account requests'],
  title: 'Personal account at school',
  complete: {
    button: 'Controls applied',
    asked: 'Approved: please apply the network security controls, then record them as applied.',
    done: 'Recorded as applied. I am letting the requester know.',
    noteLabel: 'What was set up',
    section: 'Network security controls',
  },
  approved: 'Approved and signed. I am asking the online safety lead to apply the network controls and letting the requester know.',
  section: 'section 5',
};
