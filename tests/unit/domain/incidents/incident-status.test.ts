/** An incident's status: new → in progress → action taken → closed, and a closed one can be reopened. */
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../../bot/src/domain/incidents/incident';
import { allowedStatusChanges, canChangeStatus, describeStatusChange } from '../../../../bot/src/domain/incidents/incident-status';
import { validateIncidentReport } from '../../../../bot/src/domain/incidents/incident-input';
import { idFromReference, incidentReference } from '../../../../bot/src/domain/incidents/incident';

const ALLOWED: Record<IncidentStatus, IncidentStatus[]> = {
  new: ['inProgress', 'actionTaken', 'closed'],
  inProgress: ['actionTaken', 'closed'],
  actionTaken: ['inProgress', 'closed'],
  closed: ['inProgress'],
};

describe('status changes', () => {
  const pairs = INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));
  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });

  it('offers exactly the allowed changes', () => {
    for (const from of INCIDENT_STATUSES) expect(allowedStatusChanges(from)).toEqual(ALLOWED[from]);
  });

  it.each<[IncidentStatus, IncidentStatus, string]>([
    ['closed', 'inProgress', 'Reopened'],
    ['new', 'inProgress', 'Marked in progress'],
    ['actionTaken', 'inProgress', 'Marked in progress'],
    ['new', 'actionTaken', 'Marked action taken'],
    ['inProgress', 'closed', 'Closed'],
    ['inProgress', 'new', 'Marked new'],
  ])('the chronology says %s → %s as "%s"', (from, to, text) => {
    expect(describeStatusChange(from, to)).toBe(text);
  });
});

describe('the report form', () => {
  const form = { whatHappened: 'A comment calling a teacher names', occurredOn: '2026-11-20', where: 'platform', platform: 'Facebook', involved: 'parent', category: 'abuseAboutSchool' };

  it('accepts a complete report and keeps the message it came from', () => {
    const result = validateIncidentReport({ ...form, sourceAuthor: 'Jo Bloggs', sourceLink: 'https://teams.microsoft.com/l/message/19:x/1' }, '2026-11-24');
    expect(result).toEqual({ ok: true, value: { ...form, sourceMessage: { author: 'Jo Bloggs', link: 'https://teams.microsoft.com/l/message/19:x/1' } } });
  });

  it('names each missing or wrong field', () => {
    const result = validateIncidentReport({ whatHappened: ' ', occurredOn: 'yesterday', where: 'park', involved: 'pupil' }, '2026-11-24');
    expect(result).toEqual({ ok: false, errors: { whatHappened: 'What happened is required.', occurredOn: 'Give the date it happened.', where: 'Choose where it happened.', category: 'Choose a category.' } });
  });

  it('refuses a date in the future and hidden control characters', () => {
    expect(validateIncidentReport({ ...form, occurredOn: '2026-11-25' }, '2026-11-24')).toEqual({ ok: false, errors: { occurredOn: 'That date is in the future.' } });
    expect(validateIncidentReport({ ...form, whatHappened: 'abc\u202Edef' }, '2026-11-24')).toMatchObject({ ok: false, errors: { whatHappened: expect.stringMatching(/hidden/) } });
  });

  it('gives references the DSL can type back', () => {
    expect(incidentReference('42')).toBe('C-00042');
    expect(['C-00042', 'c42', '42', ' c-0042 '].map(idFromReference)).toEqual(['42', '42', '42', '42']);
    expect(idFromReference('bullying')).toBeUndefined();
  });
});
