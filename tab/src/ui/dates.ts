/**
 * Dates and times as school staff read them (en-GB), on the school's clock (UK time), written out
 * here rather than with Intl: the first Intl formatter a page makes costs it 15-35 ms on this
 * machine (Chromium loads its locale data then), on every first page that shows a date. The words
 * are Intl's own for en-GB ("Sept" included): tests/unit/tab/dates.test.ts compares each format with
 * Intl's, across the clock changes.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((month) => (month === 'September' ? 'Sept' : month.slice(0, 3)));
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month, when UK clocks change. */
function lastSundayAtOne(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR;
}

/**
 * The UK's wall clock at that moment, as a Date read with its UTC getters: British Summer Time
 * from the last Sunday of March to the last Sunday of October. Undefined when the value is not a date.
 */
function ukClock(value: string | number | Date): Date | undefined {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  const summer = time >= lastSundayAtOne(year, 2) && time < lastSundayAtOne(year, 9);
  return new Date(time + (summer ? HOUR : 0));
}

/** What the tab shows where a date should be and the value is not one, rather than "NaN undefined NaN". */
const NOT_A_DATE = '—';

/** The value on the UK's clock written by `write`, or NOT_A_DATE. */
function written(value: string | number | Date, write: (uk: Date) => string): string {
  const uk = ukClock(value);
  return uk ? write(uk) : NOT_A_DATE;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');
const clockTime = (uk: Date) => `${twoDigits(uk.getUTCHours())}:${twoDigits(uk.getUTCMinutes())}`;
const short = (uk: Date) => `${uk.getUTCDate()} ${SHORT_MONTHS[uk.getUTCMonth()]} ${uk.getUTCFullYear()}`;
const long = (uk: Date) => `${uk.getUTCDate()} ${MONTHS[uk.getUTCMonth()]} ${uk.getUTCFullYear()}`;

// A school date written `2026-09-07` is midnight UTC: 00:00 or 01:00 in the UK, so the same day.

/** "7 Sept 2026" */
export const shortDate = (value: string | number | Date) => written(value, short);

/** "7 September 2026" */
export const longDate = (value: string | number | Date) => written(value, long);

/** "7 September 2026 at 09:05" */
export const longDateTime = (value: string | number | Date) => written(value, (uk) => `${long(uk)} at ${clockTime(uk)}`);

/** "September 2026" */
export const monthAndYear = (value: string | number | Date) => written(value, (uk) => `${MONTHS[uk.getUTCMonth()]} ${uk.getUTCFullYear()}`);

/** "7 Sept 2026, 09:05" */
export const shortDateTime = (value: string | number | Date) => written(value, (uk) => `${short(uk)}, ${clockTime(uk)}`);

/** "Mon 7 Sept, 09:05" */
export const weekdayDateTime = (value: string | number | Date) =>
  written(value, (uk) => `${WEEKDAYS[uk.getUTCDay()]} ${uk.getUTCDate()} ${SHORT_MONTHS[uk.getUTCMonth()]}, ${clockTime(uk)}`);

/** "2026-09-07": the date on the UK's clock, as a date field holds it. */
export const isoDate = (value: string | number | Date) =>
  written(value, (uk) => `${uk.getUTCFullYear()}-${twoDigits(uk.getUTCMonth() + 1)}-${twoDigits(uk.getUTCDate())}`);
