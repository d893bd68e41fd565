import { daysBetween, type IsoDate } from '../../domain/calendar/dates';
import { actionStanding } from '../../domain/governance/filtering-review-record';
import { actionMessage, assignedNotice, ensureAllReviewTasks, openReviewTasks } from '../governance/filtering-review-record';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/** While an action is overdue, its assignee is reminded once in each such run of days. */
export const OVERDUE_EVERY_DAYS = 7;

/**
 * The actions agreed at the filtering and monitoring review, as tasks: first makes any task a
 * recording missed (and tells its assignee), then reminds each assignee on the action's due day,
 * and on the first run after it while it is still open, then every OVERDUE_EVERY_DAYS days, until
 * it is marked done. Each reminder once (its key and period), however often the job runs.
 */
export async function planReviewActions(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  await ensureAllReviewTasks({ stores: deps.stores, clock: deps.fanOut.clock });
  const planned: PlannedReminder[] = [];
  for (const task of await openReviewTasks(deps)) {
    planned.push(assignedNotice(task));
    const standing = actionStanding(task, today);
    const person = { id: task.assigneeId, displayName: task.assigneeName };
    if (standing === 'dueToday')
      planned.push({
        person,
        reason: `review-action-due:${task.id}`,
        period: task.due,
        message: actionMessage(task, 'An action from the filtering and monitoring review is due today', 'warning'),
      });
    if (standing === 'overdue')
      planned.push({
        person,
        reason: `review-action-overdue:${task.id}`,
        period: `overdue-${Math.floor((daysBetween(task.due, today) - 1) / OVERDUE_EVERY_DAYS)}`,
        message: actionMessage(task, 'An action from the filtering and monitoring review is overdue', 'attention'),
      });
  }
  return planned;
}
