import { workingDaysBetween, isWorkingDay, type SchoolCalendar } from '../calendar/school-calendar';
import type { IsoDate } from '../calendar/dates';

/** A request waiting on someone for more than this many working days gets them a nudge. */
export const NUDGE_AFTER_WORKING_DAYS = 2;

/**
 * Whether something waiting since `since` earns its holder a nudge today: only on working days,
 * after more than two working days, then every two working days while it still waits (s.4: a
 * takedown task is reminded until it is closed).
 */
export function waitingNudge(calendar: SchoolCalendar, since: IsoDate, today: IsoDate): { workingDays: number; period: string } | undefined {
  if (!isWorkingDay(calendar, today)) return undefined;
  const workingDays = workingDaysBetween(calendar, since, today);
  if (workingDays <= NUDGE_AFTER_WORKING_DAYS) return undefined;
  return { workingDays, period: `wait-${since}-${Math.floor((workingDays - NUDGE_AFTER_WORKING_DAYS - 1) / 2)}` };
}

/**
 * The idempotency key of one message: the person, why they are told, and the period it is for.
 * Stored before the message is sent, it is what makes a re-run send nothing twice.
 */
export function reminderKey(personId: string, reason: string, period: string): string {
  return `${reason}|${period}|${personId}`;
}
