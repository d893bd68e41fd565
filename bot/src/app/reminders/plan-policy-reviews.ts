import { longDate, type IsoDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import { reviewReminder } from '../../domain/reviews/policy-review';
import { readPolicies } from '../settings/policy-register';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';
import { actFor } from './opens-for';

/**
 * Each review of each policy in force has its own reminders, to its own reviewers, 90, 30 and 7
 * days before its date and then weekly while overdue: the headteacher and the online safety lead
 * for theirs (s.12), the governors for the board's (s.2).
 */
export async function planPolicyReviews(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const planned: PlannedReminder[] = [];
  const holders = new Map<string, Person[]>();
  for (const policy of (await readPolicies(deps.stores)).filter((candidate) => !candidate.retiredOn)) {
    for (const review of policy.reviews) {
      const reminder = reviewReminder(review, today);
      if (!reminder) continue;
      const lines =
        reminder.kind === 'overdue'
          ? [
              `The review of the ${policy.title} (${review.name}) was due on ${longDate(reminder.due)}, ${reminder.daysOverdue} days ago.`,
              'When the review is done, the headteacher records it on the Training tab: the next review date is set; a changed policy is published as a new version in the policy library, and staff are asked to read it (section 12).',
            ]
          : [
              `The ${policy.title} is due for review (${review.name}) on ${longDate(reminder.due)}, in ${reminder.daysLeft} days.`,
              `This review is every ${review.cycleMonths} months (sections 2 and 12).`,
            ];
      const title = reminder.kind === 'overdue' ? 'A policy review is overdue' : 'A policy review is coming up';
      const reviewers = new Map<string, Person>();
      for (const role of review.reviewers) {
        if (!holders.has(role)) holders.set(role, await deps.directory.holdersOf(role));
        for (const person of holders.get(role)!) reviewers.set(person.id, person);
      }
      for (const person of reviewers.values()) {
        planned.push({
          person,
          reason: `policy-review:${policy.id}:${review.id}`,
          period: reminder.period,
          message: {
            title,
            lines,
            tone: reminder.kind === 'overdue' ? 'attention' : 'warning',
            act: actFor(person, { label: 'Open policy reviews', tabView: 'training' }),
          },
        });
      }
    }
  }
  return planned;
}
