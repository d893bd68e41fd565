import type { Person } from '../../domain/people/person';
import { newRequirementId, requirementFrom, requirementInputSchema } from '../../domain/training/requirement-input';
import type { TrainingRequirementRecord } from '../../domain/training/training-requirement';
import { readForm } from '../../domain/validation/field-errors';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import type { AppDeps } from '../app-deps';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import { describeChanges, refusal, saveEdited, type SettingsSave } from './save-edited';

/** Every standing requirement, retired ones included (training records may still name them). */
export function readRequirementRecords(stores: Pick<Stores, 'trainingRequirements'>): Promise<Versioned<TrainingRequirementRecord>[]> {
  return readAll((cursor) => stores.trainingRequirements.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
}

/**
 * The online safety lead or the headteacher add a standing training requirement, or change one
 * read at `seen.version`: who it is for, how often, the grace period for new starters.
 */
export async function saveTrainingRequirement(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  raw: unknown,
  seen?: { id: string; version: number },
): Promise<SettingsSave<TrainingRequirementRecord>> {
  const refused = await refusal(deps, actor, 'settings.trainingRequirements', 'the training requirements');
  if (refused) return refused;
  const input = readForm(requirementInputSchema, raw);
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const taken = new Set((await readRequirementRecords(deps.stores)).map((record) => record.requirementId));
  const asked = input.value.requirementId;
  if (!seen && asked && taken.has(asked))
    return { status: 'invalid', errors: { requirementId: `Another requirement already has the id ${asked}.` } };
  const result = await saveEdited(deps.stores.trainingRequirements, seen, (current) => ({
    ok: true,
    record: requirementFrom(input.value, current?.requirementId ?? asked ?? newRequirementId(input.value.title, taken)),
  }));
  if (result.status === 'ok') {
    const { record, before } = result;
    const summary = !before
      ? `Training requirement added: ${record.title}`
      : record.retired && !before.retired
        ? `Training requirement retired: ${record.title}`
        : `Training requirement changed: ${record.title}: ${describeChanges(before, record)}`;
    await recordAudit(deps, actor, {
      action: 'settings.trainingRequirement',
      recordType: 'trainingRequirement',
      recordId: record.id,
      summary,
    });
  }
  return result;
}
