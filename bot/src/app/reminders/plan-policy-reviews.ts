import { longDate, type IsoDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import { reviewReminder } from '../../domain/reviews/policy-review';
import { readAll } from '../read-all';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/** s.2 and s.12: the headteacher and online safety lead review the policy; the governing board reviews it too. */
const REVIEWERS: Role[] = ['headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'];

/** Reminders 90, 30 and 7 days before each managed policy's review date, then weekly while it is overdue. */
export async function planPolicyReviews(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const policies = await readAll((cursor) => deps.stores.policies.find({ where: { managedHere: true }, limit: 200, ...(cursor ? { cursor } : {}) }));
  const reviewers = new Map<string, Person>();
  for (const role of REVIEWERS) for (const person of await deps.directory.holdersOf(role)) reviewers.set(person.id, person);
  const planned: PlannedReminder[] = [];
  for (const policy of policies) {
    const reminder = reviewReminder(policy, today);
    if (!reminder) continue;
    const lines =
      reminder.kind === 'overdue'
        ? [`The review of the ${policy.title} was due on ${longDate(reminder.due)}, ${reminder.daysOverdue} days ago.`, 'When the review is done, record it on the Training tab: the next review date is set and all staff are told the policy changed (section 12).']
        : [`The ${policy.title} is due for review on ${longDate(reminder.due)}, in ${reminder.daysLeft} days.`, 'The headteacher reviews it with the online safety lead; the governing board reviews it too (sections 2 and 12).'];
    const title = reminder.kind === 'overdue' ? 'A policy review is overdue' : 'A policy review is coming up';
    for (const person of reviewers.values()) {
      planned.push({ person, reason: `policy-review:${policy.id}`, period: reminder.period, message: { title, lines, tone: reminder.kind === 'overdue' ? 'attention' : 'warning', act: { label: 'Open policy reviews', tabView: 'training' } } });
    }
  }
  return planned;
}
