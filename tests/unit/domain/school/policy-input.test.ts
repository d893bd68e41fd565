/**
 * The policy register as the headteacher or the admin team keep it (s.1, s.2, s.12): what a policy
 * needs, that each review keeps its id, and that an approval is never overwritten.
 */
import { isSocialMediaPolicy, latestApproval } from '../../../../bot/src/domain/school/policy-document';
import { applyPolicyInput, changedParts, policyInputSchema, type PolicyInput } from '../../../../bot/src/domain/school/policy-input';
import { schoolInputSchema, UNNAMED_SCHOOL } from '../../../../bot/src/domain/school/school';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';

const head = {
  name: 'Headteacher with the online safety lead',
  reviewers: ['headteacher', 'onlineSafetyLead'],
  cycleMonths: 24,
  nextReviewDue: '2028-09-01',
};
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
    [
      'a review by someone who is not a role',
      { ...valid, reviews: [{ ...board, reviewers: ['caretaker'] }] },
      { 'reviews.0.reviewers.0': expect.any(String) },
    ],
    ['a cycle of no months', { ...valid, reviews: [head, { ...board, cycleMonths: 0 }] }, { 'reviews.1.cycleMonths': 'At least 1 month.' }],
    ['a cycle in part-months', { ...valid, reviews: [{ ...head, cycleMonths: 1.5 }] }, { 'reviews.0.cycleMonths': 'Give whole months.' }],
    [
      'a review with no next date',
      { ...valid, reviews: [{ ...head, nextReviewDue: '' }] },
      { 'reviews.0.nextReviewDue': 'Next review date must be a date.' },
    ],
  ])('refuses %s, next to the field', (_case, input, errors) => {
    expect(read(input)).toEqual({ ok: false, errors });
  });

  it('takes a related policy with no reviews and no approval date (listed for reference)', () => {
    expect(read({ title: 'Behaviour Policy', owner: 'Headteacher', approvedOn: '', reviews: [] })).toMatchObject({ ok: true });
  });

  it.each([
    ['a title over 150 characters', { ...valid, title: 'x'.repeat(151) }, { title: 'Title must be 150 characters or fewer.' }],
    ['an owner over 100 characters', { ...valid, owner: 'x'.repeat(101) }, { owner: 'Owner must be 100 characters or fewer.' }],
    [
      'a review named in over 100 characters',
      { ...valid, reviews: [{ ...head, name: 'x'.repeat(101) }] },
      { 'reviews.0.name': 'What the review is must be 100 characters or fewer.' },
    ],
    [
      'a review with no reviewers given',
      { ...valid, reviews: [{ ...head, reviewers: undefined }] },
      { 'reviews.0.reviewers': 'Choose who reviews it.' },
    ],
    [
      'a cycle that is not a number',
      { ...valid, reviews: [{ ...head, cycleMonths: '24' }] },
      { 'reviews.0.cycleMonths': 'Give the cycle in months.' },
    ],
    [
      'a cycle over five years',
      { ...valid, reviews: [{ ...head, cycleMonths: 61 }] },
      { 'reviews.0.cycleMonths': 'At most 60 months (five years).' },
    ],
    [
      'a review date left out',
      { ...valid, reviews: [{ ...head, nextReviewDue: undefined }] },
      { 'reviews.0.nextReviewDue': 'Next review date is required.' },
    ],
    [
      'an approval date with a time after it',
      { ...valid, approvedOn: '2026-09-15T09:00' },
      { approvedOn: 'Approval date must be 10 characters or fewer.' },
    ],
    [
      'six reviews of one policy',
      { ...valid, reviews: [head, head, head, head, head, head] },
      { reviews: 'At most five reviews of one policy.' },
    ],
  ])('refuses %s, saying why', (_case, input, errors) => {
    expect(read(input)).toEqual({ ok: false, errors });
  });

  // A review's id is the register's own (`review-3`), never typed: anything else is refused, not stored.
  it.each([
    ['review-1', true],
    ['review-12', true],
    ['review-999', true],
    ['review-1000', false],
    ['review-', false],
    ['old-review-1', false],
    ['review-1 copy', false],
  ])('a review sent back with the id %s: accepted %s', (id, accepted) => {
    expect(read({ ...valid, reviews: [{ ...head, id }] }).ok).toBe(accepted);
  });

  it('takes a cycle of five years and five reviews', () => {
    expect(read({ ...valid, reviews: [head, head, head, head, { ...head, cycleMonths: 60 }] })).toMatchObject({ ok: true });
  });

  it.each([
    ['tomorrow', '2026-12-01', { field: 'approvedOn', message: 'The approval date cannot be in the future.' }],
    [
      'more than 30 years ago',
      '1996-11-01',
      { field: 'approvedOn', message: 'The approval date is more than 30 years ago: check the year.' },
    ],
  ])('refuses an approval date %s', (_case, approvedOn, problem) => {
    expect(apply(undefined, { ...valid, approvedOn })).toEqual(problem);
  });

  it('takes an approval date of today, and one 30 years ago', () => {
    expect(apply(undefined, { ...valid, approvedOn: today })).toMatchObject({ approvals: [{ approvedOn: today }] });
    expect(apply(undefined, { ...valid, approvedOn: '1996-12-07' })).toMatchObject({ approvals: [{ approvedOn: '1996-12-07' }] });
  });
});

describe('saving a policy', () => {
  it('gives new reviews their ids and records the approval with who entered it', () => {
    expect(apply(undefined, valid)).toEqual({
      title: 'Social Media Policy',
      owner: 'Headteacher',
      reviews: [
        { id: 'review-1', ...head },
        { id: 'review-2', ...board },
      ],
      approvals: [
        {
          approvedOn: '2026-09-15',
          note: 'Entered in School settings',
          recordedById: '3',
          recordedByName: 'Adele Vance',
          recordedAt: '2026-11-30T10:00:00.000Z',
        },
      ],
    });
  });

  it('keeps each review its id when others are added or removed, and never reuses one', () => {
    const first = apply(undefined, valid) as Exclude<ReturnType<typeof applyPolicyInput>, { field: string }>;
    const second = apply(first, {
      ...valid,
      reviews: [
        { id: 'review-2', ...board, cycleMonths: 6 },
        { ...head, name: 'Headteacher alone' },
      ],
    });
    expect(second).toMatchObject({
      reviews: [
        { id: 'review-2', cycleMonths: 6 },
        { id: 'review-3', name: 'Headteacher alone' },
      ],
    });
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

describe('what the audit log says a save changed', () => {
  const before = apply(undefined, valid) as Exclude<ReturnType<typeof applyPolicyInput>, { field: string }>;
  // The page sends each review back with its id.
  const saved = { ...valid, reviews: before.reviews };
  it.each([
    ['nothing', saved, []],
    ['the title', { ...saved, title: 'Social Media and Online Safety Policy' }, ['title']],
    ['the owner', { ...saved, owner: 'Deputy head' }, ['owner']],
    ['a review', { ...saved, reviews: [before.reviews[0]] }, ['reviews']],
    ['the approval date', { ...saved, approvedOn: '2026-11-20' }, ['approval date']],
    ['retired, with its title', { ...saved, title: 'Old policy', retired: true }, ['title', 'retired']],
  ])('%s', (_case, input, parts) => {
    expect(changedParts(before, apply(before, input) as typeof before)).toEqual(parts);
  });
});

describe('the policy register', () => {
  it.each([
    ['Social Media Policy', undefined, true],
    ['Twiss Green social media policy 2022', undefined, true],
    ['Online Safety Policy', undefined, false],
    ['Social Media Policy', '2026-01-01', false],
  ])('"%s" (retired on %s) is the policy this app puts into practice: %s', (title, retiredOn, expected) => {
    expect(isSocialMediaPolicy({ title, retiredOn })).toBe(expected);
  });

  it("a policy's approval date is its latest approval", () => {
    const approval = (approvedOn: string) => ({
      approvedOn,
      note: 'Entered in School settings',
      recordedById: '3',
      recordedByName: 'Adele Vance',
      recordedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(latestApproval({ approvals: [approval('2022-10-11'), approval('2024-09-20')] })?.approvedOn).toBe('2024-09-20');
    expect(latestApproval({ approvals: [approval('2020-10-11'), approval('2022-10-11'), approval('2024-09-20')] })?.approvedOn).toBe(
      '2024-09-20',
    );
    expect(latestApproval({ approvals: [] })).toBeUndefined();
  });
});

describe("the school's details", () => {
  it.each([
    [
      'a name and who to ask',
      { name: ' Twiss Green Community Primary ', contactForAccess: 'Mrs Hughes' },
      {
        ok: true,
        value: { name: 'Twiss Green Community Primary', contactForAccess: 'Mrs Hughes', filteringLead: '', filteringGovernor: '' },
      },
    ],
    ['no name', { name: '', contactForAccess: 'Mrs Hughes' }, { ok: false, errors: { name: 'School name is required.' } }],
    [
      'a name over 120 characters',
      { name: 'x'.repeat(121), contactForAccess: 'Mrs Hughes' },
      { ok: false, errors: { name: 'School name must be 120 characters or fewer.' } },
    ],
    ['nobody to ask', { name: 'Twiss Green' }, { ok: false, errors: { contactForAccess: 'Who staff should ask is required.' } }],
    [
      'who to ask over 120 characters',
      { name: 'Twiss Green', contactForAccess: 'x'.repeat(121) },
      { ok: false, errors: { contactForAccess: 'Who staff should ask must be 120 characters or fewer.' } },
    ],
    [
      'the filtering lead over 120 characters (KCSIE: a named senior leader)',
      { name: 'Twiss Green', contactForAccess: 'Mrs Hughes', filteringLead: 'x'.repeat(121) },
      { ok: false, errors: { filteringLead: 'Senior leader for filtering and monitoring must be 120 characters or fewer.' } },
    ],
    [
      'the filtering governor over 120 characters',
      { name: 'Twiss Green', contactForAccess: 'Mrs Hughes', filteringGovernor: 'x'.repeat(121) },
      { ok: false, errors: { filteringGovernor: 'Governor for filtering and monitoring must be 120 characters or fewer.' } },
    ],
  ])('%s', (_case, input, expected) => {
    expect(readForm(schoolInputSchema, input)).toEqual(expected);
  });

  it('until the school enters its own, cards speak of "your school" and "your online safety lead"', () => {
    expect(UNNAMED_SCHOOL).toEqual({ name: 'your school', contactForAccess: 'your online safety lead' });
  });
});

describe('a form that is not an object', () => {
  it.each([
    ['nothing', null],
    ['a list', [valid]],
    ['text', 'Social Media Policy'],
  ])('%s: every required field is named', (_case, raw) => {
    expect(readForm(schoolInputSchema, raw)).toEqual({
      ok: false,
      errors: { name: 'School name is required.', contactForAccess: 'Who staff should ask is required.' },
    });
  });
});
