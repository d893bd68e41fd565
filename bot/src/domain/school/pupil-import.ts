import { toIsoDate } from '../calendar/dates';
import { hiddenCharacterProblem } from '../validation/typed-text';
import type { Pupil } from './pupil';

/** Which CSV column holds each field (the admin confirms this before anything is imported). */
export interface ColumnMapping {
  misReference: string;
  displayName: string;
  className: string;
  yearGroup: string;
  onRollFrom: string;
}

export const PUPIL_FIELDS: { field: keyof ColumnMapping; label: string; guesses: RegExp }[] = [
  {
    field: 'misReference',
    label: 'Pupil reference (UPN or admission number)',
    guesses: /^(upn|adno|admission\s*no|reference|ref|pupil\s*id|id)$/i,
  },
  { field: 'displayName', label: 'Name', guesses: /^(name|pupil\s*name|full\s*name|preferred\s*name|display\s*name)$/i },
  { field: 'className', label: 'Class', guesses: /^(class|reg|reg(istration)?\s*group|form|tutor\s*group)$/i },
  { field: 'yearGroup', label: 'Year group', guesses: /^(year|year\s*group|nc\s*year|ncy)$/i },
  {
    field: 'onRollFrom',
    label: 'Date of admission',
    guesses: /^(admission\s*date|date\s*of\s*admission|on\s*roll\s*from|start\s*date|doa)$/i,
  },
];

export interface RowError {
  /** The line in the file, counting the header as line 1 (the row number a spreadsheet shows). */
  line: number;
  field?: keyof ColumnMapping;
  /** The file's column the field was read from. */
  column?: string;
  message: string;
  /** What to change in the file (or in the mapping) so that the row imports. */
  fix?: string;
}

/** How many pupils an import adds, changes, marks as left and leaves as they were. */
export interface ImportCounts {
  create: number;
  update: number;
  leave: number;
  unchanged: number;
}

/** How an import ended: every change made (some may be named as not saved), or stopped part-way. */
export type ImportOutcome =
  | { status: 'imported'; counts: ImportCounts; notSaved: string[] }
  /** Stopped part-way: `saved` of `total` changes are stored (`exact` false: at least that many). */
  | { status: 'failed'; saved: number; total: number; exact: boolean; message: string };

export interface PupilImportPlan {
  errors: RowError[];
  create: Omit<Pupil, 'id'>[];
  update: Pupil[];
  /** On roll now, missing from the file: marked as left, never deleted. */
  leave: Pupil[];
  unchanged: number;
}

/** Suggests a mapping from the header row; the admin sees it and can change it before importing. */
export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  for (const { field, guesses } of PUPIL_FIELDS) {
    const column = header.find((name) => guesses.test(name.trim()));
    if (column) mapping[field] = column;
  }
  return mapping;
}

/**
 * Plans an import of the school's MIS export: row-level errors first (nothing is imported until
 * the file is clean), then who is new, who changed, and who has left. Data minimisation (s.4):
 * only the mapped fields are read; every other column is ignored.
 */
export function planPupilImport(
  rows: readonly string[][],
  mapping: ColumnMapping,
  known: readonly Pupil[],
  today: string,
): PupilImportPlan {
  const [header = [], ...data] = rows;
  const errors: RowError[] = [];
  const index = {} as Record<keyof ColumnMapping, number>;
  for (const { field, label } of PUPIL_FIELDS) {
    index[field] = header.findIndex((name) => name.trim() === mapping[field]);
    if (index[field] < 0)
      errors.push({
        line: 1,
        field,
        column: mapping[field],
        message: `No column "${mapping[field]}" for ${label}.`,
        fix: `Choose the column that holds the ${label.toLowerCase()} in the column mapping.`,
      });
  }
  if (errors.length) return { errors, create: [], update: [], leave: [], unchanged: 0 };

  const seen = new Map<string, number>();
  const incoming: Omit<Pupil, 'id'>[] = [];
  data.forEach((row, i) => {
    const line = i + 2;
    const cell = (field: keyof ColumnMapping) => (row[index[field]] ?? '').trim();
    const rowErrors: RowError[] = [];
    const problem = (field: keyof ColumnMapping, message: string, fix: string) =>
      rowErrors.push({ line, field, column: mapping[field], message, fix });
    for (const { field, label } of PUPIL_FIELDS) {
      const value = cell(field);
      if (!value) problem(field, `${label} is empty.`, `Fill it in, or take the row out if this is not a pupil on roll.`);
      else if (/^[=+\-@]/.test(value))
        problem(
          field,
          `${label} "${value.slice(0, 20)}" looks like a spreadsheet formula; correct it in the file.`,
          'Remove the = + - or @ at the start of the cell, or type the real value.',
        );
      else if (value.length > 100) problem(field, `${label} is longer than 100 characters.`, 'Shorten it to 100 characters or fewer.');
      else if (hiddenCharacterProblem(label, value))
        problem(
          field,
          `${label} contains hidden control characters (they can disguise a name).`,
          'Retype the cell in the MIS or the spreadsheet, then export the file again.',
        );
    }
    const admitted = toIsoDate(cell('onRollFrom'));
    if (cell('onRollFrom') && !admitted)
      problem(
        'onRollFrom',
        `Date of admission "${cell('onRollFrom')}" is not a date (use DD/MM/YYYY).`,
        'Write a day that exists as DD/MM/YYYY, for example 04/09/2023.',
      );
    const reference = cell('misReference');
    if (reference && seen.has(reference))
      problem(
        'misReference',
        `Pupil reference ${reference} is also on line ${seen.get(reference)}.`,
        'Each pupil must appear once: remove the repeated row, or correct the reference.',
      );
    seen.set(reference, line);
    if (rowErrors.length) errors.push(...rowErrors);
    else
      incoming.push({
        misReference: reference,
        displayName: cell('displayName'),
        className: cell('className'),
        yearGroup: cell('yearGroup'),
        onRollFrom: admitted!,
      });
  });
  if (errors.length) return { errors, create: [], update: [], leave: [], unchanged: 0 };

  const byReference = new Map(known.filter((pupil) => pupil.misReference).map((pupil) => [pupil.misReference!, pupil]));
  const plan: PupilImportPlan = { errors: [], create: [], update: [], leave: [], unchanged: 0 };
  for (const pupil of incoming) {
    const current = byReference.get(pupil.misReference!);
    if (!current) plan.create.push(pupil);
    else if (
      current.displayName !== pupil.displayName ||
      current.className !== pupil.className ||
      current.yearGroup !== pupil.yearGroup ||
      current.onRollFrom !== pupil.onRollFrom ||
      current.onRollTo
    ) {
      const { onRollTo: _left, ...stillHere } = current;
      plan.update.push({ ...stillHere, ...pupil });
    } else plan.unchanged++;
  }
  const inFile = new Set(incoming.map((pupil) => pupil.misReference));
  plan.leave = known
    .filter((pupil) => !pupil.onRollTo && pupil.misReference && !inFile.has(pupil.misReference))
    .map((pupil) => ({ ...pupil, onRollTo: today }));
  return plan;
}
