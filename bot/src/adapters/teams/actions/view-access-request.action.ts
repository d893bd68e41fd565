import { CardFactory, MessageFactory } from 'botbuilder';
import { listAccessRequests } from '../../../app/list-access-requests';
import { accessRequestCardFor } from '../access-request-view';
import { rememberCardMessage } from '../card-messages';
import { accessRequestFormCard } from '../cards/access-request-form-card';
import { messageCard, myRequestsCard } from '../cards/simple-cards';
import { dataString, type CardActionHandler } from './card-action';

/** Teams asks for the viewer's current card (automatic refresh): re-read, never trust the old card. */
export const refreshAccessRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.accessRequests.get(requestId) : undefined;
  return request ? accessRequestCardFor(request, actor, activity.from.id) : messageCard('I can\'t find that request.');
};

/** "Open" on the my-requests list: the request's card as a new message; the list stays. */
export const openAccessRequestAction: CardActionHandler = async ({ deps, actor, data, activity, turn }) => {
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.accessRequests.get(requestId) : undefined;
  if (request) {
    const sent = await turn.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(accessRequestCardFor(request, actor, activity.from.id))));
    if (sent?.id && activity.from.aadObjectId) {
      await rememberCardMessage(deps.stores, { recordId: request.id, aadObjectId: activity.from.aadObjectId, conversationId: activity.conversation.id, activityId: sent.id, sentAt: deps.clock.now().toISOString() });
    }
  }
  const page = await listAccessRequests(deps, actor, { limit: 10, onlyMine: true });
  return myRequestsCard(page.items, Boolean(page.next));
};

export const newAccessRequestAction: CardActionHandler = async ({ deps, actor }) =>
  accessRequestFormCard({ requesterName: actor.displayName, today: deps.clock.now().toISOString(), target: { submissionKey: deps.newKey() } });
