/**
 * The tab writes dates out itself (Intl's first formatter costs a page 15-35 ms). Staff must read
 * exactly what Intl's en-GB would show on the school's clock (UK time), so each format is compared
 * with Intl's across a year: every month, both clock changes to the minute, midnights either side.
 */
import { localDate } from '../../../bot/src/domain/calendar/zoned-time';
import { schoolToday } from '../../../tab/src/school-today';
import { isoDate, longDate, longDateTime, monthAndYear, shortDate, shortDateTime, weekdayDateTime } from '../../../tab/src/ui/dates';

const intl = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Europe/London' });
  return (value: string) => format.format(new Date(value));
};

const FORMATS: [string, (value: string) => string, (value: string) => string][] = [
  ['shortDate', shortDate, intl({ day: 'numeric', month: 'short', year: 'numeric' })],
  ['longDate', longDate, intl({ day: 'numeric', month: 'long', year: 'numeric' })],
  ['longDateTime', longDateTime, intl({ day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })],
  ['monthAndYear', monthAndYear, intl({ month: 'long', year: 'numeric' })],
  ['shortDateTime', shortDateTime, intl({ dateStyle: 'medium', timeStyle: 'short' })],
  ['weekdayDateTime', weekdayDateTime, intl({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })],
  // A date field's value: the school's date as the server's calendar reads it (Intl, Europe/London).
  ['isoDate', isoDate, (value) => localDate(new Date(value))],
];

const INSTANTS = [
  // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
  '2026-03-29T00:59:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T00:59:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T00:59:00Z',
  '2027-03-28T01:00:00Z',
  // Around midnight UK time, summer (23:00 UTC is midnight BST) and winter.
  '2026-06-30T22:59:00Z',
  '2026-06-30T23:00:00Z',
  '2026-12-31T23:59:00Z',
  '2027-01-01T00:00:00Z',
  // A leap day, and a date the tab builds from a date-only value (noon UTC).
  '2028-02-29T12:00:00Z',
  '2026-09-07T12:00:00Z',
  // Date-only values as the server sends some (a due date, a day left): midnight UTC.
  '2026-09-07',
  '2026-12-25',
  // Every month of a school year, morning and evening.
  ...Array.from({ length: 12 }, (_, month) => [
    `2026-${String(month + 1).padStart(2, '0')}-0${(month % 7) + 1}T08:05:00Z`,
    `2026-${String(month + 1).padStart(2, '0')}-1${month % 9}T19:45:00.000Z`,
  ]).flat(),
];

describe.each(FORMATS)('%s', (_name, ours, intls) => {
  it.each(INSTANTS)('reads %s as Intl en-GB does in UK time', (instant) => {
    expect(ours(instant)).toBe(intls(instant));
  });
});

it('writes what staff read (the examples in the code)', () => {
  const instant = '2026-09-07T08:05:00Z';
  expect([shortDate, longDate, longDateTime, monthAndYear, shortDateTime, weekdayDateTime].map((format) => format(instant))).toEqual([
    '7 Sept 2026',
    '7 September 2026',
    '7 September 2026 at 09:05',
    'September 2026',
    '7 Sept 2026, 09:05',
    'Mon 7 Sept, 09:05',
  ]);
});

// Intl throws on these ("Invalid time value"); the tab shows a dash where the date would be, not "NaN undefined NaN".
describe.each(FORMATS)('%s of a value that is not a date', (_name, ours) => {
  it.each(['', 'not a date', '2026-13-45', 'NaN'])('writes %p as a dash', (value) => {
    expect(ours(value)).toBe('—');
  });
});

describe("today's date at the school, a date field's default", () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    // 00:30 on 1 July in the UK is still 30 June in UTC: the form must say 1 July.
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2027-01-01T00:30:00Z', '2027-01-01'],
  ])('at %s it is %s', (now, expected) => {
    jest.useFakeTimers({ now: new Date(now) });
    expect(schoolToday()).toBe(expected);
  });
});
