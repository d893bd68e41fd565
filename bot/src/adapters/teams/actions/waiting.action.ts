import { claimToConfirm } from '../../../app/training/claim-to-confirm';
import { waitingFor } from '../../../app/waiting/waiting-for';
import { WAITING_RECORD_TYPES, type WaitingRecordType } from '../../../app/waiting/waiting-item';
import type { Person } from '../../../domain/people/person';
import { accessRequestCardForViewer } from '../access-request-view';
import { cardActivity } from '../card-activity';
import { cardKey } from '../card-messages';
import type { AdaptiveCard } from '../cards/card-elements';
import { reminderCard } from '../cards/reminder-card';
import { messageCard } from '../cards/simple-cards';
import { waitingCard } from '../cards/waiting-card';
import { postingRequestCardForViewer } from '../posting-request-view';
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
  accessRequest: async ({ deps, actor, activity }, id) => {
    const request = await deps.stores.accessRequests.get(id);
    return request && { card: await accessRequestCardForViewer(deps, request, actor, activity.from.id), key: cardKey('accessRequest', request.id) };
  },
  postingRequest: async ({ deps, actor, activity }, id) => {
    const request = await deps.stores.postingRequests.get(id);
    return request && { card: await postingRequestCardForViewer(deps, request, actor, activity.from.id), key: cardKey('postingRequest', request.id) };
  },
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
        return { card: messageCard([['This training was already decided: ', { text: claim.record.subjectName, bold: true }, ` — ${claim.record.status === 'confirmed' ? 'confirmed' : 'not confirmed'}.`]]) };
      case 'ok':
        return { card: reminderCard(claim.message, deps.tabLink) };
    }
  },
};

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
