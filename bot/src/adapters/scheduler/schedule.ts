import { CONCERN_NOTICE_MINUTES } from '../../app/reminders/reminder-jobs';
import { addDays, weekday } from '../../domain/calendar/dates';
import { localDate, zonedInstant } from '../../domain/calendar/zoned-time';

/**
 * When a job runs: at a local school time on weekdays (Monday to Friday), once a week on one day,
 * or every few minutes, day and night (a concern nobody has been told of cannot wait for morning).
 */
export type Schedule =
  | {
      job: string;
      /** `weekdays`, or a day of the week (1 = Monday … 5 = Friday). */
      on: 'weekdays' | 1 | 2 | 3 | 4 | 5;
      /** `HH:MM`, Europe/London. */
      at: string;
    }
  | { job: string; everyMinutes: number };

/** The first run strictly after `after`, in UTC, whatever the clocks did in between. */
export function nextRun(schedule: Schedule, after: Date): Date {
  if ('everyMinutes' in schedule) {
    const step = schedule.everyMinutes * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const start = localDate(after);
  for (let day = 0; day <= 8; day++) {
    const date = addDays(start, day);
    const dayOfWeek = weekday(date);
    const runs = schedule.on === 'weekdays' ? dayOfWeek >= 1 && dayOfWeek <= 5 : dayOfWeek === schedule.on;
    if (!runs) continue;
    const at = zonedInstant(date, schedule.at);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error(`No run found for ${schedule.job} within a week`);
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
    { job: 'waiting-nudges', on: 'weekdays', at },
    { job: 'retention-review', on: 'weekdays', at },
    { job: 'takedowns', on: 'weekdays', at },
    { job: 'training-digest', on: 1, at },
    { job: 'concern-notices', everyMinutes: CONCERN_NOTICE_MINUTES },
    { job: 'incident-timescales', everyMinutes: CONCERN_NOTICE_MINUTES },
  ];
}
