import { accessReference, type AccessRequestState } from '../../domain/access/access-request';
import type { IsoDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import { postingReference, type PostingState } from '../../domain/posting/posting-request';
import { waitingNudge } from '../../domain/reminders/reminder-rules';
import type { ReminderMessage } from '../../ports/outbox.port';
import { decidersAmong, decisionChain, isDecidingRole } from '../../domain/authorization/deciders';
import { readAll } from '../read-all';
import { readTermDates } from '../settings/term-dates';
import { roleHolders } from '../role-holders';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/** Who an access request waits on in each open state. */
const ACCESS_WAITS_ON: Partial<Record<AccessRequestState, Role | 'requester'>> = {
  withOnlineSafetyLead: 'onlineSafetyLead',
  withHeadteacher: 'headteacher',
  approved: 'ictTechnician',
  returnedToRequester: 'requester',
};

const POSTING_WAITS_ON: Partial<Record<PostingState, Role | 'requester'>> = {
  withHeadteacher: 'headteacher',
  approved: 'requester',
};

/**
 * A nudge to whoever a request has waited on for more than two working days (weekends and school
 * holidays don't count), then every two working days; takedown tasks until they are closed (s.4).
 */
export async function planWaitingNudges(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const planned: PlannedReminder[] = [];
  const { calendar } = await readTermDates(deps.stores);
  const holders = async (who: Role | 'requester', requesterId: string): Promise<Person[]> => {
    if (who === 'requester') return [await deps.directory.byId(requesterId)].filter((person): person is Person => !!person);
    // A request waits on whoever decides it, never on the person who made it (see deciders.ts).
    return isDecidingRole(who) ? decidersAmong(who, requesterId, await roleHolders(deps, decisionChain(who))) : deps.directory.holdersOf(who);
  };
  const nudge = async (who: Role | 'requester', requesterId: string, since: string, reason: string, message: ReminderMessage) => {
    const due = waitingNudge(calendar, localDate(new Date(since)), today);
    if (!due) return;
    message.lines.push(`It has waited ${due.workingDays} working days.`);
    for (const person of await holders(who, requesterId)) planned.push({ person, reason, period: due.period, message });
  };

  for (const [state, who] of Object.entries(ACCESS_WAITS_ON) as [AccessRequestState, Role | 'requester'][]) {
    for (const request of await readAll((cursor) => deps.stores.accessRequests.find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) }))) {
      await nudge(who, request.requesterId, request.updatedAt, `nudge:accessRequest:${request.id}:${state}`, {
        title: `Access request ${accessReference(request.id)} is waiting for you`,
        lines: [`${request.url}`],
        tone: 'warning',
        act: { label: 'Open the request', accessRequestId: request.id },
      });
    }
  }
  for (const [state, who] of Object.entries(POSTING_WAITS_ON) as [PostingState, Role | 'requester'][]) {
    for (const request of await readAll((cursor) => deps.stores.postingRequests.find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) }))) {
      await nudge(who, request.requesterId, request.updatedAt, `nudge:postingRequest:${request.id}:${state}`, {
        title: state === 'approved' ? `Your approved post ${postingReference(request.id)} is waiting to be posted` : `Permission to post ${postingReference(request.id)} is waiting for your decision`,
        lines: [`${request.accountLabel}`],
        tone: 'warning',
        act: { label: 'Open the request', postingRequestId: request.id },
      });
    }
  }
  for (const task of await readAll((cursor) => deps.stores.takedowns.find({ where: { status: 'to do' }, limit: 200, ...(cursor ? { cursor } : {}) }))) {
    const owner = await deps.directory.byId(task.ownerId);
    if (!owner) continue;
    const due = waitingNudge(calendar, localDate(new Date(task.updatedAt)), today);
    if (!due) continue;
    planned.push({
      person: owner,
      reason: `nudge:takedown:${task.id}`,
      period: due.period,
      message: { title: 'A post still needs taking down', lines: [`Consent was withdrawn for a pupil shown in post ${task.postId}. Take it down, or record why it cannot be (Social Media Policy section 4).`, `It has waited ${due.workingDays} working days.`], tone: 'attention', act: { label: 'Open the task', takedownId: task.id } },
    });
  }
  return planned;
}
