/** Standing training requirements as the online safety lead or the headteacher enter them (s.11): who, how often, the grace period. */
import {
  newRequirementId,
  requirementFrom,
  requirementInputSchema,
  type RequirementInput,
} from '../../../../bot/src/domain/training/requirement-input';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';

const read = (raw: unknown) => readForm(requirementInputSchema, raw);
const staff = {
  title: 'Online safety training',
  audience: 'staff',
  roles: ['staff'],
  frequency: 'inductionThenEvery',
  months: 12,
  graceDays: 30,
  policy: 's.2, s.11',
};

describe('what a requirement needs', () => {
  it.each([
    ['people with no roles named', { ...staff, roles: [] }, { roles: 'Choose the roles it is for.' }],
    [
      'a yearly requirement with no months',
      { ...staff, frequency: 'every', months: undefined },
      { months: 'Give how many months between trainings.' },
    ],
    [
      'induction for pupils (they do not start as staff do)',
      { title: 'Lessons', audience: 'pupils', frequency: 'inductionThenEvery', months: 12, graceDays: 30 },
      { frequency: 'Induction is for people who start at the school: choose staff (by role).' },
    ],
    ['induction with no grace period', { ...staff, graceDays: undefined }, { graceDays: 'Give how many days a new starter has.' }],
    ['a negative grace period', { ...staff, graceDays: -1 }, { graceDays: 'Not negative.' }],
    ['an unknown frequency', { ...staff, frequency: 'fortnightly' }, { frequency: 'Choose how often.' }],
    [
      'an id that would pass for a refresher',
      { ...staff, requirementId: 'refresher-7' },
      { requirementId: 'Use lower-case letters, digits and dashes (not starting with "refresher-").' },
    ],
    [
      'an id in capitals',
      { ...staff, requirementId: 'Online-Safety' },
      { requirementId: 'Use lower-case letters, digits and dashes (not starting with "refresher-").' },
    ],
    [
      'an id of 61 characters',
      { ...staff, requirementId: 'a'.repeat(61) },
      { requirementId: 'Use lower-case letters, digits and dashes (not starting with "refresher-").' },
    ],
    ['no title', { ...staff, title: ' ' }, { title: 'Title is required.' }],
    ['a title over 120 characters', { ...staff, title: 'x'.repeat(121) }, { title: 'Title must be 120 characters or fewer.' }],
    ['nobody it is for', { ...staff, audience: 'visitors' }, { audience: 'Choose who it is for.' }],
    ['months in part', { ...staff, months: 1.5 }, { months: 'Give whole months.' }],
    ['no months', { ...staff, months: 0 }, { months: 'At least 1 month.' }],
    ['more than five years', { ...staff, months: 61 }, { months: 'At most 60 months.' }],
    ['days in part', { ...staff, graceDays: 0.5 }, { graceDays: 'Give whole days.' }],
    ['a grace period over a year', { ...staff, graceDays: 366 }, { graceDays: 'At most 365 days.' }],
    [
      'policy sections over 40 characters',
      { ...staff, policy: 'x'.repeat(41) },
      { policy: 'Policy sections must be 40 characters or fewer.' },
    ],
  ])('refuses %s', (_case, input, errors) => {
    expect(read(input)).toEqual({ ok: false, errors });
  });

  it.each([
    ['an id of its own', { ...staff, requirementId: 'online-safety-2027' }],
    ['an id of 60 characters', { ...staff, requirementId: 'a'.repeat(60) }],
    ['a grace period of none, and of a year, with five years between', { ...staff, graceDays: 0, months: 60 }],
    ['a grace period of a year, every month', { ...staff, graceDays: 365, months: 1 }],
  ])('takes %s', (_case, input) => {
    expect(read(input)).toMatchObject({ ok: true });
  });

  it('is not retired unless the form says so', () => {
    expect(read(staff)).toMatchObject({ ok: true, value: { retired: false } });
    expect(read({ ...staff, retired: true })).toMatchObject({ ok: true, value: { retired: true } });
  });

  it.each([
    [
      'staff: at induction (30 days), then every year',
      staff,
      { audience: 'staff', roles: ['staff'], rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 } },
    ],
    [
      'governors: every year (s.2)',
      { title: 'Governors', audience: 'staff', roles: ['governor', 'chairOfGovernors'], frequency: 'every', months: 12 },
      { roles: ['governor', 'chairOfGovernors'], rule: { kind: 'every', months: 12 } },
    ],
    // Roles are for staff requirements: one for pupils keeps none, whatever the form sent.
    [
      'pupils: every term',
      { title: 'Lessons', audience: 'pupils', roles: ['staff'], frequency: 'termly' },
      { audience: 'pupils', roles: undefined, rule: { kind: 'termly' } },
    ],
  ])('stores %s', (_case, input, expected) => {
    const parsed = read(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const record = requirementFrom(parsed.value as RequirementInput, 'some-id');
    const { roles, ...rest } = expected as { roles?: string[] };
    expect(record).toMatchObject({ requirementId: 'some-id', retired: false, ...rest });
    expect(record.roles).toEqual(roles);
  });
});

describe("a new requirement's id, made from its title", () => {
  it.each([
    ['Online safety for governors', [], 'online-safety-for-governors'],
    ['Online safety for governors', ['online-safety-for-governors'], 'online-safety-for-governors-2'],
    ['Refresher: sharing images', [], 'training-sharing-images'],
    ['✓✓✓', [], 'training'],
    ['  -- Online safety! --  ', [], 'online-safety'],
    ['Refresher', [], 'training'],
    ['Refreshers for parents', [], 'refreshers-for-parents'],
    ['Online safety refresher', [], 'online-safety-refresher'],
    ['Online safety', ['online-safety', 'online-safety-2'], 'online-safety-3'],
    ['x'.repeat(70), [], 'x'.repeat(50)],
  ] as [string, string[], string][])('%s (taken: %j) → %s', (title, taken, id) => {
    expect(newRequirementId(title, new Set(taken))).toBe(id);
  });
});
