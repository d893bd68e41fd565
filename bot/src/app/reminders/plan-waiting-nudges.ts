import type { IsoDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import { decidersAmong, decisionChain, isDecidingRole } from '../../domain/authorization/deciders';
import type { Person } from '../../domain/people/person';
import { REQUEST_TYPES, type RequestType } from '../../domain/records/record-type';
import { waitingNudge } from '../../domain/reminders/reminder-rules';
import type { Party, RequestRecord } from '../../domain/workflow/workflow';
import { nudgeDue, type NudgeDue } from '../../domain/workflow/workflow-nudges';
import type { ReminderMessage } from '../../ports/outbox.port';
import { readAll } from '../read-all';
import { REQUEST_KINDS } from '../requests/request-kinds';
import { roleHolders } from '../role-holders';
import { readTermDates } from '../settings/term-dates';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/**
 * Every request that waits on someone, of every type, as its definition says: the person who must
 * act is reminded after its working days (weekends and school holidays don't count) and again as
 * often while it waits; after more, the role above is told, once. Takedown tasks are reminded until
 * they are closed (s.4).
 */
export async function planWaitingNudges(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const planned: PlannedReminder[] = [];
  const { calendar } = await readTermDates(deps.stores);
  for (const type of REQUEST_TYPES) {
    const { workflow, store } = REQUEST_KINDS[type];
    for (const [state, definition] of Object.entries(workflow.states)) {
      if (!definition.waitsOn || definition.unreminded) continue;
      for (const request of await readAll((cursor) =>
        store(deps.stores).find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) }),
      )) {
        const due = nudgeDue(workflow, request, calendar, today);
        if (due) planned.push(...(await nudgesFor(deps, type, request, due)));
      }
    }
  }
  for (const task of await readAll((cursor) =>
    deps.stores.takedowns.find({ where: { status: 'to do' }, limit: 200, ...(cursor ? { cursor } : {}) }),
  )) {
    const owner = await deps.directory.byId(task.ownerId);
    if (!owner) continue;
    const due = waitingNudge(calendar, localDate(new Date(task.updatedAt)), today);
    if (!due) continue;
    planned.push({
      person: owner,
      reason: `nudge:takedown:${task.id}`,
      period: due.period,
      message: {
        title: 'A post still needs taking down',
        lines: [
          `Consent was withdrawn for a pupil shown in post ${task.postId}. Take it down, or record why it cannot be (Social Media Policy section 4).`,
          `It has waited ${due.workingDays} working days.`,
        ],
        tone: 'attention',
        act: { label: 'Open the task', record: { recordType: 'takedown', recordId: task.id } },
      },
    });
  }
  return planned;
}

/** The reminders to whoever must act, and the word to the role above, for one request. */
async function nudgesFor(deps: ReminderJobDeps, type: RequestType, request: RequestRecord, due: NudgeDue): Promise<PlannedReminder[]> {
  const { workflow } = REQUEST_KINDS[type];
  const reference = workflow.reference(request.id);
  const asks = workflow.states[request.state]?.reminder;
  const message = (title: string, workingDays: number): ReminderMessage => ({
    title,
    lines: [workflow.summary(request), ...(asks ? [asks] : []), `It has waited ${workingDays} working days.`],
    tone: 'warning',
    act: { label: 'Open the request', record: { recordType: type, recordId: request.id } },
  });
  const mustAct = await whoMustAct(deps, due.party, request.requesterId);
  const planned: PlannedReminder[] = due.remind
    ? mustAct.map((person) => ({
        person,
        reason: `nudge:${type}:${request.id}:${request.state}`,
        period: due.remind!.period,
        message: message(`${workflow.name} ${reference} is waiting for you`, due.remind!.workingDays),
      }))
    : [];
  if (due.escalate) {
    const told = new Set([request.requesterId, ...mustAct.map((person) => person.id)]);
    const above = (await deps.directory.holdersOf(due.escalate.to)).filter((person) => !told.has(person.id));
    const waitingOn = workflow.states[request.state]!.label.toLowerCase();
    for (const person of above) {
      planned.push({
        person,
        reason: `escalate:${type}:${request.id}:${request.state}`,
        period: due.escalate.period,
        message: message(`${workflow.name} ${reference} has waited too long (${waitingOn})`, due.escalate.workingDays),
      });
    }
  }
  return planned;
}

/** Who the request waits on: its requester, or whoever decides it (never the person who made it, see deciders.ts). */
async function whoMustAct(deps: ReminderJobDeps, party: Party, requesterId: string): Promise<Person[]> {
  if (party === 'requester') return [await deps.directory.byId(requesterId)].filter((person): person is Person => !!person);
  return isDecidingRole(party)
    ? decidersAmong(party, requesterId, await roleHolders(deps, decisionChain(party)))
    : deps.directory.holdersOf(party);
}
