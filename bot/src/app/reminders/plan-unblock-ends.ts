import { ACCESS_WORKFLOW } from '../../domain/access/access-workflow';
import { accessReference, type AccessRequest } from '../../domain/access/access-request';
import { scopeLabel } from '../../domain/access/unblock';
import { longDate, type IsoDate } from '../../domain/calendar/dates';
import { isWorkingDay } from '../../domain/calendar/school-calendar';
import { escalationDue, waitingNudge } from '../../domain/reminders/reminder-rules';
import type { ReminderMessage } from '../../ports/outbox.port';
import { readTermDates } from '../settings/term-dates';
import { openedSites } from '../unblocks/open-unblocks';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/**
 * Every unblock ends. On the first school day on or after an unblock's last day the ICT technician
 * gets a card to block the site again (once: the outbox keys it by the last day); while it stays
 * open they are reminded as the access request's definition says, and after more working days
 * the online safety lead, who owns the filtering decisions, is told once. Sites opened before
 * periods existed get nothing here: the lead sets their last day.
 */
export async function planUnblockEnds(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const { calendar } = await readTermDates(deps.stores);
  if (!isWorkingDay(calendar, today)) return [];
  const ended = (await openedSites(deps.stores)).filter((request) => request.period && request.period.to <= today);
  if (ended.length === 0) return [];
  const [technicians, leads] = await Promise.all([deps.directory.holdersOf('ictTechnician'), deps.directory.holdersOf('onlineSafetyLead')]);
  const { remindAfter, escalateAfter } = ACCESS_WORKFLOW.nudges;
  const planned: PlannedReminder[] = [];
  for (const request of ended) {
    const lastDay = request.period!.to;
    const to = (people: typeof technicians, reason: string, period: string, message: ReminderMessage) =>
      people.map((person) => ({ person, reason: `${reason}:accessRequest:${request.id}`, period, message }));
    planned.push(
      ...to(
        technicians,
        'unblock-ended',
        `ended-${lastDay}`,
        unblockEndedMessage(request, 'warning', `Its last day was ${longDate(lastDay)}.`),
      ),
    );
    const nudge = waitingNudge(calendar, lastDay, today, remindAfter);
    if (nudge)
      planned.push(
        ...to(
          technicians,
          'nudge:unblock-ended',
          nudge.period,
          unblockEndedMessage(request, 'attention', `It is still open ${nudge.workingDays} working days after its last day.`),
        ),
      );
    const escalate = escalationDue(calendar, lastDay, today, remindAfter, escalateAfter);
    if (escalate)
      planned.push(
        ...to(
          leads,
          'escalate:unblock-ended',
          escalate.period,
          unblockEndedMessage(
            request,
            'attention',
            `It is still open ${escalate.workingDays} working days after its last day; the ICT technician has been reminded.`,
          ),
        ),
      );
  }
  return planned;
}

/** "Block <site> again": the card opens the request, where the ICT technician marks it blocked. */
export function unblockEndedMessage(request: AccessRequest, tone: ReminderMessage['tone'], when: string): ReminderMessage {
  return {
    title: `Block ${request.url} again`,
    lines: [
      `The unblock from request ${accessReference(request.id)} has ended (open for: ${scopeLabel(request.scope)}).`,
      when,
      'Block the site on the school filter, then mark it blocked again.',
    ],
    tone,
    act: { label: 'Open the request', record: { recordType: 'accessRequest', recordId: request.id } },
  };
}
