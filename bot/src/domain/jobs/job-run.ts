import type { Slot } from './schedule';

/**
 * One record per scheduled job, shared by every instance of the app: which slot it is on, who holds
 * it and until when, and how that slot ended. Created under the job's name (unique, so two
 * instances cannot both create it) and changed only by conditional updates, so of two instances
 * reaching for the same slot exactly one gets it.
 */
export interface JobRun {
  id: string;
  job: string;
  slot: Slot;
  /** The instance running (or that ran) the slot. */
  holder: string;
  startedAt: string;
  /** Until then nobody else takes the slot over; after it, a holder that stopped is replaced. */
  leaseUntil: string;
  finishedAt?: string;
  outcome?: 'done' | 'failed';
  /** The latest slot that finished done, and when: what the go-live checklist reports. */
  lastDoneSlot?: Slot;
  lastDoneAt?: string;
}

/**
 * What an instance may do about a slot, given the job's record:
 * - create: the job has never run anywhere;
 * - take: the record is about an earlier slot that ended, a run of this slot that failed, or a
 *   holder whose lease ran out (it stopped mid-job);
 * - done: this slot already finished, or the job has moved on to a later slot;
 * - held: another run is under way and its lease has not run out.
 */
export type LeaseDecision = 'create' | 'take' | 'done' | 'held';

export function leaseDecision(
  current: Pick<JobRun, 'slot' | 'finishedAt' | 'outcome' | 'leaseUntil' | 'lastDoneSlot'> | undefined,
  slot: Slot,
  now: Date,
): LeaseDecision {
  if (!current) return 'create';
  if (current.slot > slot || (current.lastDoneSlot !== undefined && current.lastDoneSlot >= slot)) return 'done';
  if (!current.finishedAt && Date.parse(current.leaseUntil) > now.getTime()) return 'held';
  return 'take';
}
