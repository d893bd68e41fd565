/** A request waiting on someone more than two working days earns a nudge; s.4 takedowns are reminded until closed. */
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import { escalationDue, reminderKey, waitingNudge } from '../../../../bot/src/domain/reminders/reminder-rules';

const CALENDAR: SchoolCalendar = {
  terms: [{ name: 'Autumn', start: '2026-09-02', end: '2026-12-18' }],
  closures: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }],
};

describe('nudges for requests that wait', () => {
  it.each([
    ['2026-11-23', '2026-11-25', undefined, 'Monday to Wednesday: two working days, not more'],
    ['2026-11-23', '2026-11-26', 3, 'Thursday: three working days'],
    ['2026-11-20', '2026-11-25', 3, 'the weekend does not count'],
    ['2026-10-22', '2026-11-02', undefined, 'half term does not count: Friday and Monday are two, nothing yet'],
    ['2026-10-22', '2026-11-03', 3, 'after half term: Tuesday makes three'],
    ['2026-11-23', '2026-11-28', undefined, 'no nudges on a Saturday'],
    ['2026-12-16', '2026-12-21', undefined, 'none in the holidays'],
  ] as [string, string, number | undefined, string][])('waiting since %s, on %s → %s working days (%s)', (since, today, expected) => {
    expect(waitingNudge(CALENDAR, since, today)?.workingDays).toBe(expected);
  });

  it('nudges again every two working days while it still waits, never twice for the same stretch', () => {
    const periods = ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'].map(
      (today) => waitingNudge(CALENDAR, '2026-11-23', today)?.period,
    );
    expect(periods).toEqual(['wait-2026-11-23-0', 'wait-2026-11-23-0', 'wait-2026-11-23-1', 'wait-2026-11-23-1', 'wait-2026-11-23-2']);
  });

  it('keys a message by person, reason and period', () => {
    expect(reminderKey('7', 'training-overdue:staff-online-safety', '2026-W48')).toBe('training-overdue:staff-online-safety|2026-W48|7');
  });
});

describe('taking a request that still waits to someone above (after 2 + 3 working days)', () => {
  it.each([
    ['2026-11-30', undefined, 'Monday: five working days since the Monday before, not more'],
    ['2026-12-01', { workingDays: 6, period: 'escalate-2026-11-23' }, 'Tuesday: six, once, for that wait'],
    ['2026-12-05', undefined, 'never on a Saturday, however long it has waited'],
    ['2026-12-21', undefined, 'never in the holidays'],
  ] as [string, ReturnType<typeof escalationDue>, string][])('waiting since Monday 23 November, on %s → %j (%s)', (today, expected) => {
    expect(escalationDue(CALENDAR, '2026-11-23', today, 2, 3)).toEqual(expected);
  });
});
