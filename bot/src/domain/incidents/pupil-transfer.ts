/**
 * Sending a pupil's safeguarding file to their next school when they leave (policy s.2: the DSL
 * keeps the log). Keeping Children Safe in Education: the DSL makes sure the child protection file
 * is transferred to the new school as soon as possible — within 5 days for an in-year transfer, or
 * within the first 5 days of the start of a new term — securely, separately from the main pupil
 * file, and confirmation of receipt is obtained. The sending school keeps a record of what it sent,
 * when and to whom.
 */
import { isIsoDate, type IsoDate } from '../calendar/dates';
import type { Pupil } from '../school/pupil';
import type { IncidentLink } from './incident-people';

/** How the file went: the ways schools are told to use (never ordinary post, never a parent as courier). */
export const TRANSFER_METHODS = ['secureEmail', 'cpoms', 'myConcern', 'byHand', 'recordedDelivery'] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

/** The file was sent on: when, to whom, how, and who recorded it. */
export interface TransferSent {
  /** YYYY-MM-DD, the school's date it was sent. */
  on: IsoDate;
  toSchool: string;
  toDsl: string;
  how: TransferMethod;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
}

/**
 * The DSL's task for one pupil who has left and is linked to at least one incident: one per pupil
 * (a second is refused by the store), open until the transfer is recorded. Holds no name: the
 * pupil is read from the roster.
 */
export interface PupilTransfer {
  id: string;
  pupilId: string;
  status: 'toSend' | 'sent';
  /** The day the pupil left, as the pupil import said. */
  leftOn: IsoDate;
  createdAt: string;
  sent?: TransferSent;
  updatedAt: string;
}

/** The DSL is reminded when the file has waited more than this many working days, and as often again (KCSIE: within 5 days). */
export const TRANSFER_NUDGE_AFTER_WORKING_DAYS = 3;

export const TRANSFER_LIMITS = { school: 200, dsl: 200 } as const;

/**
 * Whether a pupil needs a transfer task: they have left — the pupil import marked them (it sets
 * the day it ran as their last) or their last day has come — and they are linked, as a pupil, to
 * at least one incident. An unlinked link does not count.
 */
export function needsTransfer(
  pupil: Pick<Pupil, 'onRollTo'>,
  links: readonly Pick<IncidentLink, 'kind' | 'linked'>[],
  today: IsoDate,
): boolean {
  return pupil.onRollTo !== undefined && pupil.onRollTo.slice(0, 10) <= today && links.some((link) => link.kind === 'pupil' && link.linked);
}

export interface TransferInput {
  on: string;
  toSchool: string;
  toDsl: string;
  how: string;
}

export type TransferField = keyof TransferInput;

/**
 * What is wrong with a transfer as recorded, by field: a real date that is not in the future (it
 * may be before the pupil's last day: KCSIE asks DSLs to consider sharing in advance), the
 * receiving school and its DSL named, and how it went.
 */
export function transferProblems(input: TransferInput, today: IsoDate): Partial<Record<TransferField, string>> {
  const problems: Partial<Record<TransferField, string>> = {};
  if (!isIsoDate(input.on)) problems.on = 'Give the date it was sent, as a date (for example 2026-11-24).';
  else if (input.on > today) problems.on = 'The date it was sent cannot be in the future.';
  const school = input.toSchool.trim();
  if (!school) problems.toSchool = 'Name the school it was sent to.';
  else if (school.length > TRANSFER_LIMITS.school) problems.toSchool = `The school's name is at most ${TRANSFER_LIMITS.school} characters.`;
  const dsl = input.toDsl.trim();
  if (!dsl) problems.toDsl = "Name the receiving school's DSL it was sent to.";
  else if (dsl.length > TRANSFER_LIMITS.dsl) problems.toDsl = `The DSL's name is at most ${TRANSFER_LIMITS.dsl} characters.`;
  if (!(TRANSFER_METHODS as readonly string[]).includes(input.how)) problems.how = 'Choose how it was sent.';
  return problems;
}
