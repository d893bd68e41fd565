/** Social Media Policy s.11: only confirmed training counts, and the latest completion is what a due date counts from. */
import { lastCompleted, type TrainingRecord } from '../../../../bot/src/domain/training/training-record';
import { refresherRequirement, TRAINING_REQUIREMENTS } from '../../../../bot/src/domain/training/training-requirement';

const record = (completedOn: string, changes: Partial<TrainingRecord> = {}): TrainingRecord => ({
  id: completedOn, requirementId: 'staff-online-safety', audience: 'staff', subjectId: 'p7', subjectName: 'Alex Wilber', completedOn, evidence: 'Certificate',
  recordedById: 'osl', recordedByName: 'Megan Bowen', recordedAt: `${completedOn}T16:00:00Z`, status: 'confirmed', ...changes,
});

describe('the latest confirmed completion (s.11)', () => {
  it.each<[string, TrainingRecord[], string | undefined]>([
    ['the latest of several, whatever order they were recorded in', [record('2025-09-10'), record('2026-09-08'), record('2024-09-12')], '2026-09-08'],
    ['a claim still waiting for the online safety lead does not count', [record('2025-09-10'), record('2026-09-08', { status: 'awaitingConfirmation' })], '2025-09-10'],
    ['a rejected claim does not count', [record('2026-09-08', { status: 'rejected' })], undefined],
    ["someone else's training does not count", [record('2026-09-08', { subjectId: 'p8' })], undefined],
    ['another requirement does not count', [record('2026-09-08', { requirementId: 'refresher-1' })], undefined],
    ['nothing recorded', [], undefined],
  ])('%s', (_case, records, expected) => {
    expect(lastCompleted(records, 'staff-online-safety', 'p7')).toBe(expected);
  });
});

describe('the requirements, as the policy sets them (s.11)', () => {
  it('staff at induction (within 30 days) then yearly; pupils each term; parents invited yearly', () => {
    expect(TRAINING_REQUIREMENTS.map(({ id, audience, rule, policy }) => ({ id, audience, rule, policy }))).toEqual([
      { id: 'staff-online-safety', audience: 'staff', rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 }, policy: 's.2, s.11' },
      { id: 'pupil-online-safety', audience: 'pupils', rule: { kind: 'termly' }, policy: 's.11' },
      { id: 'parent-online-safety', audience: 'parents', rule: { kind: 'every', months: 12 }, policy: 's.11' },
    ]);
    for (const requirement of TRAINING_REQUIREMENTS) expect(requirement.title).not.toBe('');
  });

  it('a refresher the DSL requires is due by the date set, for its audience', () => {
    const refresher = { id: '3', title: 'Refresher: sharing images', audience: 'pupils' as const, group: '6A', dueOn: '2026-12-11', requiredOn: '2026-11-24', requiredById: 'dsl', requiredByName: 'Patti Fernandez' };
    expect(refresherRequirement(refresher)).toEqual({ id: 'refresher-3', title: 'Refresher: sharing images', audience: 'pupils', rule: { kind: 'by', dueOn: '2026-12-11' }, policy: 's.11 (refresher)' });
  });
});
