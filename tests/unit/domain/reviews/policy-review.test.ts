/** Social Media Policy s.2 and s.12: review reminders at 90, 30 and 7 days, weekly while overdue; a review sets its own next date. */
import { completeReview, reviewReminder } from '../../../../bot/src/domain/reviews/policy-review';
import type { PolicyDocument } from '../../../../bot/src/domain/school/policy-document';

const review = { nextReviewDue: '2026-09-01' };

describe('policy review reminders (s.2, s.12)', () => {
  it.each([
    ['2026-06-02', undefined, '91 days before: nothing yet'],
    ['2026-06-03', { kind: 'dueSoon', daysBefore: 90, period: '2026-09-01-90d' }, '90 days before'],
    [
      '2026-07-15',
      { kind: 'dueSoon', daysBefore: 90, period: '2026-09-01-90d' },
      'between 90 and 30: the same 90-day reminder (sent once)',
    ],
    ['2026-08-01', { kind: 'dueSoon', daysBefore: 90, daysLeft: 31, due: '2026-09-01' }, '31 days before: still the 90-day reminder'],
    ['2026-08-02', { kind: 'dueSoon', daysBefore: 30, period: '2026-09-01-30d' }, '30 days before'],
    ['2026-08-24', { kind: 'dueSoon', daysBefore: 30, daysLeft: 8 }, '8 days before: still the 30-day reminder'],
    ['2026-08-25', { kind: 'dueSoon', daysBefore: 7, period: '2026-09-01-7d' }, '7 days before'],
    ['2026-09-01', { kind: 'dueSoon', daysBefore: 7, daysLeft: 0 }, 'on the day'],
    ['2026-09-02', { kind: 'overdue', daysOverdue: 1, due: '2026-09-01', period: 'overdue-2026-W36' }, 'a day overdue'],
    ['2026-09-08', { kind: 'overdue', daysOverdue: 7, period: 'overdue-2026-W37' }, 'the next week: a new weekly reminder'],
  ] as [string, Record<string, unknown> | undefined, string][])('on %s → %j (%s)', (today, expected) => {
    const reminder = reviewReminder(review, today);
    if (expected === undefined) expect(reminder).toBeUndefined();
    else expect(reminder).toMatchObject(expected);
  });
});

describe('recording a completed review', () => {
  const policy: PolicyDocument = {
    id: '1',
    title: 'Social Media Policy',
    owner: 'Headteacher',
    reviews: [
      {
        id: 'review-1',
        name: 'Headteacher with the online safety lead',
        reviewers: ['headteacher', 'onlineSafetyLead'],
        cycleMonths: 24,
        nextReviewDue: '2024-09-01',
      },
      {
        id: 'review-2',
        name: 'Governing board',
        reviewers: ['governor', 'chairOfGovernors'],
        cycleMonths: 12,
        nextReviewDue: '2026-12-10',
      },
    ],
    approvals: [
      {
        approvedOn: '2022-10-11',
        note: 'Entered in School settings',
        recordedById: '3',
        recordedByName: 'Adele Vance',
        recordedAt: '2026-11-01T09:00:00.000Z',
      },
    ],
  };
  const adele = { id: '3', name: 'Adele Vance' };
  const at = new Date('2026-11-24T10:00:00Z');

  it.each([
    [
      'the headteacher with the online safety lead: two years on (s.12); the board keeps its date',
      'review-1',
      '2026-11-24',
      ['2028-11-24', '2026-12-10'],
    ],
    [
      "the governing board: a year on (s.2); the headteacher's review keeps its date",
      'review-2',
      '2026-11-24',
      ['2024-09-01', '2027-11-24'],
    ],
    ['a yearly review done on 29 February: the next is 28 February', 'review-2', '2024-02-29', ['2024-09-01', '2025-02-28']],
  ])('%s', (_case, reviewId, reviewedOn, nextDates) => {
    const reviewed = completeReview(policy, reviewId, reviewedOn, adele, at)!;
    expect(reviewed.reviews.map((r) => r.nextReviewDue)).toEqual(nextDates);
  });

  it('adds an approval and keeps every earlier one', () => {
    const reviewed = completeReview(policy, 'review-2', '2026-11-24', adele, at)!;
    expect(reviewed.approvals.map((a) => [a.approvedOn, a.note])).toEqual([
      ['2022-10-11', 'Entered in School settings'],
      ['2026-11-24', 'Reviewed: Governing board'],
    ]);
  });

  it('records nothing for a review the policy does not have, or a retired policy', () => {
    expect(completeReview(policy, 'review-9', '2026-11-24', adele, at)).toBeUndefined();
    expect(completeReview({ ...policy, retiredOn: '2026-01-01' }, 'review-1', '2026-11-24', adele, at)).toBeUndefined();
  });

  it('the new approval says who recorded the review and when', () => {
    expect(completeReview(policy, 'review-1', '2026-11-20', adele, at)!.approvals.at(-1)).toEqual({
      approvedOn: '2026-11-20',
      note: 'Reviewed: Headteacher with the online safety lead',
      recordedById: '3',
      recordedByName: 'Adele Vance',
      recordedAt: '2026-11-24T10:00:00.000Z',
    });
  });
});
