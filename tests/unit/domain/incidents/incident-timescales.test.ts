/**
 * An incident's timescales: a concern nobody opens goes to the deputy DSLs after 4 working hours
 * and to the headteacher (the chair, for a concern about the headteacher, s.8) after 8; follow-ups
 * fall overdue the day after their date; a data-protection breach has 72 hours (UK GDPR Art. 33).
 */
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import type { Incident } from '../../../../bot/src/domain/incidents/incident';
import {
  DEFAULT_TIMESCALES,
  escalationRoles,
  ICO_HOURS,
  ICO_REMINDER_HOURS,
  escalationsDue,
  icoClock,
  timescaleProblems,
} from '../../../../bot/src/domain/incidents/incident-timescales';

const CALENDAR: SchoolCalendar = { terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }], closures: [] };
type Timed = Parameters<typeof timescaleProblems>[0];
const reported: Timed = {
  reportedAt: '2026-11-24T10:00:00.000Z',
  status: 'new',
  escalatedStage: 0,
  aboutHeadteacher: false,
  category: 'cyberbullying',
};
const followUp = (dueOn: string, done = false): NonNullable<Incident['followUps']>[number] => ({
  id: 'f1',
  text: 'Referral follow-up',
  dueOn,
  assigneeId: 'p',
  assigneeName: 'Patti',
  setAt: '',
  setByName: '',
  ...(done ? { done: { at: '', byName: 'Patti' } } : {}),
});

describe('escalating a concern nobody has opened', () => {
  it.each<[string, Timed, string, number[]]>([
    ['not yet four working hours', reported, '2026-11-24T13:59:00Z', []],
    ['four working hours: the deputy DSLs', reported, '2026-11-24T14:00:00Z', [1]],
    ['eight working hours (into the next morning): the headteacher too', reported, '2026-11-25T09:00:00Z', [1, 2]],
    [
      'opened meanwhile: never',
      { ...reported, firstOpened: { at: '2026-11-24T11:00:00Z', byId: 'p', byName: 'Patti' } },
      '2026-11-26T09:00:00Z',
      [],
    ],
    ['closed without being opened: never', { ...reported, status: 'closed' }, '2026-11-26T09:00:00Z', []],
    ['reported before escalation existed: never', { ...reported, escalatedStage: undefined }, '2026-11-26T09:00:00Z', []],
    [
      'already escalated once: both stages are still due (each notice goes once)',
      { ...reported, escalatedStage: 1 },
      '2026-11-25T09:00:00Z',
      [1, 2],
    ],
  ])('%s', (_, incident, now, stages) => {
    expect(escalationsDue(incident, CALENDAR, DEFAULT_TIMESCALES, new Date(now))).toEqual(stages);
  });

  it('goes to the chair of governors instead of the headteacher for a concern about the headteacher (s.8)', () => {
    expect([
      escalationRoles(1, { aboutHeadteacher: false }),
      escalationRoles(2, { aboutHeadteacher: false }),
      escalationRoles(2, { aboutHeadteacher: true }),
    ]).toEqual([['deputyDsl'], ['headteacher'], ['chairOfGovernors']]);
  });

  it('uses the number of working hours the school sets', () => {
    expect(
      escalationsDue(reported, CALENDAR, { ...DEFAULT_TIMESCALES, escalateAfterWorkingHours: 2 }, new Date('2026-11-24T12:00:00Z')),
    ).toEqual([1]);
  });
});

describe('the 72-hour clock of a data-protection breach', () => {
  const breach: Timed = { ...reported, category: 'dataProtectionBreach' };
  it.each<[string, number, number[]]>([
    ['23 hours in', 23, []],
    ['24 hours in', 24, [24]],
    ['66 hours in', 66, [24, 48, 66]],
  ])('%s: reminders due %j', (_, hours, due) => {
    const clock = icoClock(breach, new Date(Date.parse(breach.reportedAt) + hours * 3_600_000));
    expect(clock).toEqual({ deadline: '2026-11-27T10:00:00.000Z', hoursPassed: hours, remindersDue: due });
  });

  it('stops once the decision on reporting is recorded, and does not run for other concerns', () => {
    expect(
      icoClock(
        { ...breach, ico: { reported: false, reason: 'Low risk', decidedById: 'd', decidedBy: 'Lynne', recordedAt: '' } },
        new Date('2026-11-26T10:00:00Z'),
      ),
    ).toBeUndefined();
    expect(icoClock(reported, new Date('2026-11-26T10:00:00Z'))).toBeUndefined();
  });
});

describe('what the log shows as past its timescales', () => {
  it.each<[string, Timed, string, string[]]>([
    ['nothing late', { ...reported, firstOpened: { at: '', byId: '', byName: '' } }, '2026-11-25T12:00:00Z', []],
    ['not opened in time', reported, '2026-11-24T15:00:00Z', ['Not opened within 4 working hours']],
    [
      'a follow-up due today is not late yet',
      { ...reported, status: 'inProgress', firstOpened: { at: '', byId: '', byName: '' }, followUps: [followUp('2026-11-25')] },
      '2026-11-25T16:00:00Z',
      [],
    ],
    [
      'a follow-up past its date',
      { ...reported, status: 'inProgress', firstOpened: { at: '', byId: '', byName: '' }, followUps: [followUp('2026-11-25')] },
      '2026-11-26T08:00:00Z',
      ['A follow-up is overdue'],
    ],
    [
      'a follow-up done is not late',
      { ...reported, status: 'inProgress', firstOpened: { at: '', byId: '', byName: '' }, followUps: [followUp('2026-11-25', true)] },
      '2026-11-26T08:00:00Z',
      [],
    ],
    [
      'a breach past 72 hours with no decision',
      { ...reported, category: 'dataProtectionBreach', firstOpened: { at: '', byId: '', byName: '' } },
      '2026-11-27T10:00:00Z',
      ['The 72-hour ICO deadline has passed'],
    ],
    [
      'two follow-ups past their dates',
      {
        ...reported,
        status: 'inProgress',
        firstOpened: { at: '', byId: '', byName: '' },
        followUps: [followUp('2026-11-24'), { ...followUp('2026-11-25'), id: 'f2' }],
      },
      '2026-11-26T08:00:00Z',
      ['2 follow-ups are overdue'],
    ],
    [
      'a breach with its 72 hours still running',
      { ...reported, category: 'dataProtectionBreach', firstOpened: { at: '', byId: '', byName: '' } },
      '2026-11-27T09:59:00Z',
      [],
    ],
    ['a closed incident: nothing', { ...reported, status: 'closed', followUps: [followUp('2026-11-01')] }, '2026-11-27T10:00:00Z', []],
  ])('%s', (_, incident, now, texts) => {
    expect(timescaleProblems(incident, CALENDAR, DEFAULT_TIMESCALES, new Date(now)).map((problem) => problem.text)).toEqual(texts);
  });
});

/** s.8 and UK GDPR Art. 33: the school's default working day and the ICO clock, exactly. */
describe('the default timescales and the ICO clock (s.8)', () => {
  it('a concern waits 4 working hours in a day of 08:00 to 17:00; the ICO has 72 hours, with reminders at 24, 48 and 66', () => {
    expect(DEFAULT_TIMESCALES).toEqual({ escalateAfterWorkingHours: 4, workingDay: { start: '08:00', end: '17:00' } });
    expect(ICO_HOURS).toBe(72);
    expect(ICO_REMINDER_HOURS).toEqual([24, 48, 66]);
  });

  const breach: Timed = { ...reported, category: 'dataProtectionBreach' };
  it.each<[number, number[], string[]]>([
    [47, [24], []],
    [48, [24, 48], []],
    [65, [24, 48], []],
    [71, [24, 48, 66], []],
    [72, [24, 48, 66], ['The 72-hour ICO deadline has passed']],
  ])('%d hours in: reminders %j, problems %j', (hours, due, texts) => {
    const now = new Date(Date.parse(breach.reportedAt) + hours * 3_600_000);
    expect(icoClock(breach, now)?.remindersDue).toEqual(due);
    expect(
      timescaleProblems(
        { ...breach, firstOpened: { at: breach.reportedAt, byId: 'd', byName: 'D' } } as Timed,
        CALENDAR,
        DEFAULT_TIMESCALES,
        now,
      ).map((problem) => problem.text),
    ).toEqual(texts);
  });
});
