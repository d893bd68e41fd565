import { may, whoMay } from '../../domain/authorization/permissions';
import { isIsoDate, longDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import { completeReview } from '../../domain/reviews/policy-review';
import type { PolicyDocument } from '../../domain/school/policy-document';
import { StaleRecordError } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import type { Announce } from '../reminders/announce';
import { recordAudit } from '../record-audit';

/**
 * The headteacher records a completed review (s.12): the policy's approval date and next review
 * date move on, and all staff are told the policy changed ("any changes made to this policy will
 * be communicated to all staff").
 */
export async function recordPolicyReview(deps: AppDeps & { announce: Announce }, actor: Person, policyId: string, reviewedOn: string): Promise<{ status: 'not-permitted'; message: string } | { status: 'invalid'; message: string } | { status: 'ok'; policy: PolicyDocument; announced: Promise<unknown> }> {
  if (!may(actor, 'policy.recordReview')) {
    await recordAudit(deps, actor, { action: 'policy.recordReview.denied', recordType: 'policy', recordId: policyId.slice(0, 20), summary: 'Recording a policy review refused: the person does not hold the role' });
    return { status: 'not-permitted', message: `Only ${whoMay('policy.recordReview')} can record a policy review.` };
  }
  const today = deps.clock.now().toISOString().slice(0, 10);
  if (!isIsoDate(reviewedOn) || reviewedOn > today) return { status: 'invalid', message: 'Give the review date as YYYY-MM-DD, not in the future.' };
  const policy = /^\d{1,12}$/.test(policyId) ? await deps.stores.policies.get(policyId) : undefined;
  if (!policy?.managedHere) return { status: 'invalid', message: 'That policy is not one this app manages.' };
  let saved;
  try {
    saved = await deps.stores.policies.update(completeReview(policy, reviewedOn));
  } catch (error) {
    if (error instanceof StaleRecordError) return { status: 'invalid', message: 'Someone else changed this policy just now; reload and try again.' };
    throw error;
  }
  await recordAudit(deps, actor, { action: 'policy.recordReview', recordType: 'policy', recordId: policy.id, summary: `Review recorded; next review ${saved.nextReviewDue}` });
  const staff = (await deps.directory.everyone()).filter((person) => person.roles.includes('staff'));
  const announced = deps.announce(`policy-changed ${policy.id} ${reviewedOn}`, staff.map((person) => ({
    person,
    reason: `policy-changed:${policy.id}`,
    period: reviewedOn,
    message: {
      title: `The ${policy.title} has been reviewed`,
      lines: [`The headteacher recorded the review on ${longDate(reviewedOn)}. Please read the updated policy (section 12: changes are communicated to all staff).`, `Next review: ${longDate(saved.nextReviewDue!)}.`],
      tone: 'accent',
    },
  })));
  return { status: 'ok', policy: saved, announced };
}
