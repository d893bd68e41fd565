/** Social Media Policy s.2 and s.12: review reminders at 90, 30 and 7 days, weekly while overdue; a review sets the next date. */
import { completeReview, reviewReminder } from '../../../../bot/src/domain/reviews/policy-review';
import type { PolicyDocument } from '../../../../bot/src/domain/school/policy-document';

const policy = { managedHere: true, nextReviewDue: '2026-09-01' };

describe('policy review reminders (s.2, s.12)', () => {
  it.each([
    ['2026-06-02', undefined, '91 days before: nothing yet'],
    ['2026-06-03', { kind: 'dueSoon', daysBefore: 90, period: '2026-09-01-90d' }, '90 days before'],
    ['2026-07-15', { kind: 'dueSoon', daysBefore: 90, period: '2026-09-01-90d' }, 'between 90 and 30: the same 90-day reminder (sent once)'],
    ['2026-08-01', { kind: 'dueSoon', daysBefore: 90, daysLeft: 31, due: '2026-09-01' }, '31 days before: still the 90-day reminder'],
    ['2026-08-02', { kind: 'dueSoon', daysBefore: 30, period: '2026-09-01-30d' }, '30 days before'],
    ['2026-08-24', { kind: 'dueSoon', daysBefore: 30, daysLeft: 8 }, '8 days before: still the 30-day reminder'],
    ['2026-08-25', { kind: 'dueSoon', daysBefore: 7, period: '2026-09-01-7d' }, '7 days before'],
    ['2026-09-01', { kind: 'dueSoon', daysBefore: 7, daysLeft: 0 }, 'on the day'],
    ['2026-09-02', { kind: 'overdue', daysOverdue: 1, due: '2026-09-01', period: 'overdue-2026-W36' }, 'a day overdue'],
    ['2026-09-08', { kind: 'overdue', daysOverdue: 7, period: 'overdue-2026-W37' }, 'the next week: a new weekly reminder'],
  ] as [string, Record<string, unknown> | undefined, string][])('on %s → %j (%s)', (today, expected) => {
    const reminder = reviewReminder(policy, today);
    if (expected === undefined) expect(reminder).toBeUndefined();
    else expect(reminder).toMatchObject(expected);
  });

  it('says nothing about related policies the app does not manage, or a policy with no date', () => {
    expect(reviewReminder({ managedHere: false, nextReviewDue: '2026-09-01' }, '2026-09-20')).toBeUndefined();
    expect(reviewReminder({ managedHere: true }, '2026-09-20')).toBeUndefined();
  });

  it('a completed review is the new approval date and sets the next review one cycle later (two years, s.12)', () => {
    const reviewed = completeReview({ id: '1', title: 'Social Media Policy', approvedOn: '2022-10-11', reviewCycleMonths: 24, nextReviewDue: '2024-09-01', managedHere: true }, '2026-11-24');
    expect(reviewed).toMatchObject({ approvedOn: '2026-11-24', nextReviewDue: '2028-11-24', reviewCycleMonths: 24 });
    expect(completeReview({ id: '2', title: 'Yearly', reviewCycleMonths: 12, managedHere: true } as PolicyDocument, '2024-02-29').nextReviewDue).toBe('2025-02-28');
  });

  it('a policy with no cycle recorded is reviewed every two years (s.12)', () => {
    expect(completeReview({ id: '3', title: 'Social Media Policy', managedHere: true }, '2026-11-24')).toEqual({ id: '3', title: 'Social Media Policy', managedHere: true, approvedOn: '2026-11-24', reviewCycleMonths: 24, nextReviewDue: '2028-11-24' });
  });
});
