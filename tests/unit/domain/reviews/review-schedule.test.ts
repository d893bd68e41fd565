/** The governors' review schedule (s.2, s.12): each review of each policy in force, its standing, and its own last completion. */
import { reviewSchedule } from '../../../../bot/src/domain/reviews/review-schedule';
import type { PolicyDocument } from '../../../../bot/src/domain/school/policy-document';

const approval = (approvedOn: string, note: string, recordedByName: string) => ({
  approvedOn,
  note,
  recordedById: '1',
  recordedByName,
  recordedAt: `${approvedOn}T10:00:00.000Z`,
});

const POLICY: PolicyDocument = {
  id: '1',
  title: 'Social Media Policy',
  owner: 'Headteacher',
  reviews: [
    {
      id: 'review-1',
      name: 'Headteacher with the online safety lead',
      reviewers: ['headteacher', 'onlineSafetyLead'],
      cycleMonths: 24,
      nextReviewDue: '2027-01-10',
    },
    { id: 'review-2', name: 'Governing board', reviewers: ['governor', 'chairOfGovernors'], cycleMonths: 12, nextReviewDue: '2026-11-23' },
  ],
  approvals: [
    approval('2022-10-11', 'Entered in School settings', 'Lynne Robbins'),
    approval('2025-01-10', 'Reviewed: Headteacher with the online safety lead', 'Adele Vance'),
    approval('2025-11-20', 'Reviewed: Governing board', 'Adele Vance'),
    approval('2025-11-23', 'Reviewed: Governing board', 'Linda Davis'),
  ],
};

describe("the governors' review schedule", () => {
  it.each([
    ['2026-11-24', ['dueSoon', 'overdue'], 'the board a day late; the head and lead within 90 days'],
    ['2026-11-23', ['dueSoon', 'dueSoon'], 'the board due today: due soon, not yet overdue'],
    ['2026-10-12', ['dueSoon', 'dueSoon'], 'the head and lead exactly 90 days off: due soon'],
    ['2026-10-11', ['scheduled', 'dueSoon'], 'the head and lead 91 days off; the board within 90'],
    ['2026-08-24', ['scheduled', 'scheduled'], 'both further off than 90 days'],
  ])('on %s the reviews stand %j (%s)', (today, standings) => {
    expect(reviewSchedule([POLICY], today).map((review) => review.standing)).toEqual(standings);
  });

  it("keeps each review's last completion apart: the board's latest, the head's own", () => {
    expect(reviewSchedule([POLICY], '2026-11-24').map((review) => [review.reviewName, review.lastCompleted])).toEqual([
      ['Headteacher with the online safety lead', { on: '2025-01-10', byId: '1', byName: 'Adele Vance' }],
      ['Governing board', { on: '2025-11-23', byId: '1', byName: 'Linda Davis' }],
    ]);
  });

  it('leaves out retired policies and lists policies kept for reference with no review', () => {
    expect(
      reviewSchedule(
        [
          { ...POLICY, retiredOn: '2026-01-01' },
          { ...POLICY, id: '2', title: 'Anti-bullying Policy', reviews: [], approvals: [] },
        ],
        '2026-11-24',
      ),
    ).toEqual([]);
  });
});
