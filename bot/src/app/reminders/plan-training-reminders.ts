import { isoWeek, longDate, type IsoDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import { readTrainingSetup } from '../training/training-setup';
import { trainingCompliance, type ComplianceRow } from '../training/training-compliance';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';
import { actFor } from './opens-for';

const OPEN_TRAINING = { label: 'Open Training', tabView: 'training' };

/**
 * A personal message to each staff member whose training is due within 30 days (once per due
 * date) or overdue (once a week until it is done).
 */
export async function planTrainingReminders(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const people = new Map((await deps.directory.everyone()).map((person) => [person.id, person]));
  const rows = await trainingCompliance(deps, today, await readTrainingSetup(deps.stores));
  return rows
    .filter((row) => row.audience === 'staff' && row.status !== 'upToDate' && people.has(row.subjectId))
    .map((row) => reminderFor(row, people.get(row.subjectId)!, today));
}

function reminderFor(row: ComplianceRow, person: Person, today: IsoDate): PlannedReminder {
  const due = row.due ?? today;
  const done = 'When you have done it, tell me "I\'ve done my online safety training" and the online safety lead will confirm it.';
  if (row.status === 'overdue') {
    return {
      person,
      reason: `training-overdue:${row.requirementId}`,
      period: isoWeek(today),
      message: {
        title: 'Your online safety training is overdue',
        lines: [`${row.requirementTitle} was due on ${longDate(due)} (Social Media Policy ${row.policy}).`, done],
        tone: 'attention',
        act: actFor(person, OPEN_TRAINING),
      },
    };
  }
  return {
    person,
    reason: `training-due:${row.requirementId}`,
    period: `due-${due}`,
    message: {
      title: 'Your online safety training is due soon',
      lines: [`${row.requirementTitle} is due by ${longDate(due)} (Social Media Policy ${row.policy}).`, done],
      tone: 'warning',
      act: actFor(person, OPEN_TRAINING),
    },
  };
}
