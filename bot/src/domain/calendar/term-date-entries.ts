import { z } from 'zod';
import { requiredText } from '../validation/typed-text';
import { isIsoDate, longDate, type IsoDate } from './dates';
import { schoolYearOf, type SchoolCalendar } from './school-calendar';

/** One line of the term dates as the School settings page and the CSV import show it. */
export interface TermDateEntry {
  kind: 'term' | 'closure';
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export type TermDateField = keyof TermDateEntry;

/** What is wrong with one entry (by its place in the list), next to the field it is about. */
export interface EntryProblem {
  index: number;
  field: TermDateField;
  message: string;
  /** The entry it overlaps, when that is the problem. */
  clashesWith?: number;
}

/** More lines than any school's calendar needs; a runaway paste stops here. */
export const MAX_TERM_DATE_ENTRIES = 300;

const date = (label: string) =>
  z.string({ error: `${label} is required.` }).refine(isIsoDate, `${label} must be a real day (DD/MM/YYYY or YYYY-MM-DD).`);

const entrySchema = z.object({
  kind: z.enum(['term', 'closure'], { error: 'Choose term or closure.' }),
  name: requiredText('Name', 60),
  start: date('First day'),
  end: date('Last day'),
});

/**
 * Checks the whole calendar: each entry well formed, the last day not before the first, no two
 * terms (or two closures) overlapping, and no closure in a school year that has no term.
 * Problems are reported on the later of two entries that clash.
 */
export function validateTermDates(
  raw: readonly unknown[],
): { ok: true; entries: TermDateEntry[] } | { ok: false; problems: EntryProblem[] } {
  if (raw.length > MAX_TERM_DATE_ENTRIES)
    return {
      ok: false,
      problems: [{ index: MAX_TERM_DATE_ENTRIES, field: 'name', message: `At most ${MAX_TERM_DATE_ENTRIES} lines of term dates.` }],
    };
  const problems: EntryProblem[] = [];
  const entries: (TermDateEntry | undefined)[] = raw.map((value, index) => {
    const parsed = entrySchema.safeParse(typeof value === 'object' && value !== null ? value : {});
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] ?? 'name') as TermDateField;
        if (!seen.has(field)) problems.push({ index, field, message: issue.message });
        seen.add(field);
      }
      return undefined;
    }
    if (parsed.data.end < parsed.data.start) {
      problems.push({
        index,
        field: 'end',
        message: `The last day (${longDate(parsed.data.end)}) is before the first day (${longDate(parsed.data.start)}).`,
      });
      return undefined;
    }
    return parsed.data;
  });
  if (problems.length) return { ok: false, problems };
  const valid = entries as TermDateEntry[];
  for (const [first, second] of clashes(valid)) {
    const a = valid[first]!;
    problems.push({
      index: second,
      field: 'start',
      message: `Overlaps ${a.kind === 'term' ? 'the term' : 'the closure'} "${a.name}" (${longDate(a.start)} to ${longDate(a.end)}).`,
      clashesWith: first,
    });
  }
  const yearsWithTerms = new Set(valid.filter((entry) => entry.kind === 'term').map((entry) => schoolYearOf(entry.start)));
  valid.forEach((entry, index) => {
    if (entry.kind === 'closure' && !yearsWithTerms.has(schoolYearOf(entry.start))) {
      problems.push({
        index,
        field: 'start',
        message: `There is no term in ${schoolYearOf(entry.start)} for this closure to fall in: add that year's terms too.`,
      });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, entries: valid };
}

/**
 * Pairs of entries of the same kind whose days overlap, as [earlier, later] indexes. A closure
 * inside a term is what closures are; two terms (or two closures) sharing a day is a mistake.
 */
export function clashes(entries: readonly TermDateEntry[]): [number, number][] {
  const found: [number, number][] = [];
  // Sorting is stable: entries starting on the same day stay in the order given.
  const order = entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.start.localeCompare(b.entry.start));
  for (const kind of ['term', 'closure'] as const) {
    const same = order.filter(({ entry }) => entry.kind === kind);
    same.forEach((later, i) => {
      const earlier = same.slice(0, i).find(({ entry }) => entry.end >= later.entry.start);
      if (earlier) found.push([earlier.index, later.index]);
    });
  }
  return found;
}

export function toCalendar(entries: readonly TermDateEntry[]): SchoolCalendar {
  const span = ({ name, start, end }: TermDateEntry) => ({ name, start, end });
  const sorted = [...entries].sort((a, b) => a.start.localeCompare(b.start));
  return {
    terms: sorted.filter((entry) => entry.kind === 'term').map(span),
    closures: sorted.filter((entry) => entry.kind === 'closure').map(span),
  };
}

/**
 * The calendar as one list, in date order (a term before the closures that start on its first day:
 * the terms come first and sorting is stable).
 */
export function toEntries(calendar: SchoolCalendar): TermDateEntry[] {
  return [
    ...calendar.terms.map((term) => ({ kind: 'term' as const, ...term })),
    ...calendar.closures.map((closure) => ({ kind: 'closure' as const, ...closure })),
  ].sort((a, b) => a.start.localeCompare(b.start));
}

/** The school years the entries fall in (by their first day), in order. */
export function schoolYearsOf(entries: readonly Pick<TermDateEntry, 'start'>[]): string[] {
  return [...new Set(entries.map((entry) => schoolYearOf(entry.start)))].sort();
}
