import { accessRequestCardForViewer, newAccessRequestForm } from '../access-request-view';
import { cardActivity } from '../card-activity';
import { messageCard } from '../cards/simple-cards';
import { myRequests } from '../my-requests';
import { dataString, rememberCard, type CardActionHandler } from './card-action';

/** Teams asks for the viewer's current card (automatic refresh): re-read, never trust the old card. */
export const refreshAccessRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.accessRequests.get(requestId) : undefined;
  return request ? accessRequestCardForViewer(deps, request, actor, activity.from.id) : messageCard('I can\'t find that request.');
};

/** "Open" on the my-requests list: the request's card as a new message; the list stays. */
export const openAccessRequestAction: CardActionHandler = async (context) => {
  const { deps, actor, data, activity, turn } = context;
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.accessRequests.get(requestId) : undefined;
  if (request) {
    const sent = await turn.sendActivity(cardActivity(await accessRequestCardForViewer(deps, request, actor, activity.from.id)));
    await rememberCard(context, request.id, sent?.id);
  }
  return myRequests(deps, actor);
};

export const newAccessRequestAction: CardActionHandler = async ({ deps, actor }) => newAccessRequestForm(deps, actor);
