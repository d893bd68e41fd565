import type { IsoDate } from '../../domain/calendar/dates';
import { canSeeIncident } from '../../domain/incidents/incident-visibility';
import { holds, type Person } from '../../domain/people/person';
import { reviewRetention, type DueForReview } from '../review-retention';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/**
 * The monthly retention review: runs daily, sent once a month (the key's period is the month). The
 * headteacher hears of every record due; the DSL of the incidents, which they review. Each person
 * counts only what they may see: an incident about the headteacher is never counted for the
 * headteacher, whatever other role they hold.
 */
export async function planRetentionReview(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const due = await reviewRetention(deps.stores, today, deps.consentMonthsAfterLeaving);
  if (due.length === 0) return [];
  const recipients = unique([...(await deps.directory.holdersOf('headteacher')), ...(await deps.directory.holdersOf('dsl'))]);
  return recipients.flatMap((person) => {
    const theirs = due.filter((item) => mayBeToldOf(person, item));
    if (theirs.length === 0) return [];
    return [
      {
        person,
        reason: 'retention-review',
        period: today.slice(0, 7),
        message: {
          title: 'Monthly retention review',
          lines: summary(theirs),
          tone: 'accent' as const,
          act: { label: 'Open Online Safety Desk', tabView: 'requests' },
        },
      },
    ];
  });
}

function mayBeToldOf(person: Person, item: DueForReview): boolean {
  if (item.record === 'transferRecord') return holds(person, 'dsl');
  return item.seenBy ? canSeeIncident(person, item.seenBy) : holds(person, 'headteacher');
}

function summary(due: DueForReview[]): string[] {
  const counts = new Map<string, number>();
  for (const item of due) {
    const what = `${item.record} (review by the ${item.reviewedBy})`;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return [
    `${due.length} record(s) have passed their keeping period and are due for review. Nothing has been deleted.`,
    ...[...counts].map(([what, n]) => `${n} × ${what}`),
  ];
}

function unique(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.id) && seen.add(person.id));
}
