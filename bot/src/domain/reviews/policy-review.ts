import { addMonths, daysBetween, isoWeek, type IsoDate } from '../calendar/dates';
import type { PolicyDocument, PolicyReview } from '../school/policy-document';

/** Days before a review's next date when its reviewers are reminded (s.2, s.12). */
export const REVIEW_REMINDER_DAYS = [90, 30, 7] as const;

export type ReviewReminder =
  | { kind: 'dueSoon'; daysBefore: (typeof REVIEW_REMINDER_DAYS)[number]; daysLeft: number; due: IsoDate; period: string }
  | { kind: 'overdue'; daysOverdue: number; due: IsoDate; period: string };

/**
 * The reminder a review needs today, if any. Each offset is sent once (its period names the due
 * date and the offset), even if the job did not run on the exact day; while overdue, once a week.
 */
export function reviewReminder(review: Pick<PolicyReview, 'nextReviewDue'>, today: IsoDate): ReviewReminder | undefined {
  const due = review.nextReviewDue;
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return { kind: 'overdue', daysOverdue: -daysLeft, due, period: `overdue-${isoWeek(today)}` };
  const crossed = [...REVIEW_REMINDER_DAYS].reverse().find((offset) => daysLeft <= offset);
  return crossed === undefined ? undefined : { kind: 'dueSoon', daysBefore: crossed, daysLeft, due, period: `${due}-${crossed}d` };
}

/**
 * A completed review: the policy is approved again on that day (added to its approvals, the
 * earlier ones kept), and that review's next date is one of its cycles later (s.12). The
 * policy's other reviews keep their own dates.
 */
export function completeReview<P extends PolicyDocument>(
  policy: P,
  reviewId: string,
  reviewedOn: IsoDate,
  by: { id: string; name: string },
  at: Date,
): P | undefined {
  const review = policy.reviews.find((candidate) => candidate.id === reviewId);
  if (!review || policy.retiredOn) return undefined;
  return {
    ...policy,
    reviews: policy.reviews.map((candidate) =>
      candidate === review ? { ...review, nextReviewDue: addMonths(reviewedOn, review.cycleMonths) } : candidate,
    ),
    approvals: [
      ...policy.approvals,
      {
        approvedOn: reviewedOn,
        note: `Reviewed: ${review.name}`,
        recordedById: by.id,
        recordedByName: by.name,
        recordedAt: at.toISOString(),
      },
    ],
  };
}
