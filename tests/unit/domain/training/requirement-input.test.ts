/** Standing training requirements as the online safety lead or the headteacher enter them (s.11): who, how often, the grace period. */
import { newRequirementId, requirementFrom, requirementInputSchema, type RequirementInput } from '../../../../bot/src/domain/training/requirement-input';
import { readForm } from '../../../../bot/src/domain/validation/field-errors';

const read = (raw: unknown) => readForm(requirementInputSchema, raw);
const staff = { title: 'Online safety training', audience: 'staff', roles: ['staff'], frequency: 'inductionThenEvery', months: 12, graceDays: 30, policy: 's.2, s.11' };

describe('what a requirement needs', () => {
  it.each([
    ['people with no roles named', { ...staff, roles: [] }, { roles: 'Choose the roles it is for.' }],
    ['a yearly requirement with no months', { ...staff, frequency: 'every', months: undefined }, { months: 'Give how many months between trainings.' }],
    ['induction for pupils (they do not start as staff do)', { title: 'Lessons', audience: 'pupils', frequency: 'inductionThenEvery', months: 12, graceDays: 30 }, { frequency: 'Induction is for people who start at the school: choose staff (by role).' }],
    ['induction with no grace period', { ...staff, graceDays: undefined }, { graceDays: 'Give how many days a new starter has.' }],
    ['a negative grace period', { ...staff, graceDays: -1 }, { graceDays: 'Not negative.' }],
    ['an unknown frequency', { ...staff, frequency: 'fortnightly' }, { frequency: 'Choose how often.' }],
    ['an id that would pass for a refresher', { ...staff, requirementId: 'refresher-7' }, { requirementId: expect.stringContaining('not starting with "refresher-"') }],
  ])('refuses %s', (_case, input, errors) => {
    expect(read(input)).toEqual({ ok: false, errors });
  });

  it.each([
    ['staff: at induction (30 days), then every year', staff, { audience: 'staff', roles: ['staff'], rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 } }],
    ['governors: every year (s.2)', { title: 'Governors', audience: 'staff', roles: ['governor', 'chairOfGovernors'], frequency: 'every', months: 12 }, { roles: ['governor', 'chairOfGovernors'], rule: { kind: 'every', months: 12 } }],
    ['pupils: every term', { title: 'Lessons', audience: 'pupils', roles: ['staff'], frequency: 'termly' }, { audience: 'pupils', rule: { kind: 'termly' } }],
  ])('stores %s', (_case, input, expected) => {
    const parsed = read(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const record = requirementFrom(parsed.value as RequirementInput, 'some-id');
    expect(record).toMatchObject({ requirementId: 'some-id', retired: false, ...expected });
    if (record.audience !== 'staff') expect(record.roles).toBeUndefined();
  });
});

describe("a new requirement's id, made from its title", () => {
  it.each([
    ['Online safety for governors', [], 'online-safety-for-governors'],
    ['Online safety for governors', ['online-safety-for-governors'], 'online-safety-for-governors-2'],
    ['Refresher: sharing images', [], 'training-sharing-images'],
    ['✓✓✓', [], 'training'],
  ] as [string, string[], string][])('%s (taken: %j) → %s', (title, taken, id) => {
    expect(newRequirementId(title, new Set(taken))).toBe(id);
  });
});
