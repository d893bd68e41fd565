import type { IsoDate } from '../calendar/dates';
import type { Audience } from './training-requirement';

/**
 * A completion (s.11): who, what, when, the evidence, and who recorded it. A staff member's own
 * claim waits for the online safety lead to confirm it; only confirmed records count.
 * For parents, the record is the year's invitation, with who attended.
 */
export interface TrainingRecord {
  id: string;
  requirementId: string;
  audience: Audience;
  /** A person's id (staff), a class name (pupils), or `parents`. */
  subjectId: string;
  subjectName: string;
  completedOn: IsoDate;
  /** A certificate link or a note. */
  evidence: string;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
  status: 'confirmed' | 'awaitingConfirmation' | 'rejected';
  confirmedById?: string;
  confirmedByName?: string;
  /** Why it was not confirmed: the person it is about is told. */
  notConfirmedBecause?: string;
  /** Parents' sessions: the names of those who attended. */
  attendees?: string[];
  /** Records made together for one session share this. */
  sessionId?: string;
}

export const PARENTS_SUBJECT = 'parents';

/** How people refer to a training record: "TR-5". */
export function trainingReference(id: string): string {
  return `TR-${id}`;
}

/** The latest confirmed completion of a requirement for a subject. */
export function lastCompleted(records: readonly TrainingRecord[], requirementId: string, subjectId: string): IsoDate | undefined {
  return records
    .filter((record) => record.status === 'confirmed' && record.requirementId === requirementId && record.subjectId === subjectId)
    .map((record) => record.completedOn)
    .sort()
    .pop();
}
