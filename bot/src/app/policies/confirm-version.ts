import { currentVersion, type VersionConfirmation } from '../../domain/policies/policy-version';
import type { AppDeps } from '../app-deps';
import { retryStep } from '../retry-step';
import { versionsOf } from './publish-policy-version';

/**
 * A review that kept the policy as it was confirms the version in force: the confirmation is added
 * to it; its own approval date stays. Nothing happens for a policy with no version in the library.
 */
export async function confirmCurrentVersion(
  deps: Pick<AppDeps, 'stores' | 'log'>,
  policyId: string,
  confirmation: VersionConfirmation,
): Promise<void> {
  await retryStep(deps, `policy ${policyId}'s version in force`, async () => {
    const current = currentVersion(await versionsOf(deps, policyId));
    if (current) await deps.stores.policyVersions.update({ ...current, confirmations: [...current.confirmations, confirmation] });
  });
}
