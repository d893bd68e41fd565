/** Dates and the term calendar behind every due date and nudge (s.11 termly training; working days). */
import {
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  isoWeek,
  longDate,
  toIsoDate,
  weekday,
} from '../../../../bot/src/domain/calendar/dates';
import {
  isWorkingDay,
  lastTermDay,
  NO_TERM_DATES,
  schoolYearOf,
  schoolYearSpan,
  termFor,
  workingDaysBetween,
  type SchoolCalendar,
} from '../../../../bot/src/domain/calendar/school-calendar';
import { localDate, localTime, SCHOOL_TIME_ZONE, zonedInstant } from '../../../../bot/src/domain/calendar/zoned-time';

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

  // The governing board's filtering review pack covers a school year chosen by its label.
  it.each([
    ['2025-26', { from: '2025-08-01', to: '2026-07-31' }],
    ['2099-00', { from: '2099-08-01', to: '2100-07-31' }],
    ['2025-27', undefined],
    ['2025-2026', undefined],
    ['x2025-26', undefined],
    ['2025-26 ', undefined],
    ['last year', undefined],
  ])('the school year labelled %j runs %j', (label, span) => expect(schoolYearSpan(label)).toEqual(span));

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

  it('the term dates run out after the last day of the latest term given, whatever order the terms are in', () => {
    expect(
      lastTermDay({
        terms: [CALENDAR.terms[1]!, { name: 'Summer', start: '2027-04-12', end: '2027-07-21' }, CALENDAR.terms[0]!],
        closures: [],
      }),
    ).toBe('2027-07-21');
    expect(lastTermDay(NO_TERM_DATES)).toBeUndefined();
  });

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

describe('days', () => {
  it.each([
    ['2026-11-24', 1, '2026-11-25'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-11-24T23:30:00Z', 30, '2026-12-24'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it.each([
    ['2026-11-24', '2026-12-24', 30],
    ['2026-12-24', '2026-11-24', -30],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-11-24', '2026-11-24', 0],
  ])('from %s to %s: %i days', (from, to, expected) => expect(daysBetween(from, to)).toBe(expected));

  it.each([
    ['2026-11-22', 0],
    ['2026-11-23', 1],
    ['2026-11-28', 6],
  ])('%s is weekday %i', (date, expected) => expect(weekday(date)).toBe(expected));

  it.each<[unknown, boolean]>([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-24', false],
    ['x2026-11-24', false],
    ['2026-11-24x', false],
    ['2026-11-24T10:00:00Z', false],
    [20261124, false],
  ])('%p is a calendar date: %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ['2027-01-09', '9 January 2027'],
    ['2027-02-28', '28 February 2027'],
    ['2027-03-01', '1 March 2027'],
    ['2027-04-12', '12 April 2027'],
    ['2027-05-03', '3 May 2027'],
    ['2027-06-30', '30 June 2027'],
    ['2027-07-21', '21 July 2027'],
    ['2027-08-31', '31 August 2027'],
    ['2026-09-02', '2 September 2026'],
    ['2026-10-26', '26 October 2026'],
    ['2026-11-01', '1 November 2026'],
    ['2026-12-31T10:00:00Z', '31 December 2026'],
  ])('%s is written %s', (date, expected) => expect(longDate(date)).toBe(expected));
});

describe('terms and closures: first and last days count', () => {
  const UNSORTED: SchoolCalendar = { terms: [CALENDAR.terms[1]!, CALENDAR.terms[0]!], closures: CALENDAR.closures };
  it.each([
    ['2026-09-02', true, 'the first day of term'],
    ['2026-12-18', true, 'the last day of term (a Friday)'],
    ['2026-09-01', false, 'the day before term'],
    ['2026-10-26', false, 'the first day of half term'],
    ['2026-10-30', false, 'the last day of half term'],
    ['2026-10-23', true, 'the Friday before half term'],
    ['2026-11-02', true, 'the Monday after'],
  ])('%s working: %s (%s)', (date, working) => expect(isWorkingDay(CALENDAR, date)).toBe(working));

  it('a day in any one of several closures is not a working day', () => {
    const twoClosures: SchoolCalendar = {
      terms: CALENDAR.terms,
      closures: [...CALENDAR.closures, { name: 'INSET day', start: '2026-11-27', end: '2026-11-27' }],
    };
    expect([
      isWorkingDay(twoClosures, '2026-10-27'),
      isWorkingDay(twoClosures, '2026-11-27'),
      isWorkingDay(twoClosures, '2026-11-26'),
    ]).toEqual([false, false, true]);
  });

  it('finds the right term when the terms are not listed in order', () => {
    expect(termFor(UNSORTED, '2026-12-24')?.name).toBe('Autumn');
    expect(termFor(UNSORTED, '2027-02-01')?.name).toBe('Spring');
  });
});

describe('the school clock: the time shown', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '00:30', 'summer: an hour ahead of UTC'],
    ['2026-12-01T07:05:00Z', '07:05', 'winter: UTC'],
    ['2026-12-01T23:59:59Z', '23:59', 'seconds are not shown'],
  ])('%s shows %s (%s)', (instant, expected) => expect(localTime(new Date(instant))).toBe(expected));

  it('tells the date in another zone when asked', () => {
    expect(localDate(new Date('2026-11-24T20:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-25');
    expect(zonedInstant('2026-11-25', '05:00', 'Asia/Tokyo').toISOString()).toBe('2026-11-24T20:00:00.000Z');
  });
});

/** The dates a school types (term dates, s.11 training due dates), as UK MIS exports write them or as ISO dates. */
describe('a date as typed: DD/MM/YYYY or YYYY-MM-DD, and nothing around it (s.11)', () => {
  it.each<[string, string | undefined]>([
    ['03/09/2026', '2026-09-03'],
    ['3/9/2026', '2026-09-03'],
    ['2026-09-03', '2026-09-03'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2027', undefined],
    ['31/04/2027', undefined],
    ['003/09/2026', undefined],
    ['03/009/2026', undefined],
    ['03/09/26', undefined],
    ['03/09/20266', undefined],
    [' 03/09/2026', undefined],
    ['03/09/2026 ', undefined],
    ['2026-9-03', undefined],
    ['2026-09-3', undefined],
    ['x2026-09-03', undefined],
    ['2026-09-03x', undefined],
    ['00/09/2026', undefined],
    ['2026-00-03', undefined],
    ['', undefined],
  ])('%p reads as %p', (typed, read) => {
    expect(toIsoDate(typed)).toBe(read);
  });

  it('the school clock is London time, and no term dates means none of either kind', () => {
    expect(SCHOOL_TIME_ZONE).toBe('Europe/London');
    expect(NO_TERM_DATES).toEqual({ terms: [], closures: [] });
  });

  it.each([
    ['2027-05-03', '3 May 2027'],
    ['2027-11-05', '5 November 2027'],
  ])('%s is written %s', (date, expected) => expect(longDate(date)).toBe(expected));
});
