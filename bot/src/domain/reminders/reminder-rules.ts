import { workingDaysBetween, isWorkingDay, type SchoolCalendar } from '../calendar/school-calendar';
import type { IsoDate } from '../calendar/dates';

/** A request waiting on someone for more than this many working days gets them a nudge (unless its definition says otherwise). */
export const NUDGE_AFTER_WORKING_DAYS = 2;

/**
 * Whether something waiting since `since` earns its holder a nudge today: only on working days,
 * after more than `after` working days, then every `after` working days while it still waits (s.4:
 * a takedown task is reminded until it is closed).
 */
export function waitingNudge(
  calendar: SchoolCalendar,
  since: IsoDate,
  today: IsoDate,
  after = NUDGE_AFTER_WORKING_DAYS,
): { workingDays: number; period: string } | undefined {
  if (!isWorkingDay(calendar, today)) return undefined;
  const workingDays = workingDaysBetween(calendar, since, today);
  if (workingDays <= after) return undefined;
  return { workingDays, period: `wait-${since}-${Math.floor((workingDays - after - 1) / Math.max(after, 1))}` };
}

/**
 * Whether something still waiting should now be taken to someone above the person who must act:
 * once, on the first working day after more than `after` and then `more` working days.
 */
export function escalationDue(
  calendar: SchoolCalendar,
  since: IsoDate,
  today: IsoDate,
  after: number,
  more: number,
): { workingDays: number; period: string } | undefined {
  if (!isWorkingDay(calendar, today)) return undefined;
  const workingDays = workingDaysBetween(calendar, since, today);
  return workingDays > after + more ? { workingDays, period: `escalate-${since}` } : undefined;
}

/**
 * The idempotency key of one message: the person, why they are told, and the period it is for.
 * Stored before the message is sent, it is what makes a re-run send nothing twice.
 */
export function reminderKey(personId: string, reason: string, period: string): string {
  return `${reason}|${period}|${personId}`;
}

/**
 * Outbox entries not updated for this long move to the archive. Longer than any reminder keeps
 * its idempotency key in use (a key's period is a week, a due date, a review's offset or a wait
 * of two working days; a concern's notice is tried only while nobody has been told): so an
 * archived entry can never be planned again and sent twice.
 */
export const OUTBOX_KEPT_DAYS = 90;
