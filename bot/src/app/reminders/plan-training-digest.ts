import { addDays, isoWeek, longDate, type IsoDate } from '../../domain/calendar/dates';
import type { OutboxEntry, OutboxStatus } from '../../ports/outbox.port';
import { readAll } from '../read-all';
import { trainingCompliance } from '../training/training-compliance';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

const UNREACHABLE: Record<Exclude<OutboxStatus, 'pending' | 'sending' | 'sent'>, string> = {
  notInstalled: 'has not opened Online Safety Desk in Teams',
  blocked: 'has blocked or removed the app in Teams',
  failed: 'could not be reached (Teams kept refusing)',
  uncertain: 'may not have received a reminder (the app stopped while sending it)',
};

/** The weekly digest for the online safety lead: who is overdue, what waits for confirmation, and who reminders could not reach. */
export async function planTrainingDigest(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const rows = await trainingCompliance(deps, today, deps.calendar);
  const overdue = rows.filter((row) => row.status === 'overdue');
  const awaiting = (await deps.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 200 })).items.length;
  const since = addDays(today, -7);
  const missed = new Map<string, string>();
  for (const status of Object.keys(UNREACHABLE) as (keyof typeof UNREACHABLE)[]) {
    const entries: OutboxEntry[] = await readAll((cursor) => deps.stores.outbox.find({ where: { status }, limit: 500, ...(cursor ? { cursor } : {}) }));
    for (const entry of entries.filter((e) => e.updatedAt.slice(0, 10) >= since)) missed.set(entry.personId, `${entry.personName} ${UNREACHABLE[status]}.`);
  }
  const lines = [
    overdue.length === 0 ? 'Nobody is overdue for online safety training.' : `${overdue.length} overdue:`,
    ...overdue.map((row) => `${row.subjectName} (${row.group}): ${row.requirementTitle}, due ${longDate(row.due ?? today)}.`),
    ...(awaiting > 0 ? [`${awaiting} completion(s) logged by staff are waiting for you to confirm.`] : []),
    ...(missed.size > 0 ? ['Reminders could not reach:', ...missed.values(), 'The app package can be installed for them by the Teams admin (proactive install), or tell them yourself.'] : []),
  ];
  return (await deps.directory.holdersOf('onlineSafetyLead')).map((person) => ({
    person,
    reason: 'training-digest',
    period: isoWeek(today),
    message: { title: 'Online safety training: this week', lines, tone: overdue.length > 0 ? 'warning' : 'accent', act: { label: 'Open Training', tabView: 'training' } },
  }));
}
