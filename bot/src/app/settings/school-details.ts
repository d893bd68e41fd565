import type { Person } from '../../domain/people/person';
import { schoolInputSchema, UNNAMED_SCHOOL, type School } from '../../domain/school/school';
import { readForm } from '../../domain/validation/field-errors';
import type { Stores } from '../../ports/stores.port';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { describeChanges, refusal, saveSingle, type SettingsSave } from './save-edited';

export type SchoolRecord = School & { id: string };

/** The school as cards show it now: read when a card is built, so a change shows on the next card. */
export async function currentSchool(stores: Pick<Stores, 'school'>): Promise<School> {
  const stored = (await stores.school.find({ limit: 1 })).items[0];
  return stored ? { name: stored.name, contactForAccess: stored.contactForAccess } : UNNAMED_SCHOOL;
}

/** The headteacher or the admin team enter or change the school's name and who staff should ask. */
export async function saveSchoolDetails(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  raw: unknown,
  version: number | undefined,
): Promise<SettingsSave<SchoolRecord>> {
  const refused = await refusal(deps, actor, 'settings.school', "the school's details");
  if (refused) return refused;
  const input = readForm(schoolInputSchema, raw);
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  // A name left empty is not stored, so that leaving it empty is not recorded as a change.
  const { filteringLead, filteringGovernor, ...details } = input.value;
  const result = await saveSingle(deps.stores.school, version, () => ({
    ok: true,
    record: { ...details, ...(filteringLead ? { filteringLead } : {}), ...(filteringGovernor ? { filteringGovernor } : {}) },
  }));
  if (result.status === 'ok') {
    const summary = result.before
      ? `School details changed: ${describeChanges(result.before, result.record, { contactForAccess: 'who staff should ask', filteringLead: 'senior leader for filtering and monitoring', filteringGovernor: 'governor for filtering and monitoring' })}`
      : 'School details entered';
    await recordAudit(deps, actor, { action: 'settings.school', recordType: 'school', recordId: result.record.id, summary });
  }
  return result;
}
