import { addDays, type IsoDate } from './dates';
import { isWorkingDay, type SchoolCalendar } from './school-calendar';
import { localDate, zonedInstant } from './zoned-time';

/** The hours of a working day, `HH:MM` school time (Europe/London). */
export interface WorkingDay {
  start: string;
  end: string;
}

/** How far ahead a deadline is looked for (a school year without term dates counts every weekday, so one is found). */
const SEARCH_DAYS = 400;

/**
 * The instant at which `hours` working hours have passed since `from`: only the working day's
 * hours on the calendar's working days count (weekends, holidays and closures do not). Undefined
 * only if no working day comes within the search.
 */
export function addWorkingHours(calendar: SchoolCalendar, day: WorkingDay, from: Date, hours: number): Date | undefined {
  let remaining = hours * 3_600_000;
  let date = localDate(from);
  for (let checked = 0; checked < SEARCH_DAYS; checked++, date = addDays(date, 1)) {
    if (!isWorkingDay(calendar, date)) continue;
    const begin = Math.max(zonedInstant(date, day.start).getTime(), from.getTime());
    const end = zonedInstant(date, day.end).getTime();
    if (begin >= end) continue;
    if (remaining <= end - begin) return new Date(begin + remaining);
    remaining -= end - begin;
  }
  return undefined;
}

/** The `n`th working day after `from` ("in 1 working day"); undefined only if none comes within the search. */
export function addWorkingDays(calendar: SchoolCalendar, from: IsoDate, n: number): IsoDate | undefined {
  let date = from;
  for (let found = 0, checked = 0; checked < SEARCH_DAYS; checked++) {
    date = addDays(date, 1);
    if (isWorkingDay(calendar, date) && ++found === n) return date;
  }
  return undefined;
}

/** Whether the instant falls in the working hours of a working day. */
export function isWorkingTime(calendar: SchoolCalendar, day: WorkingDay, at: Date): boolean {
  const date = localDate(at);
  return isWorkingDay(calendar, date) && zonedInstant(date, day.start) <= at && at < zonedInstant(date, day.end);
}
