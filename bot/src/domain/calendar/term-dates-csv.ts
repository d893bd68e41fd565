import { parseCsvLines } from '../school/csv';
import { longDate, toIsoDate } from './dates';
import { schoolYearOf, type SchoolCalendar } from './school-calendar';
import { schoolYearsOf, toCalendar, toEntries, validateTermDates, type EntryProblem, type TermDateEntry } from './term-date-entries';

/**
 * Term dates as a local authority publishes them, one line per term or closure:
 *
 *     Name,Start,End,Type
 *     Autumn term,03/09/2026,18/12/2026,term
 *     Half term,26/10/2026,30/10/2026,closure
 *
 * Forgiving where it costs nothing: the header row may be left out (then the columns are Name,
 * Start, End and an optional Type) or use other common words (From/To, First day/Last day);
 * cells may carry spaces; dates are DD/MM/YYYY or YYYY-MM-DD; an empty End is a one-day closure;
 * an empty Type is read from the name ("Half term", "INSET day", "Bank holiday" are closures,
 * anything else called a term is a term).
 */
export interface CsvLineProblem {
  line: number;
  message: string;
}

export interface TermDatesImportPlan {
  /** The school years the file covers: all of their current dates are replaced by the file's. */
  years: string[];
  /** The file's lines, in date order. */
  entries: TermDateEntry[];
  /** How many current entries of those years the file replaces. */
  replacing: number;
  /** The whole calendar as it will be saved. */
  calendar: SchoolCalendar;
}

type Column = 'name' | 'start' | 'end' | 'type';

const HEADER_WORDS: Record<Column, string[]> = {
  name: ['name', 'event', 'description', 'title', 'period', 'term', 'holiday', 'what', 'details'],
  start: ['start', 'startdate', 'from', 'firstday', 'begins', 'starts', 'datefrom'],
  end: ['end', 'enddate', 'to', 'lastday', 'ends', 'until', 'dateto'],
  type: ['type', 'kind', 'category'],
};
const CLOSURE_TYPES = ['closure', 'closed', 'holiday', 'halfterm', 'inset', 'insetday', 'trainingday', 'bankholiday'];
const CLOSURE_NAMES = /half[\s-]*term|holiday|inset|training day|closure|closed|bank/i;

const word = (cell: string) => cell.toLowerCase().replace(/[^a-z]/g, '');
const DATE_HINT = 'write it as DD/MM/YYYY (for example 03/09/2026) or YYYY-MM-DD';

/**
 * Reads the file and plans the import against the current calendar: every line is checked, and
 * nothing is planned (so nothing is saved) while any line is wrong.
 */
export function planTermDatesImport(
  csv: string,
  current: SchoolCalendar,
): { ok: true; plan: TermDatesImportPlan } | { ok: false; problems: CsvLineProblem[] } {
  const parsed = parseCsvLines(csv);
  if (!parsed.ok) return { ok: false, problems: [{ line: 1, message: parsed.error }] };
  const [first, ...rest] = parsed.rows;
  if (!first) return { ok: false, problems: [{ line: 1, message: 'The file has no term dates in it.' }] };
  const header = first.cells.every((cell) => !toIsoDate(cell.trim())) ? first : undefined;
  const columns = header ? columnsFrom(header.cells) : { name: 0, start: 1, end: 2, type: 3 };
  if (typeof columns === 'string') return { ok: false, problems: [{ line: first.line, message: columns }] };
  const rows = header ? rest : parsed.rows;
  if (rows.length === 0)
    return { ok: false, problems: [{ line: first.line, message: 'The file has a header row but no term dates under it.' }] };

  const problems: CsvLineProblem[] = [];
  const read: { line: number; entry: Record<string, string> }[] = [];
  for (const { line, cells } of rows) {
    const cell = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? '').trim());
    const lineProblems: string[] = [];
    const name = cell('name');
    const start = toIsoDate(cell('start'));
    if (!start)
      lineProblems.push(cell('start') ? `"${cell('start')}" is not a date: ${DATE_HINT}.` : `The first day is missing: ${DATE_HINT}.`);
    const end = cell('end') ? toIsoDate(cell('end')) : start;
    if (cell('end') && !end) lineProblems.push(`"${cell('end')}" is not a date: ${DATE_HINT}.`);
    const kind = kindOf(cell('type'), name);
    if (!kind)
      lineProblems.push(
        cell('type')
          ? `Type "${cell('type')}" is neither term nor closure.`
          : `Say whether "${name}" is a term or a closure: add a Type column with term or closure.`,
      );
    if (lineProblems.length) problems.push(...lineProblems.map((message) => ({ line, message })));
    else read.push({ line, entry: { kind: kind!, name, start: start!, end: end! } });
  }
  if (problems.length) return { ok: false, problems };

  const years = schoolYearsOf(read.map(({ entry }) => ({ start: entry.start! })));
  const kept = toEntries(current).filter((entry) => !years.includes(schoolYearOf(entry.start)));
  const checked = validateTermDates([...kept, ...read.map(({ entry }) => entry)]);
  if (!checked.ok) {
    // A kept entry is only ever in a problem because a line of the file clashes with it.
    const onLine = (problem: EntryProblem): CsvLineProblem => {
      if (problem.index >= kept.length) return { line: read[problem.index - kept.length]!.line, message: problem.message };
      const other = kept[problem.index]!;
      return {
        line: read[(problem.clashesWith ?? kept.length) - kept.length]?.line ?? first.line,
        message: `Overlaps "${other.name}" (${longDate(other.start)} to ${longDate(other.end)}), which stays as it is in ${schoolYearOf(other.start)}.`,
      };
    };
    return { ok: false, problems: checked.problems.map(onLine).sort((a, b) => a.line - b.line) };
  }
  const entries = checked.entries.slice(kept.length);
  return {
    ok: true,
    plan: {
      years,
      entries: [...entries].sort((a, b) => a.start.localeCompare(b.start)),
      replacing: toEntries(current).length - kept.length,
      calendar: toCalendar(checked.entries),
    },
  };
}

function columnsFrom(cells: string[]): Partial<Record<Column, number>> | string {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const column = (Object.keys(HEADER_WORDS) as Column[]).find((candidate) => HEADER_WORDS[candidate].includes(word(cell)));
    if (column && found[column] === undefined) found[column] = index;
  });
  if (found.start === undefined) return 'The header row has no Start column (or From, or First day): name the columns Name,Start,End,Type.';
  if (found.end === undefined) return 'The header row has no End column (or To, or Last day): name the columns Name,Start,End,Type.';
  found.name ??= cells.findIndex((_, index) => !Object.values(found).includes(index));
  return found.name < 0 ? 'The header row has no Name column: name the columns Name,Start,End,Type.' : found;
}

function kindOf(type: string, name: string): TermDateEntry['kind'] | undefined {
  if (type) return word(type) === 'term' ? 'term' : CLOSURE_TYPES.includes(word(type)) ? 'closure' : undefined;
  if (CLOSURE_NAMES.test(name)) return 'closure';
  return /\bterm\b/i.test(name) ? 'term' : undefined;
}
