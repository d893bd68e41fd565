import { z } from 'zod';
import { dateField, longText, maybeText, periodProblems, permissionWorkflow, shortText } from './permission-workflow';

/**
 * Pupils using a social media platform on the school WiFi (s.7): a class (on roll now) or a named
 * group, for a curriculum activity, between two school dates, supervised by a member of staff;
 * only with the headteacher's prior permission and once the online safety lead has applied the
 * network security measures. No pupil is named.
 */
export const PUPIL_WIFI_WORKFLOW = permissionWorkflow({
  type: 'pupilWifi',
  name: 'Pupils on the school WiFi',
  prefix: 'PW',
  form: z.object({
    className: maybeText('Class'),
    group: maybeText('Group'),
    platform: shortText('Platform or site'),
    purpose: longText('Curriculum activity'),
    startDate: dateField('Start date'),
    endDate: dateField('End date'),
    supervisorId: shortText('Supervising member of staff'),
  }),
  check: (details, today) => ({
    ...(!details.className && !details.group
      ? { className: 'Choose a class, or describe the group (for example "Year 6 digital leaders").' }
      : {}),
    ...(details.className && details.group ? { group: 'Choose a class or describe a group, not both: ask once for each.' } : {}),
    ...periodProblems(details.startDate, details.endDate, today, { start: 'startDate', end: 'endDate' }),
  }),
  refersTo: { className: 'class', supervisorId: 'staff' },
  summary: (details) => `${details.classNameName ?? details.group ?? ''}: ${details.platform ?? ''}`,
  viewAll: 'pupilWifi.viewAll',
  approved: {
    label: 'Approved — waiting for the online safety lead to apply the network security measures',
    waitsOn: 'onlineSafetyLead',
    escalateTo: 'headteacher',
  },
  complete: { label: 'record the network security measures as applied', done: 'Measures applied', noteLabel: 'What was set up' },
});
