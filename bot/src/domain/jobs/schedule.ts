import { addDays, weekday, type IsoDate } from '../calendar/dates';
import { localDate, zonedInstant } from '../calendar/zoned-time';

/** How often a concern nobody who may see it has been told of is tried again (the concern-notices job), and timescales checked. */
export const CONCERN_NOTICE_MINUTES = 15;

/**
 * When a job runs: at a local school time on weekdays (Monday to Friday), once a week on one day,
 * or every few minutes, day and night (a concern nobody has been told of cannot wait for morning).
 */
export type Schedule =
  | {
      job: string;
      /** Every day, `weekdays`, or a day of the week (1 = Monday … 5 = Friday). */
      on: 'daily' | 'weekdays' | 1 | 2 | 3 | 4 | 5;
      /** `HH:MM`, Europe/London. */
      at: string;
    }
  | { job: string; everyMinutes: number };

/**
 * A slot is one run of a job: the school day (`2026-11-23`) for a job that runs at a time of day,
 * the quarter-hour in UTC (`2026-11-23T07:45Z`) for one that runs every few minutes. A job runs
 * once per slot, however many instances serve the app; slots of one job sort in time order.
 */
export type Slot = string;

/** The first run strictly after `after`, in UTC, whatever the clocks did in between. */
export function nextRun(schedule: Schedule, after: Date): Date {
  if ('everyMinutes' in schedule) {
    const step = schedule.everyMinutes * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const start = localDate(after);
  for (let day = 0; day <= 8; day++) {
    const date = addDays(start, day);
    const at = zonedInstant(date, schedule.at);
    if (runsOn(schedule, date) && at.getTime() > after.getTime()) return at;
  }
  throw new Error(`No run found for ${schedule.job} within a week`);
}

/**
 * Today's slot if its time has come (the latest quarter-hour for a frequent job); undefined on a
 * day the job does not run or before its time. Only today's: a day missed altogether is not run
 * the next day, whose own run covers it.
 */
export function dueSlot(schedule: Schedule, now: Date): Slot | undefined {
  if ('everyMinutes' in schedule) return minuteSlot(schedule.everyMinutes, now);
  const today = localDate(now);
  return runsOn(schedule, today) && zonedInstant(today, schedule.at).getTime() <= now.getTime() ? today : undefined;
}

/** The slot a run started by hand or by a cloud timer belongs to: today, or the current quarter-hour. */
export function slotNow(schedule: Schedule, now: Date): Slot {
  return 'everyMinutes' in schedule ? minuteSlot(schedule.everyMinutes, now) : localDate(now);
}

/** The job's last `count` slots whose time has come, the latest first. */
export function recentSlots(schedule: Schedule, now: Date, count: number): Slot[] {
  const slots: Slot[] = [];
  if ('everyMinutes' in schedule) {
    const step = schedule.everyMinutes * 60_000;
    for (let i = 0; i < count; i++) slots.push(minuteSlot(schedule.everyMinutes, new Date(now.getTime() - i * step)));
    return slots;
  }
  for (let date = localDate(now); slots.length < count; date = addDays(date, -1)) {
    if (runsOn(schedule, date) && zonedInstant(date, schedule.at).getTime() <= now.getTime()) slots.push(date);
  }
  return slots;
}

/**
 * How long an instance holds a slot it started before another may take it over (an instance that
 * stops mid-job never says it finished). Longer than any run takes; the outbox keeps a message
 * from being sent twice even if two runs meet.
 */
export function leaseMinutes(schedule: Schedule): number {
  return 'everyMinutes' in schedule ? 10 : 30;
}

/**
 * Daily jobs run on weekdays at the school time; the digest on Monday. Monthly work is daily with a
 * monthly idempotency key. Concerns nobody has been told of are tried again, and the incident log's
 * timescales checked, every quarter of an hour.
 */
export function schoolSchedules(at: string): Schedule[] {
  return [
    { job: 'training-reminders', on: 'weekdays', at },
    { job: 'policy-reviews', on: 'weekdays', at },
    { job: 'policy-reads', on: 'weekdays', at },
    { job: 'waiting-nudges', on: 'weekdays', at },
    { job: 'retention-review', on: 'weekdays', at },
    { job: 'takedowns', on: 'weekdays', at },
    { job: 'training-digest', on: 1, at },
    { job: 'outbox-archive', on: 1, at },
    // Data minimisation does not wait for Monday: files past their keeping period go every day.
    { job: 'media-cleanup', on: 'daily', at },
    { job: 'concern-notices', everyMinutes: CONCERN_NOTICE_MINUTES },
    { job: 'incident-timescales', everyMinutes: CONCERN_NOTICE_MINUTES },
  ];
}

function runsOn(schedule: Extract<Schedule, { on: unknown }>, date: IsoDate): boolean {
  const day = weekday(date);
  return schedule.on === 'daily' || (schedule.on === 'weekdays' ? day >= 1 && day <= 5 : day === schedule.on);
}

function minuteSlot(everyMinutes: number, now: Date): Slot {
  const step = everyMinutes * 60_000;
  return `${new Date(Math.floor(now.getTime() / step) * step).toISOString().slice(0, 16)}Z`;
}
