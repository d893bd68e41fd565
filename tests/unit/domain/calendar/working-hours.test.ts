/**
 * Working hours, for the incident log's timescales: only the school day's hours (08:00–17:00
 * school time here) on working days count; weekends, half term and the holidays between terms do
 * not, and British Summer Time is the school's time.
 */
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import { addWorkingDays, addWorkingHours, isWorkingTime } from '../../../../bot/src/domain/calendar/working-hours';

const CALENDAR: SchoolCalendar = {
  terms: [
    { name: 'Autumn', start: '2026-09-02', end: '2026-12-18' },
    { name: 'Spring', start: '2027-01-04', end: '2027-03-25' },
  ],
  closures: [{ name: 'Half term', start: '2026-10-26', end: '2026-10-30' }],
};
const DAY = { start: '08:00', end: '17:00' };

describe('the moment a number of working hours have passed', () => {
  it.each<[string, string, number, string | undefined]>([
    ['a Tuesday morning', '2026-11-24T10:00:00Z', 4, '2026-11-24T14:00:00.000Z'],
    ['late on Tuesday: the rest goes on Wednesday morning', '2026-11-24T15:00:00Z', 4, '2026-11-25T10:00:00.000Z'],
    ['late on Friday: the weekend does not count', '2026-11-27T16:00:00Z', 4, '2026-11-30T11:00:00.000Z'],
    ['on a Saturday: from Monday morning', '2026-11-28T12:00:00Z', 4, '2026-11-30T12:00:00.000Z'],
    ['before school: from 08:00', '2026-11-24T06:00:00Z', 4, '2026-11-24T12:00:00.000Z'],
    ['after school: from the next morning', '2026-11-24T19:30:00Z', 4, '2026-11-25T12:00:00.000Z'],
    ['the Friday before half term', '2026-10-23T15:30:00Z', 4, '2026-11-02T11:30:00.000Z'], // 16:30 BST: half an hour, then 08:00 GMT on 2 November
    ['in British Summer Time (10:00 BST)', '2026-09-15T09:00:00Z', 4, '2026-09-15T13:00:00.000Z'],
    ['the last afternoon of term: the rest in January', '2026-12-18T16:00:00Z', 4, '2027-01-04T11:00:00.000Z'],
    ['twice as long, for the second escalation', '2026-11-24T10:00:00Z', 8, '2026-11-25T09:00:00.000Z'],
    // Its school year ends with no more terms; the next has no term dates, so every weekday counts.
    ['after the last term of the year: the next school year, without term dates', '2027-03-25T16:00:00Z', 4, '2027-08-02T10:00:00.000Z'],
  ])('%s', (_, from, hours, expected) => {
    expect(addWorkingHours(CALENDAR, DAY, new Date(from), hours)?.toISOString()).toBe(expected);
  });

  it('ends at the close of the day when the hours run out exactly then, not the next morning', () => {
    expect(addWorkingHours(CALENDAR, DAY, new Date('2026-11-24T08:00:00Z'), 9)?.toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('counts a shorter working day when the school sets one', () => {
    expect(addWorkingHours(CALENDAR, { start: '08:30', end: '15:30' }, new Date('2026-11-24T13:00:00Z'), 4)?.toISOString()).toBe(
      '2026-11-25T10:00:00.000Z',
    );
  });
});

describe('follow-up dates in working days', () => {
  it.each<[string, string, number, string | undefined]>([
    ['tomorrow, on a Tuesday', '2026-11-24', 1, '2026-11-25'],
    ['on a Friday: Monday', '2026-11-27', 1, '2026-11-30'],
    ['over half term', '2026-10-22', 2, '2026-11-02'],
    ['past the term dates: the next weekday of a year without them', '2027-03-25', 1, '2027-08-02'],
  ])('%s', (_, from, n, expected) => {
    expect(addWorkingDays(CALENDAR, from, n)).toBe(expected);
  });
});

describe('whether it is working time now', () => {
  it.each<[string, boolean]>([
    ['2026-11-24T08:00:00Z', true],
    ['2026-11-24T07:59:00Z', false],
    ['2026-11-24T17:00:00Z', false],
    ['2026-11-28T10:00:00Z', false], // a Saturday
    ['2026-10-27T10:00:00Z', false], // half term
    ['2026-09-15T07:30:00Z', true], // 08:30 BST
  ])('%s: %s', (at, expected) => {
    expect(isWorkingTime(CALENDAR, DAY, new Date(at))).toBe(expected);
  });
});

describe('how far ahead a deadline is looked for: 400 days', () => {
  // Term dates for two school years with a single working day between them: 7 September 2027, the
  // 400th day after 3 August 2026 (2026-27's only "term" is a Saturday).
  const sparse = (day: string): SchoolCalendar => ({
    terms: [
      { name: 'A Saturday', start: '2026-09-05', end: '2026-09-05' },
      { name: 'One day', start: day, end: day },
    ],
    closures: [],
  });

  it.each<[string, string | undefined]>([
    ['2027-09-07', '2027-09-07'],
    ['2027-09-08', undefined],
  ])('the next working day after 3 August 2026 when the only one is %s: %s', (day, expected) => {
    expect(addWorkingDays(sparse(day), '2026-08-03', 1)).toBe(expected);
  });

  it.each<[string, string | undefined]>([
    ['2027-09-07', '2027-09-07T08:00:00.000Z'],
    ['2027-09-08', undefined],
  ])('an hour from 4 August 2026 when the only working day is %s', (day, expected) => {
    expect(addWorkingHours(sparse(day), DAY, new Date('2026-08-04T10:00:00Z'), 1)?.toISOString()).toBe(expected);
  });
});
