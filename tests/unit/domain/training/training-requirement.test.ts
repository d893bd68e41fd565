/** Social Media Policy s.11: training for staff, pupils and parents as data, and the refreshers the DSL requires. */
import { AUDIENCE_LABELS, refresherRequirement, TRAINING_REQUIREMENTS } from '../../../../bot/src/domain/training/training-requirement';

describe('the requirements, as the policy sets them (s.11)', () => {
  it('staff at induction (within 30 days) then yearly; pupils each term; parents invited yearly', () => {
    expect(TRAINING_REQUIREMENTS.map(({ id, audience, rule, policy }) => ({ id, audience, rule, policy }))).toEqual([
      { id: 'staff-online-safety', audience: 'staff', rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 }, policy: 's.2, s.11' },
      { id: 'pupil-online-safety', audience: 'pupils', rule: { kind: 'termly' }, policy: 's.11' },
      { id: 'parent-online-safety', audience: 'parents', rule: { kind: 'every', months: 12 }, policy: 's.11' },
    ]);
  });

  it('each requirement and audience has its own title', () => {
    const titles = TRAINING_REQUIREMENTS.map((requirement) => requirement.title);
    const audiences = (['staff', 'pupils', 'parents'] as const).map((audience) => AUDIENCE_LABELS[audience]);
    for (const shown of [titles, audiences]) {
      expect(shown.every((title) => title.trim() !== '')).toBe(true);
      expect(new Set(shown).size).toBe(3);
    }
  });

  it('a refresher the DSL requires is due by the date set, for its audience', () => {
    const refresher = { id: '3', title: 'Refresher: sharing images', audience: 'pupils' as const, group: '6A', dueOn: '2026-12-11', requiredOn: '2026-11-24', requiredById: 'dsl', requiredByName: 'Patti Fernandez' };
    expect(refresherRequirement(refresher)).toEqual({ id: 'refresher-3', title: 'Refresher: sharing images', audience: 'pupils', rule: { kind: 'by', dueOn: '2026-12-11' }, policy: 's.11 (refresher)' });
  });
});
