import { currentVersion, type VersionConfirmation } from '../../domain/policies/policy-version';
import type { AppDeps } from '../app-deps';
import { retryStep } from '../retry-step';
import { versionsOf } from './publish-policy-version';

/**
 * A review that kept the policy as it was confirms the version in force: the confirmation is added
 * to it; its own approval date stays. Nothing happens for a policy with no version in the library.
 * Answers whether the library holds a version in force (its confirmation, if it could not be saved, is logged).
 */
export async function confirmCurrentVersion(
  deps: Pick<AppDeps, 'stores' | 'log'>,
  policyId: string,
  confirmation: VersionConfirmation,
): Promise<boolean> {
  const outcome = await retryStep(deps, `policy ${policyId}'s version in force`, async () => {
    const current = currentVersion(await versionsOf(deps, policyId));
    if (!current) return false;
    await deps.stores.policyVersions.update({ ...current, confirmations: [...current.confirmations, confirmation] });
    return true;
  });
  return outcome !== false;
}
