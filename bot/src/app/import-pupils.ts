import { may, whoMay } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import { parseCsv } from '../domain/school/csv';
import { guessMapping, planPupilImport, PUPIL_FIELDS, type ColumnMapping, type RowError } from '../domain/school/pupil-import';
import { StaleRecordError } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';
import { forgetRoster } from './roster-snapshot';

export interface ImportCounts {
  create: number;
  update: number;
  leave: number;
  unchanged: number;
}

export type ImportPupilsResult =
  | { status: 'not-permitted'; message: string }
  | { status: 'needs-mapping'; header: string[]; mapping: Partial<ColumnMapping> }
  | { status: 'invalid'; errors: RowError[] }
  | { status: 'preview'; counts: ImportCounts; mapping: ColumnMapping }
  | { status: 'imported'; counts: ImportCounts; notSaved: string[] };

/**
 * The admin team imports the MIS export (issue #5). A preview changes nothing; an import writes
 * new pupils in batches, updates changed ones conditionally and marks leavers off roll. Running it
 * again is safe: pupils are matched by their reference, which is unique.
 */
export async function importPupils(deps: AppDeps, person: Person, csv: string, mapping: ColumnMapping | undefined, apply: boolean): Promise<ImportPupilsResult> {
  if (!may(person, 'pupils.import')) {
    await recordAudit(deps, person, { action: 'pupils.import.denied', recordType: 'pupils', recordId: '-', summary: 'Pupil import refused: the person does not hold the role' });
    return { status: 'not-permitted', message: `Only ${whoMay('pupils.import')} can import pupils.` };
  }
  const parsed = parseCsv(csv);
  if (!parsed.ok) return { status: 'invalid', errors: [{ line: 1, message: parsed.error }] };
  const header = parsed.rows[0] ?? [];
  const chosen = mapping ?? guessMapping(header);
  if (PUPIL_FIELDS.some(({ field }) => !chosen[field])) return { status: 'needs-mapping', header, mapping: chosen };
  const today = deps.clock.now().toISOString().slice(0, 10);
  const plan = planPupilImport(parsed.rows, chosen as ColumnMapping, await readAll((cursor) => deps.stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) })), today);
  if (plan.errors.length) return { status: 'invalid', errors: plan.errors };
  const counts = { create: plan.create.length, update: plan.update.length, leave: plan.leave.length, unchanged: plan.unchanged };
  if (!apply) return { status: 'preview', counts, mapping: chosen as ColumnMapping };

  await deps.stores.pupils.insertMany(plan.create);
  const notSaved: string[] = [];
  for (const pupil of [...plan.update, ...plan.leave]) {
    const current = await deps.stores.pupils.get(pupil.id);
    try {
      if (current) await deps.stores.pupils.update({ ...pupil, version: current.version });
    } catch (error) {
      if (!(error instanceof StaleRecordError)) throw error;
      notSaved.push(pupil.misReference ?? pupil.id);
    }
  }
  forgetRoster(deps.stores);
  await recordAudit(deps, person, { action: 'pupils.imported', recordType: 'pupils', recordId: '-', summary: `Pupils imported: ${counts.create} new, ${counts.update} changed, ${counts.leave} marked as left` });
  return { status: 'imported', counts, notSaved };
}
