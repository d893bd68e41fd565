/** An incident's status: new → in progress → action taken → closed, and a closed one can be reopened. */
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../../bot/src/domain/incidents/incident';
import { allowedStatusChanges, canChangeStatus, describeStatusChange } from '../../../../bot/src/domain/incidents/incident-status';
import { validateIncidentReport } from '../../../../bot/src/domain/incidents/incident-input';
import { idFromReference, incidentReference } from '../../../../bot/src/domain/incidents/incident';

/**
 * Every change of status, written from what the DSL is promised (docs/what-it-does.md, the
 * Incidents tab: "status (new → in progress → action taken → closed, reopen)"), not from the
 * table in incident-status.ts: [from, to, allowed, why].
 */
const CHANGES: [IncidentStatus, IncidentStatus, boolean, string][] = [
  ['new', 'inProgress', true, 'someone starts on it'],
  ['new', 'actionTaken', true, 'acted on at once: a step forward may be skipped'],
  ['new', 'closed', true, 'nothing to act on: closed at once'],
  ['inProgress', 'actionTaken', true, 'the next step'],
  ['inProgress', 'closed', true, 'dealt with'],
  ['actionTaken', 'closed', true, 'the last step'],
  ['actionTaken', 'inProgress', true, 'more to do after the action'],
  ['closed', 'inProgress', true, 'reopened: someone is working on it again'],
  ['closed', 'actionTaken', false, 'a reopened concern goes back to in progress, not straight to action taken'],
  ['inProgress', 'new', false, 'never new again: someone has looked at it'],
  ['actionTaken', 'new', false, 'never new again: someone has looked at it'],
  ['closed', 'new', false, 'never new again, even reopened'],
  ['new', 'new', false, 'not a change'],
  ['inProgress', 'inProgress', false, 'not a change'],
  ['actionTaken', 'actionTaken', false, 'not a change'],
  ['closed', 'closed', false, 'not a change'],
];

describe('status changes', () => {
  it('has a row for every pair of statuses', () => {
    expect(new Set(CHANGES.map(([from, to]) => `${from} → ${to}`)).size).toBe(INCIDENT_STATUSES.length ** 2);
  });

  it.each(CHANGES)('%s → %s allowed: %s (%s)', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });

  it('offers exactly the allowed changes', () => {
    for (const from of INCIDENT_STATUSES) {
      const allowed = CHANGES.filter(([f, , may]) => f === from && may).map(([, to]) => to);
      expect([...allowedStatusChanges(from)].sort()).toEqual(allowed.sort());
    }
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
  const form = {
    whatHappened: 'A comment calling a teacher names',
    occurredOn: '2026-11-20',
    where: 'platform',
    platform: 'Facebook',
    involved: 'parent',
    category: 'abuseAboutSchool',
  };

  it('accepts a complete report and keeps the message it came from', () => {
    const result = validateIncidentReport(
      { ...form, sourceAuthor: 'Jo Bloggs', sourceLink: 'https://teams.microsoft.com/l/message/19:x/1' },
      '2026-11-24',
    );
    expect(result).toEqual({
      ok: true,
      value: { ...form, sourceMessage: { author: 'Jo Bloggs', link: 'https://teams.microsoft.com/l/message/19:x/1' } },
      pupilIds: [],
    });
  });

  it.each<[string, unknown, string[] | string]>([
    ['none ticked', '', []],
    ['one', '12', ['12']],
    ['several, each once', '12,15,12', ['12', '15']],
    ['not ids', '12,Amelia', 'Choose the pupils from the list.'],
    ['too many for a report', Array.from({ length: 31 }, (_, i) => i + 1).join(','), 'Name at most 30 pupils; the DSL can link more.'],
  ])('reads the pupils the reporter named: %s', (_, pupilIds, expected) => {
    const result = validateIncidentReport({ ...form, pupilIds }, '2026-11-24');
    expect(result).toEqual(
      typeof expected === 'string'
        ? { ok: false, errors: { pupilIds: expected } }
        : expect.objectContaining({ ok: true, pupilIds: expected }),
    );
  });

  it('names each missing or wrong field', () => {
    const result = validateIncidentReport({ whatHappened: ' ', occurredOn: 'yesterday', where: 'park', involved: 'pupil' }, '2026-11-24');
    expect(result).toEqual({
      ok: false,
      errors: {
        whatHappened: 'What happened is required.',
        occurredOn: 'Give the date it happened.',
        where: 'Choose where it happened.',
        category: 'Choose a category.',
      },
    });
  });

  it('refuses a date in the future and hidden control characters', () => {
    expect(validateIncidentReport({ ...form, occurredOn: '2026-11-25' }, '2026-11-24')).toEqual({
      ok: false,
      errors: { occurredOn: 'That date is in the future.' },
    });
    expect(validateIncidentReport({ ...form, whatHappened: 'abc\u202Edef' }, '2026-11-24')).toMatchObject({
      ok: false,
      errors: { whatHappened: expect.stringMatching(/hidden/) },
    });
  });

  it('gives references the DSL can type back', () => {
    expect(incidentReference('42')).toBe('C-00042');
    expect(['C-00042', 'c42', '42', ' c-0042 '].map(idFromReference)).toEqual(['42', '42', '42', '42']);
    expect(idFromReference('bullying')).toBeUndefined();
  });
});
