import { addDays, weekday, type IsoDate } from './dates';

/** A term of the school year, first and last day inclusive. Half-term breaks are listed as closures. */
export interface Term {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/** Days the school is closed inside a term: half terms, bank holidays, training (INSET) days. */
export interface Closure {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/** The school's term dates, as data: everything outside a term is holiday. */
export interface SchoolCalendar {
  terms: Term[];
  closures: Closure[];
}

const within = (date: IsoDate, span: { start: IsoDate; end: IsoDate }) => span.start <= date && date <= span.end;

/** A working day: a weekday, inside a term, not a closure. Weekends and school holidays don't count. */
export function isWorkingDay(calendar: SchoolCalendar, date: IsoDate): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  if (!calendar.terms.some((term) => within(date, term))) return false;
  return !calendar.closures.some((closure) => within(date, closure));
}

/** Working days after `from`, up to and including `to`: how long something has waited. */
export function workingDaysBetween(calendar: SchoolCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(calendar, date)) count++;
  return count;
}

/** The term a date falls in, or, in a holiday, the term that ended last. */
export function termFor(calendar: SchoolCalendar, date: IsoDate): Term | undefined {
  const sorted = [...calendar.terms].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.filter((term) => term.start <= date).pop();
}
