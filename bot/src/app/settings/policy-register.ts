import { localDate } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import type { PolicyDocument } from '../../domain/school/policy-document';
import { applyPolicyInput, changedParts, policyInputSchema } from '../../domain/school/policy-input';
import { readForm } from '../../domain/validation/field-errors';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import type { AppDeps } from '../app-deps';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import { refusal, saveEdited, type SettingsSave } from './save-edited';

/**
 * The whole register (a school's is a few dozen entries): those in force first, those reviewed
 * here before those listed for reference, then by title.
 */
export async function readPolicies(stores: Pick<Stores, 'policies'>): Promise<Versioned<PolicyDocument>[]> {
  const all = await readAll((cursor) => stores.policies.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
  const rank = (policy: PolicyDocument) => (policy.retiredOn ? 2 : policy.reviews.length > 0 ? 0 : 1);
  return all.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/**
 * Adds a policy to the register, or changes one the person read at `seen.version`: title, owner,
 * approval date (a new approval is added; none is ever overwritten), its reviews, retired or not.
 */
export async function savePolicy(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  actor: Person,
  raw: unknown,
  seen?: { id: string; version: number },
): Promise<SettingsSave<PolicyDocument>> {
  const refused = await refusal(deps, actor, 'settings.policies', 'the policy register');
  if (refused) return refused;
  const input = readForm(policyInputSchema, raw);
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const now = deps.clock.now();
  const others = (await readPolicies(deps.stores)).filter((policy) => policy.id !== seen?.id && !policy.retiredOn);
  if (!input.value.retired && others.some((policy) => policy.title.toLowerCase() === input.value.title.toLowerCase())) {
    return { status: 'invalid', errors: { title: `There is already a policy called "${input.value.title}" in the register.` } };
  }
  const result = await saveEdited(deps.stores.policies, seen, (current) => {
    const made = applyPolicyInput(current, input.value, { id: actor.id, name: actor.displayName }, now, localDate(now));
    return 'field' in made ? { ok: false, errors: { [made.field]: made.message } } : { ok: true, record: made };
  });
  if (result.status === 'ok') {
    const { record, before } = result;
    const summary = !before
      ? `Policy added: ${record.title}`
      : record.retiredOn && !before.retiredOn
        ? `Policy retired: ${record.title}`
        : `Policy changed (${changedParts(before, record).join(', ') || 'nothing'}): ${record.title}`;
    await recordAudit(deps, actor, { action: 'settings.policy', recordType: 'policy', recordId: record.id, summary });
  }
  return result;
}
