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
 * from the last Sunday of March to the last Sunday of October.
 */
function ukClock(value: string | number | Date): Date {
  const time = new Date(value).getTime();
  const year = new Date(time).getUTCFullYear();
  const summer = time >= lastSundayAtOne(year, 2) && time < lastSundayAtOne(year, 9);
  return new Date(time + (summer ? HOUR : 0));
}

const twoDigits = (value: number) => String(value).padStart(2, '0');
const clockTime = (uk: Date) => `${twoDigits(uk.getUTCHours())}:${twoDigits(uk.getUTCMinutes())}`;

// A school date written `2026-09-07` is midnight UTC: 00:00 or 01:00 in the UK, so the same day.

/** "7 Sept 2026" */
export function shortDate(value: string | number | Date): string {
  const uk = ukClock(value);
  return `${uk.getUTCDate()} ${SHORT_MONTHS[uk.getUTCMonth()]} ${uk.getUTCFullYear()}`;
}

/** "7 September 2026" */
export function longDate(value: string | number | Date): string {
  const uk = ukClock(value);
  return `${uk.getUTCDate()} ${MONTHS[uk.getUTCMonth()]} ${uk.getUTCFullYear()}`;
}

/** "7 September 2026 at 09:05" */
export function longDateTime(value: string | number | Date): string {
  return `${longDate(value)} at ${clockTime(ukClock(value))}`;
}

/** "September 2026" */
export function monthAndYear(value: string | number | Date): string {
  const uk = ukClock(value);
  return `${MONTHS[uk.getUTCMonth()]} ${uk.getUTCFullYear()}`;
}

/** "7 Sept 2026, 09:05" */
export function shortDateTime(value: string | number | Date): string {
  return `${shortDate(value)}, ${clockTime(ukClock(value))}`;
}

/** "Mon 7 Sept, 09:05" */
export function weekdayDateTime(value: string | number | Date): string {
  const uk = ukClock(value);
  return `${WEEKDAYS[uk.getUTCDay()]} ${uk.getUTCDate()} ${SHORT_MONTHS[uk.getUTCMonth()]}, ${clockTime(uk)}`;
}
