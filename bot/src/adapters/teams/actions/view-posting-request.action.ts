import { cardActivity } from '../card-activity';
import { cardKey } from '../card-messages';
import { messageCard } from '../cards/simple-cards';
import { myRequests } from '../my-requests';
import { postingRequestCardForViewer } from '../posting-request-view';
import { dataString, rememberCard, type CardActionHandler } from './card-action';

/** Teams asks for the viewer's current card (automatic refresh): re-read, never trust the old card. */
export const refreshPostingRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.postingRequests.get(requestId) : undefined;
  return request ? postingRequestCardForViewer(deps, request, actor, activity.from.id) : messageCard('I can\'t find that request.');
};

/** "Open" on the my-requests list: the request's card as a new message; the list stays. */
export const openPostingRequestAction: CardActionHandler = async (context) => {
  const { deps, actor, data, activity, turn } = context;
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.postingRequests.get(requestId) : undefined;
  if (request) {
    const sent = await turn.sendActivity(cardActivity(await postingRequestCardForViewer(deps, request, actor, activity.from.id)));
    await rememberCard(context, cardKey('postingRequest', request.id), sent?.id);
  }
  return myRequests(deps, actor);
};
