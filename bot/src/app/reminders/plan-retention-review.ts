import type { IsoDate } from '../../domain/calendar/dates';
import { reviewRetention } from '../review-retention';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/** The monthly retention review, to the headteacher: runs daily, sent once a month (the key's period is the month). */
export async function planRetentionReview(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const due = await reviewRetention(deps.stores, today, deps.consentMonthsAfterLeaving);
  if (due.length === 0) return [];
  const counts = new Map<string, number>();
  for (const item of due) counts.set(`${item.record} (review by the ${item.reviewedBy})`, (counts.get(`${item.record} (review by the ${item.reviewedBy})`) ?? 0) + 1);
  const lines = [`${due.length} record(s) have passed their keeping period and are due for review. Nothing has been deleted.`, ...[...counts].map(([what, n]) => `${n} × ${what}`), 'The full list: `npm run job -- retention-review` on the server.'];
  return (await deps.directory.holdersOf('headteacher')).map((person) => ({
    person,
    reason: 'retention-review',
    period: today.slice(0, 7),
    message: { title: 'Monthly retention review', lines, tone: 'accent', act: { label: 'Open Online Safety Desk', tabView: 'requests' } },
  }));
}
