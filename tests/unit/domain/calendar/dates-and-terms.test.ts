/** Dates and the term calendar behind every due date and nudge (s.11 termly training; working days). */
import { addMonths, isoWeek } from '../../../../bot/src/domain/calendar/dates';
import { isWorkingDay, termFor, workingDaysBetween, type SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import { localDate, zonedInstant } from '../../../../bot/src/domain/calendar/zoned-time';

const CALENDAR: SchoolCalendar = {
  terms: [
    { name: 'Autumn', start: '2026-09-02', end: '2026-12-18' },
    { name: 'Spring', start: '2027-01-04', end: '2027-03-25' },
  ],
  closures: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }],
};

describe('calendar months (leap years)', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28', 'a year after 29 February is 28 February'],
    ['2024-02-29', 48, '2028-02-29', 'four years later it is 29 February again'],
    ['2023-02-28', 12, '2024-02-28', 'a leap year does not move an ordinary date'],
    ['2026-01-31', 1, '2026-02-28', 'the end of a short month'],
    ['2026-08-31', 24, '2028-08-31', 'the two-year review cycle (s.12)'],
  ])('%s + %i months = %s (%s)', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2027-01-01', '2026-W53'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in week %s', (date, week) => expect(isoWeek(date)).toBe(week));
});

describe('working days: weekends, school holidays and closures do not count', () => {
  it.each([
    ['2026-11-24', true, 'a Tuesday in term'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-10-27', false, 'half term'],
    ['2026-12-23', false, 'the Christmas holiday'],
    ['2026-08-20', false, 'the summer holiday'],
  ])('%s working: %s (%s)', (date, working) => expect(isWorkingDay(CALENDAR, date)).toBe(working));

  it.each([
    ['2026-11-20', '2026-11-24', 2, 'Friday to Tuesday: Monday and Tuesday'],
    ['2026-10-23', '2026-11-03', 2, 'across half term: Monday 2 and Tuesday 3 November'],
    ['2026-12-17', '2027-01-05', 3, 'across Christmas: 18 December, 4 and 5 January'],
    ['2026-11-24', '2026-11-24', 0, 'the same day'],
  ])('from %s to %s: %i (%s)', (from, to, expected) => expect(workingDaysBetween(CALENDAR, from, to)).toBe(expected));

  it('finds the term a day is in, or the term just ended in a holiday', () => {
    expect(termFor(CALENDAR, '2026-11-24')?.name).toBe('Autumn');
    expect(termFor(CALENDAR, '2026-12-24')?.name).toBe('Autumn');
    expect(termFor(CALENDAR, '2027-01-04')?.name).toBe('Spring');
    expect(termFor(CALENDAR, '2026-08-01')).toBeUndefined();
  });
});

describe('the school clock (Europe/London)', () => {
  it.each([
    ['2026-03-28', '07:30', '2026-03-28T07:30:00.000Z', 'the day before the clocks go forward: GMT'],
    ['2026-03-29', '07:30', '2026-03-29T06:30:00.000Z', 'the day they go forward: BST'],
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z', 'a time the clocks skip runs just after the jump (02:30 BST)'],
    ['2026-10-25', '07:30', '2026-10-25T07:30:00.000Z', 'the day they go back: GMT again'],
    ['2026-07-01', '00:30', '2026-06-30T23:30:00.000Z', 'just after midnight in summer is the day before in UTC'],
  ])('%s %s is %s (%s)', (date, time, instant) => {
    expect(zonedInstant(date, time).toISOString()).toBe(instant);
  });

  it('tells the school day from an instant', () => {
    expect(localDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(localDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
