import { NO_TERM_DATES, type SchoolCalendar } from '../../domain/calendar/school-calendar';
import { planTermDatesImport, type CsvLineProblem, type TermDatesImportPlan } from '../../domain/calendar/term-dates-csv';
import { schoolYearsOf, toCalendar, validateTermDates } from '../../domain/calendar/term-date-entries';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { refusal, saveSingle, type SettingsSave } from './save-edited';
import type { Refused } from '../outcome';

export type TermDatesRecord = SchoolCalendar & { id: string };

/** The term dates as stored (none yet: an empty calendar). Read once per request or job run. */
export async function readTermDates(
  stores: Pick<Stores, 'termDates'>,
): Promise<{ calendar: SchoolCalendar; record?: Versioned<TermDatesRecord> }> {
  const record = (await stores.termDates.find({ limit: 1 })).items[0];
  return record ? { calendar: { terms: record.terms, closures: record.closures }, record } : { calendar: NO_TERM_DATES };
}

/**
 * The headteacher or the admin team save the term dates as edited on the page (every year at
 * once), having read them at `version`. Each problem is reported next to its line and field.
 */
export async function saveTermDates(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  entries: unknown,
  version: number | undefined,
): Promise<SettingsSave<TermDatesRecord>> {
  const refused = await refusal(deps, actor, 'settings.termDates', 'the term dates');
  if (refused) return refused;
  const checked = validateTermDates(Array.isArray(entries) ? entries : []);
  if (!checked.ok)
    return {
      status: 'invalid',
      errors: Object.fromEntries(checked.problems.map((problem) => [`entries.${problem.index}.${problem.field}`, problem.message])),
    };
  const result = await saveSingle(deps.stores.termDates, version, () => ({ ok: true, record: toCalendar(checked.entries) }));
  if (result.status === 'ok')
    await audit(
      deps,
      actor,
      result.record,
      `Term dates saved: ${describe(checked.entries)}${calendarChanges(result.before, result.record)}`,
    );
  return result;
}

export type TermDatesImport =
  | Refused
  | { status: 'file-problems'; problems: CsvLineProblem[] }
  /** What would be saved: nothing has been yet. */
  | { status: 'preview'; plan: TermDatesImportPlan; version?: number }
  | { status: 'ok'; plan: TermDatesImportPlan; record: Versioned<TermDatesRecord> }
  | { status: 'stale'; current: Versioned<TermDatesRecord> };

/**
 * Term dates from a CSV as the local authority publishes them: first a preview of what would be
 * saved (`apply: false`); then, with the version the preview was made from, the save. The file's
 * school years replace the same years on record; other years are kept. Nothing is saved while any
 * line is wrong, or if someone changed the term dates since the preview.
 */
export async function importTermDates(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  csv: string,
  options: { apply: boolean; version?: number },
): Promise<TermDatesImport> {
  const refused = await refusal(deps, actor, 'settings.termDates', 'the term dates');
  if (refused) return refused;
  const { calendar, record } = await readTermDates(deps.stores);
  const planned = planTermDatesImport(csv, calendar);
  if (!planned.ok) return { status: 'file-problems', problems: planned.problems };
  if (!options.apply) return { status: 'preview', plan: planned.plan, ...(record ? { version: record.version } : {}) };
  if (record && record.version !== options.version) return { status: 'stale', current: record };
  const result = await saveSingle(deps.stores.termDates, record?.version, () => ({ ok: true, record: planned.plan.calendar }));
  if (result.status === 'stale') return result;
  // The record was built from a checked plan, and the one read above exists: nothing else can happen.
  if (result.status !== 'ok') throw new Error(`Term dates import ended as ${result.status}`);
  await audit(
    deps,
    actor,
    result.record,
    `Term dates imported from a CSV file for ${planned.plan.years.join(', ')} (${planned.plan.entries.length} lines, replacing ${planned.plan.replacing})${calendarChanges(result.before, result.record)}`,
  );
  return { status: 'ok', plan: planned.plan, record: result.record };
}

function describe(entries: readonly { start: string }[]): string {
  const years = schoolYearsOf(entries);
  return `${entries.length} lines${years.length ? ` for ${years.join(', ')}` : ''}`;
}

/**
 * The term dates' history in the audit log: each term or closure removed and added by a save, so
 * the dates in force on any earlier day can be worked out.
 */
function calendarChanges(before: SchoolCalendar | undefined, after: SchoolCalendar): string {
  const lines = (calendar: SchoolCalendar | undefined) =>
    [...(calendar?.terms ?? []), ...(calendar?.closures ?? [])].map((span) => `${span.name} ${span.start} to ${span.end}`);
  const was = lines(before);
  const now = lines(after);
  const removed = was.filter((line) => !now.includes(line));
  const added = now.filter((line) => !was.includes(line));
  return [removed.length ? `; removed: ${removed.join(', ')}` : '', added.length ? `; added: ${added.join(', ')}` : ''].join('');
}

function audit(deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>, actor: Person, record: TermDatesRecord, summary: string): Promise<void> {
  return recordAudit(deps, actor, { action: 'settings.termDates', recordType: 'termDates', recordId: record.id, summary });
}
