import type { IsoDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import { TRANSFER_NUDGE_AFTER_WORKING_DAYS } from '../../domain/incidents/pupil-transfer';
import { waitingNudge } from '../../domain/reminders/reminder-rules';
import type { ReminderMessage } from '../../ports/outbox.port';
import { ensureTransferTasks, whoSendsFileOf } from '../pupil-transfers';
import { readAll } from '../read-all';
import { readTermDates } from '../settings/term-dates';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/**
 * The DSL's task for each leaver whose safeguarding file is still to send: told once when the task
 * is made, then reminded after TRANSFER_NUDGE_AFTER_WORKING_DAYS working days (weekends and
 * holidays don't count) and as often again, until the transfer is recorded. First makes any task
 * an import missed. The notice names no pupil and no concern: the outbox and the logs hold it, so
 * it says only that a file waits, and where. Only people who may see one of the pupil's incidents are
 * told: a headteacher who is also the DSL is not told of a leaver linked only to a concern about them
 * (a deputy or the chair of governors is: `whoSendsFileOf`).
 */
export async function planTransferReminders(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  await ensureTransferTasks({ stores: deps.stores, clock: deps.fanOut.clock });
  const open = await readAll((cursor) =>
    deps.stores.pupilTransfers.find({ where: { status: 'toSend' }, limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  if (open.length === 0) return [];
  const { calendar } = await readTermDates(deps.stores);
  const holders = await Promise.all(WHO_SENDS_IT.map((role) => deps.directory.holdersOf(role)));
  const planned: PlannedReminder[] = [];
  for (const task of open) {
    const since = localDate(new Date(task.createdAt));
    const nudge = waitingNudge(calendar, since, today, TRANSFER_NUDGE_AFTER_WORKING_DAYS);
    for (const person of await whoSendsFileOf(deps, holders, task.pupilId)) {
      planned.push({ person, reason: `transfer:${task.id}`, period: 'new', message: notice('A safeguarding file to send on', []) });
      if (nudge)
        planned.push({
          person,
          reason: `nudge:transfer:${task.id}`,
          period: nudge.period,
          message: notice('A safeguarding file is still to send on', [`It has waited ${nudge.workingDays} working days.`]),
        });
    }
  }
  return planned;
}

/** Asked in this order who is to send a leaver's file on (`whoSendsFileOf`). */
const WHO_SENDS_IT = ['dsl', 'deputyDsl', 'chairOfGovernors'] as const;

function notice(title: string, more: string[]): ReminderMessage {
  return {
    title,
    lines: [
      "A pupil who has left is linked to at least one concern. Send their safeguarding file to their new school's DSL within 5 school days (Keeping Children Safe in Education), then record when, to whom and how it was sent.",
      'The file and the pupil are in the Incidents tab, under Pupils who have left.',
      ...more,
    ],
    tone: 'attention',
    act: { label: 'Open the Incidents tab', tabView: 'incidents' },
  };
}
