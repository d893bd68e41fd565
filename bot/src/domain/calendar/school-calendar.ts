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

/**
 * The school's term dates, as data (entered in School settings): in a school year that has term
 * dates, everything outside a term is holiday.
 */
export interface SchoolCalendar {
  terms: Term[];
  closures: Closure[];
}

export const NO_TERM_DATES: SchoolCalendar = { terms: [], closures: [] };

const within = (date: IsoDate, span: { start: IsoDate; end: IsoDate }) => span.start <= date && date <= span.end;

/**
 * The school year a day belongs to, as schools write it: `2026-27` runs from 1 August 2026 to
 * 31 July 2027, so a summer term and the holiday after it stay in their own year.
 */
export function schoolYearOf(date: IsoDate): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = month >= 8 ? year : year - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a school year written as `schoolYearOf` writes it (`2025-26`); undefined for anything else. */
export function schoolYearSpan(label: string): { from: IsoDate; to: IsoDate } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) return undefined;
  return { from: `${match[1]}-08-01`, to: `${Number(match[1]) + 1}-07-31` };
}

/** Whether the school has given term dates for the school year of that day (any term in that year). */
export function hasTermDatesFor(calendar: SchoolCalendar, date: IsoDate): boolean {
  const year = schoolYearOf(date);
  return calendar.terms.some((term) => schoolYearOf(term.start) === year);
}

/**
 * A working day: a weekday, inside a term, not a closure. Weekends and school holidays don't count.
 * In a school year with no term dates at all, every weekday counts: when the dates run out,
 * nudges carry on (perhaps in a holiday) rather than stop without anyone noticing.
 */
export function isWorkingDay(calendar: SchoolCalendar, date: IsoDate): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  if (!hasTermDatesFor(calendar, date)) return true;
  if (!calendar.terms.some((term) => within(date, term))) return false;
  return !calendar.closures.some((closure) => within(date, closure));
}

/** The last day of the last term the school has given, if any. */
export function lastTermDay(calendar: SchoolCalendar): IsoDate | undefined {
  return calendar.terms
    .map((term) => term.end)
    .sort()
    .pop();
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
