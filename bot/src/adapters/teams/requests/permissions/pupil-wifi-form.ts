import type { PermissionForm } from '../permission-spec';

/** Pupils using social media on the school WiFi, per class or group, for a period (s.7). */
export const PUPIL_WIFI_FORM: PermissionForm<'pupilWifi'> = {
  type: 'pupilWifi',
  heading: 'Ask for pupils to use social media on the school WiFi',
  intro:
    "Pupils use social media on the school WiFi only as part of a curriculum activity, with the headteacher's prior permission, once the online safety lead has applied the network security measures (Social Media Policy, section 7). Do not name pupils here.",
  fields: [
    { id: 'className', label: 'Class', kind: 'class', optional: true },
    {
      id: 'group',
      label: 'Or a group',
      kind: 'text',
      placeholder: 'For example "Year 6 digital leaders" (no pupils\' names)',
      optional: true,
    },
    { id: 'platform', label: 'Platform or site', kind: 'text', placeholder: 'For example Padlet, YouTube Kids' },
    { id: 'purpose', label: 'Curriculum activity', kind: 'multiline', placeholder: 'What they will do, in which lessons' },
    { id: 'startDate', label: 'Start date', kind: 'date' },
    { id: 'endDate', label: 'End date', kind: 'date' },
    { id: 'supervisorId', label: 'Supervising member of staff', kind: 'staff' },
  ],
  command: {
    typed: 'pupils wifi',
    what: 'ask for a class or group to use social media on the school WiFi (section 7)',
    button: 'Pupils on social media (WiFi)',
    pattern: /\b(pupils?|class|children)\b.*\b(wifi|wi-fi|social media)\b/,
  },
  nouns: ['pupil WiFi request', 'pupil WiFi requests'],
  title: 'Pupils on the school WiFi',
  complete: {
    button: 'Measures applied',
    asked: 'Approved: please apply the network security measures for this class or group, then record them as applied.',
    done: 'Recorded as applied. I am letting the requester know.',
    noteLabel: 'What was set up',
    section: 'Network security measures',
  },
  approved:
    'Approved and signed. I am asking the online safety lead to apply the network security measures and letting the requester know.',
  section: 'section 7',
};
