import { trainingReference } from '../../domain/training/training-record';
import { claimsToConfirm } from '../training/training-views';
import { recordableRequirements } from '../training/training-setup';
import type { WaitingProvider } from './waiting-item';

/** The steps on a completion waiting for confirmation, as `decideTrainingClaim` takes them. */
export const TRAINING_STEPS = ['confirm', 'reject'] as const;

/** Training that staff logged themselves, for the online safety lead (or whoever stands in) to confirm (s.11). */
export const trainingWaiting: WaitingProvider = async (deps, person) => {
  const claims = await claimsToConfirm(deps, person);
  if (claims.length === 0) return [];
  const requirements = await recordableRequirements(deps.stores);
  return claims.map((record) => ({
    recordType: 'trainingRecord' as const,
    recordId: record.id,
    reference: trainingReference(record.id),
    title: requirements.get(record.requirementId)?.title ?? record.requirementId,
    from: record.subjectName,
    since: record.recordedAt,
    steps: [...TRAINING_STEPS],
    version: record.version,
    facts: { completedOn: record.completedOn, ...(record.evidence ? { evidence: record.evidence } : {}) },
  }));
};
