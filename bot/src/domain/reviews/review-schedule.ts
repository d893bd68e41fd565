import { daysBetween, type IsoDate } from '../calendar/dates';
import type { Role } from '../people/role';
import type { PolicyDocument } from '../school/policy-document';
import { REVIEW_REMINDER_DAYS } from './policy-review';

export type ReviewStanding = 'overdue' | 'dueSoon' | 'scheduled';

/** One review of one policy in force, as the governors' page lists it (s.2, s.12). */
export interface ScheduledReview {
  policyId: string;
  policyTitle: string;
  reviewId: string;
  /** "Governing board", "Headteacher with the online safety lead". */
  reviewName: string;
  reviewers: Role[];
  cycleMonths: number;
  nextReviewDue: IsoDate;
  standing: ReviewStanding;
  /** The last time this review was recorded, and who recorded it. */
  lastCompleted?: { on: IsoDate; byId: string; byName: string };
}

/**
 * Every review of every policy in force with where it stands today: due within the first reminder
 * (90 days) is "due soon". Each review keeps its own history: the board's yearly review and the
 * headteacher's two-yearly one are never mixed (an approval names its review in its note).
 */
export function reviewSchedule(policies: readonly PolicyDocument[], today: IsoDate): ScheduledReview[] {
  return policies
    .filter((policy) => !policy.retiredOn)
    .flatMap((policy) =>
      policy.reviews.map((review) => {
        const last = policy.approvals.filter((approval) => approval.note === `Reviewed: ${review.name}`).at(-1);
        const daysLeft = daysBetween(today, review.nextReviewDue);
        const standing: ReviewStanding = daysLeft < 0 ? 'overdue' : daysLeft <= REVIEW_REMINDER_DAYS[0] ? 'dueSoon' : 'scheduled';
        return {
          policyId: policy.id,
          policyTitle: policy.title,
          reviewId: review.id,
          reviewName: review.name,
          reviewers: review.reviewers,
          cycleMonths: review.cycleMonths,
          nextReviewDue: review.nextReviewDue,
          standing,
          ...(last ? { lastCompleted: { on: last.approvedOn, byId: last.recordedById, byName: last.recordedByName } } : {}),
        };
      }),
    );
}
