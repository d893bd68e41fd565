/** Dates and the term calendar behind every due date and nudge (s.11 termly training; working days). */
import { addMonths, isoWeek } from '../../../../bot/src/domain/calendar/dates';
import {
  isWorkingDay,
  NO_TERM_DATES,
  schoolYearOf,
  termFor,
  workingDaysBetween,
  type SchoolCalendar,
} from '../../../../bot/src/domain/calendar/school-calendar';
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

describe('when the term dates run out: in a school year with none, every weekday is a working day', () => {
  it.each([
    ['2026-07-31', '2025-26', 'the last day of July ends a school year'],
    ['2026-08-01', '2026-27', 'August starts the next'],
    ['2027-03-25', '2026-27', 'spring'],
    ['2099-12-31', '2099-00', 'a century on'],
  ])('%s is in %s (%s)', (date, year) => expect(schoolYearOf(date)).toBe(year));

  it.each([
    [CALENDAR, '2027-08-16', true, 'a Monday in 2027-28, which has no term dates: nudges carry on'],
    [CALENDAR, '2027-08-14', false, 'a Saturday is never a working day'],
    [CALENDAR, '2026-07-20', true, 'a Monday in 2025-26, which has no term dates either'],
    [CALENDAR, '2026-08-03', false, 'the summer holiday before an autumn term the school gave'],
    [CALENDAR, '2027-07-26', false, 'the summer holiday at the end of a year the school gave'],
    [NO_TERM_DATES, '2026-12-23', true, 'no term dates at all: a weekday in the Christmas holiday counts'],
  ] as [SchoolCalendar, string, boolean, string][])('%#: %s working: %s (%s)', (calendar, date, working) =>
    expect(isWorkingDay(calendar, date)).toBe(working),
  );

  it('counts working days from a year with dates into one without', () => {
    // Friday 30 July 2027 is in the holiday of 2026-27; Monday 2 and Tuesday 3 August are weekdays of 2027-28.
    expect(workingDaysBetween(CALENDAR, '2027-07-29', '2027-08-03')).toBe(2);
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
