import { z } from 'zod';
import { longText, maybeDate, maybeText, oneOf, periodProblems, permissionWorkflow, shortText } from './permission-workflow';

export const STAFF_PERSONAL_ACCOUNT_WHERE = ['schoolDevice', 'schoolWifi', 'both'] as const;

/**
 * A member of staff using a personal social media account on a school device or the school WiFi
 * (s.5): only with the headteacher's prior permission, where it is beneficial to what is taught,
 * and once the online safety lead has applied the network security controls. For a period or standing.
 */
export const STAFF_PERSONAL_ACCOUNT_WORKFLOW = permissionWorkflow({
  type: 'staffPersonalAccount',
  name: 'Personal account at school',
  prefix: 'PA',
  form: z.object({
    where: oneOf('Where', STAFF_PERSONAL_ACCOUNT_WHERE),
    device: maybeText('Which school device'),
    platform: shortText('Platform or site'),
    purpose: longText('How it helps what is taught'),
    lasts: oneOf('How long', ['standing', 'period'] as const),
    startDate: maybeDate('Start date'),
    endDate: maybeDate('End date'),
  }),
  check: (details, today) => ({
    ...(details.where !== 'schoolWifi' && !details.device ? { device: 'Say which school device (its name or asset tag).' } : {}),
    ...(details.lasts === 'period' && !details.startDate ? { startDate: 'A permission for a period needs a start date.' } : {}),
    ...(details.lasts === 'period' && !details.endDate ? { endDate: 'A permission for a period needs an end date.' } : {}),
    ...(details.lasts === 'period'
      ? periodProblems(details.startDate, details.endDate, today, { start: 'startDate', end: 'endDate' })
      : {}),
  }),
  summary: (details) => details.platform ?? '',
  viewAll: 'staffPersonalAccount.viewAll',
  approved: {
    label: 'Approved — waiting for the online safety lead to apply the network controls',
    waitsOn: 'onlineSafetyLead',
    escalateTo: 'headteacher',
  },
  complete: { label: 'record the network controls as applied', done: 'Controls applied', noteLabel: 'What was set up' },
});
