import { may } from '../../domain/authorization/permissions';
import { isIsoDate, longDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import { completeReview } from '../../domain/reviews/policy-review';
import type { PolicyDocument } from '../../domain/school/policy-document';
import { StaleRecordError } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import type { Announce } from '../reminders/announce';
import { recordAudit } from '../record-audit';
import { confirmCurrentVersion } from '../policies/confirm-version';
import { refused, type Refused } from '../outcome';

/**
 * The headteacher records one completed review of a policy (s.12 with the online safety lead, or
 * the governing board's, s.2): the policy is approved again that day (earlier approvals kept), that
 * review's next date moves on by its cycle, the version in force (if the library holds one) is
 * confirmed by the review (a changed policy is published as a new version instead, and staff are asked
 * to read it then). Only where the library holds no version, so the app cannot tell whether the policy
 * changed, are all staff told it was reviewed ("any changes made to this policy will be communicated to all staff", s.12).
 */
export async function recordPolicyReview(
  deps: AppDeps & { announce: Announce },
  actor: Person,
  policyId: string,
  reviewId: string,
  reviewedOn: string,
): Promise<
  | Refused
  | { status: 'invalid'; message: string }
  | { status: 'ok'; policy: PolicyDocument; nextReviewDue: string; staffTold: boolean; announced: Promise<unknown> }
> {
  if (!may(actor, 'policy.recordReview')) {
    await recordAudit(deps, actor, {
      action: 'policy.recordReview.denied',
      recordType: 'policy',
      recordId: policyId.slice(0, 20),
      summary: 'Recording a policy review refused: the person does not hold the role',
    });
    return refused('policy.recordReview');
  }
  const now = deps.clock.now();
  if (!isIsoDate(reviewedOn) || reviewedOn > localDate(now))
    return { status: 'invalid', message: 'Give the review date as YYYY-MM-DD, not in the future.' };
  const policy = /^\d{1,12}$/.test(policyId) ? await deps.stores.policies.get(policyId) : undefined;
  const reviewed = policy && completeReview(policy, reviewId, reviewedOn, { id: actor.id, name: actor.displayName }, now);
  if (!policy || !reviewed) return { status: 'invalid', message: 'That review is not in the policy register (or the policy is retired).' };
  let saved;
  try {
    saved = await deps.stores.policies.update(reviewed);
  } catch (error) {
    if (error instanceof StaleRecordError)
      return { status: 'invalid', message: 'Someone else changed this policy just now; reload and try again.' };
    throw error;
  }
  const review = saved.reviews.find((candidate) => candidate.id === reviewId)!;
  const versionConfirmed = await confirmCurrentVersion(deps, policy.id, {
    on: reviewedOn,
    note: `Reviewed: ${review.name}`,
    byId: actor.id,
    byName: actor.displayName,
  });
  await recordAudit(deps, actor, {
    action: 'policy.recordReview',
    recordType: 'policy',
    recordId: policy.id,
    summary: `Review recorded (${review.name}); next ${review.nextReviewDue}`,
  });
  if (versionConfirmed)
    return { status: 'ok', policy: saved, nextReviewDue: review.nextReviewDue, staffTold: false, announced: Promise.resolve() };
  const staff = (await deps.directory.everyone()).filter((person) => person.roles.includes('staff'));
  const announced = deps.announce(
    `policy-changed ${policy.id} ${reviewId} ${reviewedOn}`,
    staff.map((person) => ({
      person,
      reason: `policy-changed:${policy.id}:${reviewId}`,
      period: reviewedOn,
      message: {
        title: `The ${policy.title} has been reviewed`,
        lines: [
          `Review: ${review.name}, recorded on ${longDate(reviewedOn)}. Please read the updated policy (section 12: changes are communicated to all staff).`,
          `Next review: ${longDate(review.nextReviewDue)}.`,
        ],
        tone: 'accent',
      },
    })),
  );
  return { status: 'ok', policy: saved, nextReviewDue: review.nextReviewDue, staffTold: true, announced };
}
