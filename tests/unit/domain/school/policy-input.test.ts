/**
 * The policy register as the headteacher or the admin team keep it (s.1, s.2, s.12): what a policy
 * needs, that each review keeps its id, and that an approval is never overwritten.
 */
import { applyPolicyInput, policyInputSchema, type PolicyInput } from '../../../../bot/src/domain/school/policy-input';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';

const head = { name: 'Headteacher with the online safety lead', reviewers: ['headteacher', 'onlineSafetyLead'], cycleMonths: 24, nextReviewDue: '2028-09-01' };
const board = { name: 'Governing board', reviewers: ['governor', 'chairOfGovernors'], cycleMonths: 12, nextReviewDue: '2027-09-01' };
const valid = { title: 'Social Media Policy', owner: 'Headteacher', approvedOn: '2026-09-15', reviews: [head, board] };
const adele = { id: '3', name: 'Adele Vance' };
const now = new Date('2026-11-30T10:00:00Z');
const today = '2026-11-30';

const read = (raw: unknown) => readForm(policyInputSchema, raw);
const apply = (existing: Parameters<typeof applyPolicyInput>[0], input: unknown) => {
  const parsed = read(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return applyPolicyInput(existing, parsed.value as PolicyInput, adele, now, today);
};

describe('what a policy needs', () => {
  it.each([
    ['no title', { ...valid, title: '  ' }, { title: 'Title is required.' }],
    ['no owner', { ...valid, owner: '' }, { owner: 'Owner is required.' }],
    ['an approval date that is not a date', { ...valid, approvedOn: '15/09/2026' }, { approvedOn: 'Approval date must be a date.' }],
    ['a review nobody does', { ...valid, reviews: [{ ...board, reviewers: [] }] }, { 'reviews.0.reviewers': 'Choose who reviews it.' }],
    ['a review by someone who is not a role', { ...valid, reviews: [{ ...board, reviewers: ['caretaker'] }] }, { 'reviews.0.reviewers.0': expect.any(String) }],
    ['a cycle of no months', { ...valid, reviews: [head, { ...board, cycleMonths: 0 }] }, { 'reviews.1.cycleMonths': 'At least 1 month.' }],
    ['a cycle in part-months', { ...valid, reviews: [{ ...head, cycleMonths: 1.5 }] }, { 'reviews.0.cycleMonths': 'Give whole months.' }],
    ['a review with no next date', { ...valid, reviews: [{ ...head, nextReviewDue: '' }] }, { 'reviews.0.nextReviewDue': 'Next review date must be a date.' }],
  ])('refuses %s, next to the field', (_case, input, errors) => {
    expect(read(input)).toEqual({ ok: false, errors });
  });

  it('takes a related policy with no reviews and no approval date (listed for reference)', () => {
    expect(read({ title: 'Behaviour Policy', owner: 'Headteacher', approvedOn: '', reviews: [] })).toMatchObject({ ok: true });
  });

  it('refuses an approval date in the future', () => {
    expect(apply(undefined, { ...valid, approvedOn: '2026-12-01' })).toEqual({ field: 'approvedOn', message: 'The approval date cannot be in the future.' });
  });
});

describe('saving a policy', () => {
  it('gives new reviews their ids and records the approval with who entered it', () => {
    expect(apply(undefined, valid)).toEqual({
      title: 'Social Media Policy',
      owner: 'Headteacher',
      reviews: [{ id: 'review-1', ...head }, { id: 'review-2', ...board }],
      approvals: [{ approvedOn: '2026-09-15', note: 'Entered in School settings', recordedById: '3', recordedByName: 'Adele Vance', recordedAt: '2026-11-30T10:00:00.000Z' }],
    });
  });

  it('keeps each review its id when others are added or removed, and never reuses one', () => {
    const first = apply(undefined, valid) as Exclude<ReturnType<typeof applyPolicyInput>, { field: string }>;
    const second = apply(first, { ...valid, reviews: [{ id: 'review-2', ...board, cycleMonths: 6 }, { ...head, name: 'Headteacher alone' }] });
    expect(second).toMatchObject({ reviews: [{ id: 'review-2', cycleMonths: 6 }, { id: 'review-3', name: 'Headteacher alone' }] });
  });

  it.each([
    ['the same approval date: no new approval', '2026-09-15', ['2026-09-15']],
    ['a new approval date: added, the earlier kept', '2026-11-20', ['2026-09-15', '2026-11-20']],
    ['a corrected earlier date: added too, the mistake stays in the history', '2026-09-05', ['2026-09-15', '2026-09-05']],
    ['the date cleared: nothing is removed', '', ['2026-09-15']],
  ])('%s', (_case, approvedOn, dates) => {
    const first = apply(undefined, valid) as Exclude<ReturnType<typeof applyPolicyInput>, { field: string }>;
    expect((apply(first, { ...valid, approvedOn }) as typeof first).approvals.map((approval) => approval.approvedOn)).toEqual(dates);
  });

  it('keeps the day a policy was retired, and forgets it when the policy is brought back', () => {
    const retired = apply(apply(undefined, valid) as never, { ...valid, retired: true }) as { retiredOn?: string };
    expect(retired.retiredOn).toBe('2026-11-30');
    expect((apply(retired as never, { ...valid, retired: false }) as { retiredOn?: string }).retiredOn).toBeUndefined();
  });
});
