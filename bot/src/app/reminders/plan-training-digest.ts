import { addDays, isoWeek, longDate, type IsoDate } from '../../domain/calendar/dates';
import { zonedInstant } from '../../domain/calendar/zoned-time';
import type { OutboxEntry, OutboxStatus } from '../../ports/outbox.port';
import { decidersAmong, decisionChain } from '../../domain/authorization/deciders';
import type { Person } from '../../domain/people/person';
import { isAboutAConcern } from '../announce-concern';
import { readAll } from '../read-all';
import { roleHolders } from '../role-holders';
import { readTrainingSetup } from '../training/training-setup';
import { trainingCompliance } from '../training/training-compliance';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

const UNREACHABLE: Record<Exclude<OutboxStatus, 'pending' | 'sending' | 'sent'>, string> = {
  notInstalled: 'has not opened Online Safety Desk in Teams',
  blocked: 'has blocked or removed the app in Teams',
  failed: 'could not be reached (Teams kept refusing)',
  uncertain: 'may not have received a reminder (the app stopped while sending it)',
};

/**
 * The weekly digest for the online safety lead: who is overdue, what waits for their confirmation,
 * and who training reminders could not reach. Someone standing in to confirm a lead's own training
 * (the headteacher) is told what waits for them. Notices about concerns are never listed.
 */
export async function planTrainingDigest(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const rows = await trainingCompliance(deps, today, await readTrainingSetup(deps.stores));
  const overdue = rows.filter((row) => row.status === 'overdue');
  const missed = new Map<string, string>();
  for (const entry of await lastWeeksOutbox(deps, today)) {
    const why = UNREACHABLE[entry.status as keyof typeof UNREACHABLE];
    if (why && !isAboutAConcern(entry.reason)) missed.set(entry.personId, `${entry.personName} ${why}.`);
  }
  const waiting = await claimsToConfirm(deps);
  const leads = await deps.directory.holdersOf('onlineSafetyLead');
  const digest = (person: Person): PlannedReminder => {
    const awaiting = waiting.get(person.id) ?? 0;
    const lines = [
      overdue.length === 0 ? 'Nobody is overdue for online safety training.' : `${overdue.length} overdue:`,
      ...overdue.map((row) => `${row.subjectName} (${row.group}): ${row.requirementTitle}, due ${longDate(row.due ?? today)}.`),
      ...(awaiting > 0 ? [`${awaiting} completion(s) logged by staff are waiting for you to confirm.`] : []),
      ...(missed.size > 0
        ? [
            'Reminders could not reach:',
            ...missed.values(),
            'The app package can be installed for them by the Teams admin (proactive install), or tell them yourself.',
          ]
        : []),
    ];
    return {
      person,
      reason: 'training-digest',
      period: isoWeek(today),
      message: {
        title: 'Online safety training: this week',
        lines,
        tone: overdue.length > 0 ? 'warning' : 'accent',
        act: { label: 'Open Training', tabView: 'training' },
      },
    };
  };
  const standingIn = [...waiting].filter(([personId]) => !leads.some((lead) => lead.id === personId));
  const standIns: PlannedReminder[] = [];
  for (const [personId, count] of standingIn) {
    const person = await deps.directory.byId(personId);
    if (!person) continue;
    standIns.push({
      person,
      reason: 'training-confirm',
      period: isoWeek(today),
      message: {
        title: 'Online safety training to confirm',
        lines: [
          `${count} completion(s) logged by an online safety lead are waiting for you to confirm: nobody confirms their own training.`,
        ],
        tone: 'accent',
        act: { label: 'Open Training', tabView: 'training' },
      },
    });
  }
  return [...leads.map(digest), ...standIns];
}

/**
 * The outbox entries updated in the last seven days, by an indexed date (one read of a week's
 * entries, far under SharePoint's 5,000-item threshold), never every entry ever marked failed.
 */
function lastWeeksOutbox(deps: ReminderJobDeps, today: IsoDate): Promise<OutboxEntry[]> {
  const since = zonedInstant(addDays(today, -7), '00:00').toISOString();
  return readAll((cursor) => deps.stores.outbox.find({ atLeast: { updatedAt: since }, limit: 1000, ...(cursor ? { cursor } : {}) }));
}

/** How many logged completions wait for each person who may confirm them (never the person they are about). */
async function claimsToConfirm(deps: ReminderJobDeps): Promise<Map<string, number>> {
  const claims = (await deps.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 200 })).items;
  const holders = await roleHolders(deps, decisionChain('onlineSafetyLead'));
  const counts = new Map<string, number>();
  for (const claim of claims)
    for (const person of decidersAmong('onlineSafetyLead', claim.subjectId, holders))
      counts.set(person.id, (counts.get(person.id) ?? 0) + 1);
  return counts;
}
