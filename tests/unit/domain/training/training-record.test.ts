/** Social Media Policy s.11: only confirmed training counts, and the latest completion is what a due date counts from. */
import { lastCompleted, PARENTS_SUBJECT, type TrainingRecord } from '../../../../bot/src/domain/training/training-record';

const record = (completedOn: string, changes: Partial<TrainingRecord> = {}): TrainingRecord => ({
  id: completedOn,
  requirementId: 'staff-online-safety',
  audience: 'staff',
  subjectId: 'p7',
  subjectName: 'Alex Wilber',
  completedOn,
  evidence: 'Certificate',
  recordedById: 'osl',
  recordedByName: 'Megan Bowen',
  recordedAt: `${completedOn}T16:00:00Z`,
  status: 'confirmed',
  ...changes,
});

describe("parents' training (s.11)", () => {
  it("is recorded under the one subject 'parents', as records already stored are", () => {
    expect(PARENTS_SUBJECT).toBe('parents');
  });
});

describe('the latest confirmed completion (s.11)', () => {
  it.each<[string, TrainingRecord[], string | undefined]>([
    [
      'the latest of several, whatever order they were recorded in',
      [record('2025-09-10'), record('2026-09-08'), record('2024-09-12')],
      '2026-09-08',
    ],
    [
      'a claim still waiting for the online safety lead does not count',
      [record('2025-09-10'), record('2026-09-08', { status: 'awaitingConfirmation' })],
      '2025-09-10',
    ],
    ['a rejected claim does not count', [record('2026-09-08', { status: 'rejected' })], undefined],
    ["someone else's training does not count", [record('2026-09-08', { subjectId: 'p8' })], undefined],
    ['another requirement does not count', [record('2026-09-08', { requirementId: 'refresher-1' })], undefined],
    ['nothing recorded', [], undefined],
  ])('%s', (_case, records, expected) => {
    expect(lastCompleted(records, 'staff-online-safety', 'p7')).toBe(expected);
  });
});
