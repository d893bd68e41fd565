/** An incident's choices as the reporter and the DSL read them, and the reference the reporter is given (C-00042). */
import {
  CATEGORY_LABELS,
  idFromReference,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  incidentReference,
  INVOLVED,
  INVOLVED_LABELS,
  STATUS_LABELS,
  WHERE,
  WHERE_LABELS,
} from '../../../../bot/src/domain/incidents/incident';

describe('every choice on the form and in the tab has its own label', () => {
  it.each<[string, readonly string[], Record<string, string>]>([
    ['categories', INCIDENT_CATEGORIES, CATEGORY_LABELS],
    ['who is involved', INVOLVED, INVOLVED_LABELS],
    ['where', WHERE, WHERE_LABELS],
    ['statuses', INCIDENT_STATUSES, STATUS_LABELS],
  ])('%s', (_choice, values, labels) => {
    const shown = values.map((value) => labels[value]);
    expect(shown.every((label) => typeof label === 'string' && label.trim() !== '')).toBe(true);
    expect(new Set(shown).size).toBe(values.length);
  });

  it('offers the categories of the policy: s.2, s.4 (data-protection breaches), s.6-10', () => {
    expect(INCIDENT_CATEGORIES).toEqual([
      'abuseAboutSchool',
      'cyberbullying',
      'pupilDisclosure',
      'staffConduct',
      'friendFollowStaff',
      'contentOnSchoolEquipment',
      'firewallCircumvention',
      'illegalActivity',
      'dataProtectionBreach',
      'other',
    ]);
    expect(INVOLVED).toEqual(['pupil', 'staff', 'parent', 'headteacher', 'unknown']);
  });
});

describe('references', () => {
  it.each([
    ['42', 'C-00042'],
    ['7', 'C-00007'],
    ['123456', 'C-123456'],
  ])('incident %s is %s', (id, reference) => expect(incidentReference(id)).toBe(reference));

  it.each<[string, string | undefined]>([
    ['C-00042', '42'],
    ['c42', '42'],
    ['C42', '42'],
    ['42', '42'],
    [' c-0042 ', '42'],
    ['0', '0'],
    ['C-000000000001', '1'],
    ['123456789012', '123456789012'],
    ['1234567890123', undefined],
    ['C-00042x', undefined],
    ['xC-00042', undefined],
    ['C--42', undefined],
    ['C-', undefined],
    ['bullying', undefined],
  ])('%p is typed for incident %p', (typed, id) => expect(idFromReference(typed)).toBe(id));
});

/** The exact words the reporter picks from and the DSL reads in the log (s.8: reporting concerns; s.2: the DSL's log). */
describe('the labels shown for each choice, word for word (s.8)', () => {
  it.each<[string, string]>([
    ['abuseAboutSchool', 'Inappropriate comment or abuse about the school'],
    ['cyberbullying', 'Cyberbullying'],
    ['pupilDisclosure', 'Online abuse, harassment or exploitation disclosed by a pupil'],
    ['staffConduct', "A staff member's online conduct"],
    ['friendFollowStaff', "A pupil or parent 'friend' or 'follow' of staff"],
    ['contentOnSchoolEquipment', 'Inappropriate content reached on school equipment'],
    ['firewallCircumvention', 'An attempt to get round the firewall'],
    ['illegalActivity', 'Possible illegal activity'],
    ['dataProtectionBreach', 'A possible data-protection breach (personal data lost, shared or posted wrongly)'],
    ['other', 'Other'],
  ])('category %s reads "%s"', (category, label) => {
    expect(CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS]).toBe(label);
  });

  it.each<[string, string]>([
    ['pupil', 'A pupil'],
    ['staff', 'A member of staff'],
    ['parent', 'A parent or carer'],
    ['headteacher', 'The headteacher'],
    ['unknown', 'Unknown'],
  ])('who is involved: %s reads "%s"', (involved, label) => {
    expect(INVOLVED_LABELS[involved as keyof typeof INVOLVED_LABELS]).toBe(label);
  });

  it.each<[string, string]>([
    ['platform', 'A social media platform or app'],
    ['schoolDevice', 'A school device'],
    ['schoolAccount', 'A school account'],
  ])('where: %s reads "%s"', (where, label) => {
    expect(WHERE_LABELS[where as keyof typeof WHERE_LABELS]).toBe(label);
  });

  it.each<[string, string]>([
    ['new', 'New'],
    ['inProgress', 'In progress'],
    ['actionTaken', 'Action taken'],
    ['closed', 'Closed'],
  ])('status %s reads "%s"', (status, label) => {
    expect(STATUS_LABELS[status as keyof typeof STATUS_LABELS]).toBe(label);
  });

  it('the where and status choices are offered in this order', () => {
    expect(WHERE).toEqual(['platform', 'schoolDevice', 'schoolAccount']);
    expect(INCIDENT_STATUSES).toEqual(['new', 'inProgress', 'actionTaken', 'closed']);
  });
});
