/**
 * The go-live checklist's School settings items: the school's name, the Social Media Policy's
 * reviews in the register, term dates for the next twelve months, training requirements. Each
 * not-green item says what to do, on the School settings page.
 */
import { createSqliteStores } from '../../../../bot/src/adapters/sqlite/sqlite-stores';
import {
  checkPolicyRegister,
  checkSchool,
  checkTermDates,
  checkTrainingRequirements,
} from '../../../../bot/src/app/readiness/settings-checks';
import { DEMO_TERM_DATES } from '../../../../bot/src/app/demo-school';
import { toCalendar } from '../../../../bot/src/domain/calendar/term-date-entries';
import type { PolicyDocument, PolicyReview } from '../../../../bot/src/domain/school/policy-document';
import type { Stores } from '../../../../bot/src/ports/stores.port';
import { TERM_DATES } from '../../../fixtures/term-dates';

const TODAY = '2026-11-30';
const review = (id: string, nextReviewDue: string): PolicyReview => ({
  id,
  name: id === 'review-1' ? 'Headteacher with the online safety lead' : 'Governing board',
  reviewers: ['headteacher'],
  cycleMonths: 12,
  nextReviewDue,
});
const policy = (title: string, reviews: PolicyReview[], retiredOn?: string): Omit<PolicyDocument, 'id'> => ({
  title,
  owner: 'Headteacher',
  reviews,
  approvals: [],
  ...(retiredOn ? { retiredOn } : {}),
});

describe('the School settings items of the go-live checklist', () => {
  let stores: Stores;
  beforeEach(() => {
    stores = createSqliteStores(':memory:');
  });
  afterEach(() => stores.close());

  it("is red without the school's name, green with it", async () => {
    expect(await checkSchool(stores, TODAY)).toEqual({
      id: 'school',
      number: 7,
      title: "The school's name and contact",
      level: 'red',
      found: expect.stringContaining('cards say "your school"'),
      fix: "Enter the school's name and who staff should ask in School settings (the Online Safety Desk tab).",
    });
    await stores.school.insert({ name: 'Riverside Primary', contactForAccess: 'the school office' });
    expect(await checkSchool(stores, TODAY)).toEqual({
      id: 'school',
      number: 7,
      title: "The school's name and contact",
      level: 'green',
      found: 'Riverside Primary. People the app does not know are told to ask the school office.',
    });
  });

  it.each([
    ['an empty register', [], 'red', 'There is no Social Media Policy in the policy register'],
    ['only other policies', [policy('Behaviour Policy', [review('review-1', '2027-09-01')])], 'red', 'There is no Social Media Policy'],
    [
      'this policy retired',
      [policy('Social Media Policy', [review('review-1', '2027-09-01')], '2026-01-01')],
      'red',
      'There is no Social Media Policy',
    ],
    ['this policy with no reviews', [policy('Social Media Policy', [])], 'red', 'has no reviews'],
    [
      "the headteacher's review overdue",
      [policy('Social Media Policy', [review('review-1', '2024-09-01'), review('review-2', '2027-09-01')])],
      'red',
      'is overdue for review. Headteacher with the online safety lead: next review 1 September 2024; Governing board: next review 1 September 2027.',
    ],
    [
      "the board's review within 30 days",
      [policy('Social Media Policy', [review('review-1', '2028-09-01'), review('review-2', '2026-12-30')])],
      'amber',
      'due within 30 days',
    ],
    [
      'both reviews more than 30 days away',
      [policy('Social Media Policy 2026', [review('review-1', '2028-09-01'), review('review-2', '2027-01-01')])],
      'green',
      'Social Media Policy 2026. Headteacher with the online safety lead: next review 1 September 2028; Governing board: next review 1 January 2027.',
    ],
  ] as [string, Omit<PolicyDocument, 'id'>[], string, string][])(
    'the policy register with %s is %s',
    async (_case, policies, level, found) => {
      for (const entry of policies) await stores.policies.insert(entry);
      const item = await checkPolicyRegister(stores, TODAY);
      expect(item).toMatchObject({ id: 'policy-register', level, found: expect.stringContaining(found) });
      expect(Boolean(item.fix)).toBe(level !== 'green');
    },
  );

  it.each([
    ['no term dates', undefined, TODAY, 'red', 'No term dates have been entered, so every weekday counts as a working day'],
    ['dates ending next July', TERM_DATES, TODAY, 'amber', 'The term dates (2026-27) end on 21 July 2027, within twelve months.'],
    [
      'dates that ended before this school year',
      TERM_DATES,
      '2027-09-06',
      'red',
      'The term dates end on 21 July 2027; there are none for 2027-28',
    ],
    ["three years' dates", toCalendar(DEMO_TERM_DATES), TODAY, 'green', 'Term dates for 2026-27, 2027-28, to 21 July 2028.'],
  ] as const)('term dates: %s → %s', async (_case, calendar, today, level, found) => {
    if (calendar) await stores.termDates.insert(calendar);
    const item = await checkTermDates(stores, today);
    expect(item).toMatchObject({ id: 'term-dates', level, found: expect.stringContaining(found) });
    expect({ level, fix: item.fix }).toEqual({ level, fix: level === 'green' ? undefined : expect.stringMatching(/School settings/) });
  });

  it('is red with no training requirement in force, green with one', async () => {
    const requirement = {
      requirementId: 'staff-online-safety',
      title: 'Online safety training',
      audience: 'staff' as const,
      roles: ['staff' as const],
      rule: { kind: 'inductionThenEvery' as const, inductionDays: 30, months: 12 },
      policy: 's.11',
      retired: true,
    };
    await stores.trainingRequirements.insert(requirement);
    expect(await checkTrainingRequirements(stores, TODAY)).toMatchObject({ level: 'red', fix: expect.stringContaining('School settings') });
    await stores.trainingRequirements.insert({ ...requirement, requirementId: 'staff-2', retired: false });
    expect(await checkTrainingRequirements(stores, TODAY)).toEqual({
      id: 'training-requirements',
      number: 10,
      title: 'Training requirements',
      level: 'green',
      found: '1 in force: Online safety training.',
    });
  });
});
