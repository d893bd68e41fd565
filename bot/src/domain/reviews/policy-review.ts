import { addMonths, daysBetween, isoWeek, type IsoDate } from '../calendar/dates';
import type { PolicyDocument } from '../school/policy-document';

/** Days before the next review date when the headteacher, online safety lead and governors are reminded (s.2, s.12). */
export const REVIEW_REMINDER_DAYS = [90, 30, 7] as const;

/** s.12: "reviewed every two years by the headteacher, in conjunction with the online safety lead". */
export const DEFAULT_REVIEW_CYCLE_MONTHS = 24;

export type ReviewReminder =
  | { kind: 'dueSoon'; daysBefore: (typeof REVIEW_REMINDER_DAYS)[number]; daysLeft: number; due: IsoDate; period: string }
  | { kind: 'overdue'; daysOverdue: number; due: IsoDate; period: string };

/**
 * The reminder a policy needs today, if any. Each offset is sent once (its period names the due
 * date and the offset), even if the job did not run on the exact day; while overdue, once a week.
 */
export function reviewReminder(policy: Pick<PolicyDocument, 'managedHere' | 'nextReviewDue'>, today: IsoDate): ReviewReminder | undefined {
  if (!policy.managedHere || !policy.nextReviewDue) return undefined;
  const due = policy.nextReviewDue;
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return { kind: 'overdue', daysOverdue: -daysLeft, due, period: `overdue-${isoWeek(today)}` };
  const crossed = [...REVIEW_REMINDER_DAYS].reverse().find((offset) => daysLeft <= offset);
  return crossed === undefined ? undefined : { kind: 'dueSoon', daysBefore: crossed, daysLeft, due, period: `${due}-${crossed}d` };
}

/** A completed review: approved again on that day, next review one cycle later (s.12). */
export function completeReview<P extends PolicyDocument>(policy: P, reviewedOn: IsoDate): P {
  const months = policy.reviewCycleMonths ?? DEFAULT_REVIEW_CYCLE_MONTHS;
  return { ...policy, approvedOn: reviewedOn, reviewCycleMonths: months, nextReviewDue: addMonths(reviewedOn, months) };
}
