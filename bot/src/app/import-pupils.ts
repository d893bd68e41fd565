import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import { parseCsv } from '../domain/school/csv';
import {
  guessMapping,
  planPupilImport,
  PUPIL_FIELDS,
  type ColumnMapping,
  type ImportCounts,
  type ImportOutcome,
  type PupilImportPlan,
  type RowError,
} from '../domain/school/pupil-import';

export type { ImportCounts, ImportOutcome } from '../domain/school/pupil-import';
import type { Pupil } from '../domain/school/pupil';
import { StoreUnavailableError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { allPupils } from './read-all';
import { recordAudit } from './record-audit';
import { forgetRoster } from './roster-snapshot';
import { ensureTransferTasks } from './pupil-transfers';
import { today as schoolToday } from '../domain/calendar/zoned-time';
import { refused, type Refused } from './outcome';

/** A clean file, planned and ready to apply. */
export interface PreparedImport {
  rows: string[][];
  mapping: ColumnMapping;
  plan: PupilImportPlan;
  counts: ImportCounts;
  /** The register as it was read for the plan, by id: each change is written over the version read. */
  read: Map<string, Versioned<Pupil>>;
}

export type PrepareResult =
  | Refused
  | { status: 'needs-mapping'; header: string[]; mapping: Partial<ColumnMapping> }
  | { status: 'invalid'; header: string[]; mapping?: Partial<ColumnMapping>; errors: RowError[] }
  | { status: 'ready'; header: string[]; prepared: PreparedImport };

export type ImportPupilsResult =
  | Exclude<PrepareResult, { status: 'ready' }>
  | { status: 'preview'; header: string[]; counts: ImportCounts; mapping: ColumnMapping }
  | ImportOutcome;

/** How many records a step writes at once: a SharePoint `$batch` holds 20, so a step is one round trip. */
const CHUNK = 20;

/**
 * Reads and checks the MIS export and plans the import: the mapping is guessed or
 * given, every bad row is reported, and nothing is written.
 */
export async function preparePupilImport(
  deps: AppDeps,
  person: Person,
  csv: string,
  mapping: ColumnMapping | undefined,
): Promise<PrepareResult> {
  if (!may(person, 'pupils.import')) {
    await recordAudit(deps, person, {
      action: 'pupils.import.denied',
      recordType: 'pupils',
      recordId: '-',
      summary: 'Pupil import refused: the person does not hold the role',
    });
    return refused('pupils.import');
  }
  const parsed = parseCsv(csv);
  if (!parsed.ok)
    return {
      status: 'invalid',
      header: [],
      errors: [{ line: 1, message: parsed.error, fix: 'Save the file again from the MIS or a spreadsheet as CSV.' }],
    };
  const header = parsed.rows[0] ?? [];
  const chosen = mapping ?? guessMapping(header);
  if (PUPIL_FIELDS.some(({ field }) => !chosen[field])) return { status: 'needs-mapping', header, mapping: chosen };
  const register = await allPupils(deps.stores);
  const plan = planPupilImport(parsed.rows, chosen as ColumnMapping, register, today(deps));
  if (plan.errors.length) return { status: 'invalid', header, mapping: chosen, errors: plan.errors };
  const counts = { create: plan.create.length, update: plan.update.length, leave: plan.leave.length, unchanged: plan.unchanged };
  return {
    status: 'ready',
    header,
    prepared: {
      rows: parsed.rows,
      mapping: chosen as ColumnMapping,
      plan,
      counts,
      read: new Map(register.map((pupil) => [pupil.id, pupil])),
    },
  };
}

/**
 * Writes a prepared import: new pupils 20 at a time, changed pupils and leavers (marked off roll,
 * never deleted) 20 at a time too, each change conditional on the version read for the plan,
 * reporting `done` of `total` as it goes. Running the same file again is safe: pupils are matched
 * by their reference, which is unique.
 */
export async function applyPupilImport(
  deps: AppDeps,
  person: Person,
  prepared: PreparedImport,
  progress: (done: number, total: number) => void | Promise<void> = () => undefined,
): Promise<ImportOutcome> {
  const { plan, counts } = prepared;
  const total = plan.create.length + plan.update.length + plan.leave.length;
  let done = 0;
  const notSaved: string[] = [];
  await progress(done, total);
  try {
    for (let start = 0; start < plan.create.length; start += CHUNK) {
      const chunk = plan.create.slice(start, start + CHUNK);
      await deps.stores.pupils.insertMany(chunk);
      await progress((done += chunk.length), total);
    }
    const changes = [...plan.update, ...plan.leave];
    for (let start = 0; start < changes.length; start += CHUNK) {
      const chunk = changes.slice(start, start + CHUNK);
      notSaved.push(...(await saveChanges(deps, chunk, prepared.read)));
      await progress((done += chunk.length), total);
    }
  } catch (error) {
    deps.log.error(`Pupil import stopped after ${done} of ${total} changes`, error);
    const left = await remainingChanges(deps, prepared).catch(() => undefined);
    const saved = left === undefined ? done : Math.min(total, Math.max(0, total - left));
    await recordAudit(deps, person, {
      action: 'pupils.import.failed',
      recordType: 'pupils',
      recordId: '-',
      summary: `Pupil import stopped part-way: ${saved} of ${total} changes saved`,
    });
    const message =
      error instanceof StoreUnavailableError
        ? 'The school records could not be reached part-way through the import.'
        : 'The import stopped part-way because of an unexpected error.';
    return { status: 'failed', saved, total, exact: left !== undefined, message };
  }
  forgetRoster(deps.stores);
  await makeTransferTasks(deps, plan.leave);
  await recordAudit(deps, person, {
    action: 'pupils.imported',
    recordType: 'pupils',
    recordId: '-',
    summary: `Pupils imported: ${counts.create} new, ${counts.update} changed, ${counts.leave} marked as left`,
  });
  return { status: 'imported', counts, notSaved };
}

/** Preview (`apply` false) or the whole import at once (the bench, and callers that need no progress). */
export async function importPupils(
  deps: AppDeps,
  person: Person,
  csv: string,
  mapping: ColumnMapping | undefined,
  apply: boolean,
): Promise<ImportPupilsResult> {
  const result = await preparePupilImport(deps, person, csv, mapping);
  if (result.status !== 'ready') return result;
  if (!apply) return { status: 'preview', header: result.header, counts: result.prepared.counts, mapping: result.prepared.mapping };
  return applyPupilImport(deps, person, result.prepared);
}

/**
 * Saves changes over the versions read for the plan, all at once (one `$batch` on SharePoint). If
 * someone changed a pupil since, the file still wins: that pupil is read again and written once
 * more; a second clash is reported. Answers the references of the pupils not saved.
 */
async function saveChanges(deps: AppDeps, pupils: Pupil[], read: Map<string, Versioned<Pupil>>): Promise<string[]> {
  const overRead = pupils.filter((pupil) => read.has(pupil.id));
  const outcomes = await deps.stores.pupils.updateMany(
    overRead.map((pupil) => ({ ...pupil, version: read.get(pupil.id)!.version, etag: read.get(pupil.id)!.etag })),
  );
  const clashed = [...overRead.filter((_, index) => outcomes[index]!.status === 'stale'), ...pupils.filter((pupil) => !read.has(pupil.id))];
  const again: Versioned<Pupil>[] = [];
  const notSaved: string[] = [];
  for (const pupil of clashed) {
    const current = await deps.stores.pupils.get(pupil.id);
    if (current) again.push({ ...pupil, version: current.version, etag: current.etag });
    else notSaved.push(pupil.misReference ?? pupil.id);
  }
  const second = await deps.stores.pupils.updateMany(again);
  for (const [index, pupil] of again.entries()) if (second[index]!.status === 'stale') notSaved.push(pupil.misReference ?? pupil.id);
  return notSaved;
}

/** After a failure: how many of the file's changes are still to make (planned again from the store). */
async function remainingChanges(deps: AppDeps, prepared: PreparedImport): Promise<number> {
  const again = planPupilImport(prepared.rows, prepared.mapping, await allPupils(deps.stores), today(deps));
  return again.create.length + again.update.length + again.leave.length;
}

/**
 * The DSL's task to send on the safeguarding file of each leaver linked to an incident. The import
 * is saved whatever happens here: the weekday job makes any task missed.
 */
async function makeTransferTasks(deps: AppDeps, leavers: readonly Pupil[]): Promise<void> {
  if (leavers.length === 0) return;
  try {
    await ensureTransferTasks(deps, leavers);
  } catch (error) {
    deps.log.warn(
      `Transfer tasks for leavers not made after the import; the weekday job will make them (${error instanceof Error ? error.name : 'error'})`,
    );
  }
}

function today(deps: AppDeps): string {
  return schoolToday(deps.clock);
}
