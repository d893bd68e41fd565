import { z } from 'zod';
import { addDays } from '../calendar/dates';
import { dateField, longText, permissionWorkflow, shortText } from './permission-workflow';

/**
 * Sharing a school social media account's password with someone (s.5: passwords are kept in the
 * school's Google Drive and shared with nobody unauthorised unless the headteacher permits it).
 * The password itself is never typed into the app. Once the period ends the requester is reminded,
 * from the next working day, to change the password, until they confirm they have.
 */
export const ACCOUNT_PASSWORD_WORKFLOW = permissionWorkflow({
  type: 'accountPassword',
  name: 'Sharing an account password',
  prefix: 'PS',
  form: z.object({
    accountId: shortText('School account'),
    sharedWithId: shortText('Shared with'),
    reason: longText('Why'),
    until: dateField('Until'),
  }),
  check: (details, today): Record<string, string> =>
    details.until && details.until < today
      ? { until: 'The date cannot be in the past.' }
      : details.until && details.until > addDays(today, 366)
        ? { until: 'A password is shared for a school year at most.' }
        : {},
  refersTo: { accountId: 'schoolAccount', sharedWithId: 'person' },
  summary: (details) => `${details.accountIdName ?? ''} with ${details.sharedWithIdName ?? ''}`,
  viewAll: 'accountPassword.viewAll',
  approved: {
    label: 'Approved — the password is to be changed when the period ends',
    waitsOn: 'requester',
    escalateTo: 'headteacher',
    waitsFrom: (request) => request.details.until ?? request.updatedAt,
    remindAfter: 0,
    reminder: "The period has ended: change the account's password, then confirm it on the request (never type the password).",
  },
  complete: { label: 'confirm the password has been changed', done: 'Password changed', noteLabel: 'Note (never the password)' },
});
