import { claimToConfirm } from '../../../app/training/claim-to-confirm';
import { may } from '../../../domain/authorization/permissions';
import { longDate } from '../../../domain/calendar/dates';
import { reviewActionReference } from '../../../domain/governance/filtering-review-record';
import { waitingFor } from '../../../app/waiting/waiting-for';
import { WAITING_RECORD_TYPES, type WaitingRecordType } from '../../../app/waiting/waiting-item';
import { PERMISSION_TYPES, type PermissionType } from '../../../domain/permission/permission-request';
import type { Person } from '../../../domain/people/person';
import { cardActivity } from '../card-activity';
import { cardKey } from '../card-messages';
import type { AdaptiveCard } from '../cards/card-elements';
import { reminderCard } from '../cards/reminder-card';
import { messageCard } from '../cards/simple-cards';
import { waitingCard } from '../cards/waiting-card';
import { requestCardForViewer } from '../requests/request-view';
import { findRequest } from '../../../app/requests/view-request';
import type { RequestType } from '../../../domain/records/record-type';
import { takedownCardFor } from '../takedown-view';
import type { TeamsDeps } from '../teams-deps';
import { dataString, rememberCard, type ActionContext, type CardActionHandler } from './card-action';

/** The "waiting for me" command: what waits for the person, worked out afresh. */
export async function waitingForMe(deps: TeamsDeps, person: Person): Promise<AdaptiveCard> {
  return waitingCard(await waitingFor(deps, person), deps.tabLink('waiting'));
}

type Opened = { card: AdaptiveCard; key?: string } | undefined;

/** Each kind of record opens the card its notices send, with the buttons for this person: the same view functions. */
const OPEN: Record<WaitingRecordType, (context: ActionContext, id: string) => Promise<Opened>> = {
  accessRequest: (context, id) => openRequest(context, 'accessRequest', id),
  postingRequest: (context, id) => openRequest(context, 'postingRequest', id),
  ...(Object.fromEntries(
    PERMISSION_TYPES.map((type) => [type, (context: ActionContext, id: string) => openRequest(context, type, id)]),
  ) as Record<PermissionType, (context: ActionContext, id: string) => Promise<Opened>>),
  takedown: async ({ deps, actor, activity }, id) => {
    const task = await deps.stores.takedowns.get(id);
    return task && { card: await takedownCardFor(deps.stores, task, actor, activity.from.id), key: cardKey('takedown', task.id) };
  },
  trainingRecord: async ({ deps, actor }, id) => {
    const claim = await claimToConfirm(deps, actor, id);
    switch (claim.status) {
      case 'not-found':
        return undefined;
      case 'not-permitted':
        return { card: messageCard('You cannot confirm this training: the online safety lead does, and nobody confirms their own.') };
      case 'decided':
        return {
          card: messageCard([
            [
              'This training was already decided: ',
              { text: claim.record.subjectName, bold: true },
              ` — ${claim.record.status === 'confirmed' ? 'confirmed' : 'not confirmed'}.`,
            ],
          ]),
        };
      case 'ok':
        return { card: reminderCard(claim.message, deps.tabLink) };
    }
  },
  // An action agreed at the filtering review has no card of its own: what it is, and where to mark it done.
  reviewAction: async ({ deps, actor }, id) => {
    const task = await deps.stores.reviewActions.get(id);
    if (!task || !may(actor, 'filteringReview.closeAction', task.assigneeId)) return undefined;
    return {
      card: reminderCard(
        {
          title: `Action ${reviewActionReference(task.id)} from the filtering and monitoring review ${task.year}`,
          lines: [
            task.description,
            task.status === 'done'
              ? 'It is done.'
              : `Due by ${longDate(task.due)}. Mark it done, with a note of what was done, on Waiting for me in the tab.`,
          ],
          tone: 'accent',
          act: { label: 'Open Waiting for me', tabView: 'waiting' },
        },
        deps.tabLink,
      ),
    };
  },
};

async function openRequest(context: ActionContext, type: RequestType, id: string): Promise<Opened> {
  const { deps, actor, activity } = context;
  const request = await findRequest(deps, type, id);
  return request && { card: await requestCardForViewer(deps, type, request, actor, activity.from.id), key: cardKey(type, request.id) };
}

/** "Open" on the waiting list: the record's card as a new message; the list stays, brought up to date. */
export const openWaitingItemAction: CardActionHandler = async (context) => {
  const { deps, actor, data, turn } = context;
  const recordType = dataString(data, 'recordType', 20);
  const recordId = dataString(data, 'recordId', 12);
  if (isWaitingType(recordType) && recordId && /^\d+$/.test(recordId)) {
    const opened = await OPEN[recordType](context, recordId);
    if (opened) {
      const sent = await turn.sendActivity(cardActivity(opened.card));
      if (opened.key) await rememberCard(context, opened.key, sent?.id);
    }
  }
  return waitingForMe(deps, actor);
};

function isWaitingType(value: string | undefined): value is WaitingRecordType {
  return (WAITING_RECORD_TYPES as readonly string[]).includes(value ?? '');
}
