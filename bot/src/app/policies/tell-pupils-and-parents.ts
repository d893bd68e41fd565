import type { Person } from '../../domain/people/person';
import { draftTexts, tellingTextsSchema, toldSchema, type Telling } from '../../domain/policies/telling';
import { localDate } from '../../domain/calendar/zoned-time';
import { readForm, type FieldErrors } from '../../domain/validation/field-errors';
import type { PolicyVersion } from '../../domain/policies/policy-version';
import type { Versioned } from '../../ports/collection.port';
import { retryStep } from '../retry-step';
import { recordAudit } from '../record-audit';
import { allowed, type PolicyLibraryDeps } from './policy-files';

type Deps = Pick<PolicyLibraryDeps, 'stores' | 'clock' | 'log'>;
export type TellingOutcome =
  | { status: 'ok'; telling: Telling; drafted: boolean }
  | { status: 'not-permitted' | 'not-found' | 'not-saved' }
  | { status: 'invalid'; errors: FieldErrors };

/** The texts for pupils and parents about a version: as saved, or first drafted from its summary of changes. */
export async function readTelling(deps: Deps, actor: Person, versionId: string): Promise<TellingOutcome> {
  const found = await versionFor(deps, actor, versionId);
  if ('status' in found) return found;
  const { version, title } = found;
  if (version.telling) return { status: 'ok', telling: version.telling, drafted: false };
  return { status: 'ok', telling: { ...draftTexts(title, version), editedByName: '', editedAt: '', sent: [] }, drafted: true };
}

/** The headteacher's wording, kept on the version (the times it was sent stay). */
export async function saveTellingTexts(deps: Deps, actor: Person, versionId: string, raw: unknown): Promise<TellingOutcome> {
  const input = readForm(tellingTextsSchema, raw);
  return change(
    deps,
    actor,
    versionId,
    input.ok
      ? {
          ok: true,
          apply: (telling) => ({ ...telling, ...input.value, editedByName: actor.displayName, editedAt: deps.clock.now().toISOString() }),
        }
      : input,
    'Texts for pupils and parents saved',
  );
}

/** When and how pupils or parents were told (newsletter, website, class lessons): the app itself never sends to parents. */
export async function recordTold(deps: Deps, actor: Person, versionId: string, raw: unknown): Promise<TellingOutcome> {
  const input = readForm(toldSchema, raw);
  if (input.ok && input.value.on > localDate(deps.clock.now()))
    return { status: 'invalid', errors: { on: 'The date cannot be in the future.' } };
  return change(
    deps,
    actor,
    versionId,
    input.ok
      ? {
          ok: true,
          apply: (telling) => ({ ...telling, sent: [...telling.sent, { ...input.value, byId: actor.id, byName: actor.displayName }] }),
        }
      : input,
    input.ok ? `Recorded: ${input.value.audience} told by ${input.value.how} on ${input.value.on}` : '',
  );
}

async function change(
  deps: Deps,
  actor: Person,
  versionId: string,
  input: { ok: true; apply: (telling: Telling) => Telling } | { ok: false; errors: FieldErrors },
  summary: string,
): Promise<TellingOutcome> {
  const found = await versionFor(deps, actor, versionId);
  if ('status' in found) return found;
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const saved = await retryStep(deps, `policy version ${versionId}`, async () => {
    const current = (await deps.stores.policyVersions.get(versionId))!;
    const before = current.telling ?? { ...draftTexts(found.title, current), editedByName: '', editedAt: '', sent: [] };
    return deps.stores.policyVersions.update({ ...current, telling: input.apply(before) });
  });
  if ('status' in saved) return saved;
  await recordAudit(deps, actor, {
    action: 'policy.tellPupilsAndParents',
    recordType: 'policy',
    recordId: saved.policyId,
    summary: `${summary} (version ${saved.number})`,
  });
  return { status: 'ok', telling: saved.telling!, drafted: false };
}

async function versionFor(
  deps: Deps,
  actor: Person,
  versionId: string,
): Promise<{ status: 'not-permitted' | 'not-found' } | { version: Versioned<PolicyVersion>; title: string }> {
  if (!(await allowed(deps, actor, 'policy.tellPupilsAndParents', versionId))) return { status: 'not-permitted' };
  const version = /^\d{1,12}$/.test(versionId) ? await deps.stores.policyVersions.get(versionId) : undefined;
  const policy = version && (await deps.stores.policies.get(version.policyId));
  if (!version || !policy) return { status: 'not-found' };
  return { version, title: policy.title };
}
