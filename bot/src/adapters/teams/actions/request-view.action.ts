import { findRequest } from '../../../app/requests/view-request';
import type { RequestType } from '../../../domain/records/record-type';
import { cardActivity } from '../card-activity';
import { cardKey } from '../card-messages';
import { messageCard } from '../cards/simple-cards';
import { myRequests } from '../my-requests';
import { requestCardForViewer } from '../requests/request-view';
import { dataString, rememberCard, type CardActionHandler } from './card-action';

/** Teams asks for the viewer's current card (automatic refresh): re-read, never trust the old card. */
export const refreshRequestAction =
  (type: RequestType): CardActionHandler =>
  async ({ deps, actor, data, activity }) => {
    const request = await findRequest(deps, type, dataString(data, 'requestId', 20));
    return request ? requestCardForViewer(deps, type, request, actor, activity.from.id) : messageCard("I can't find that request.");
  };

/** "Open" on a list or a reminder: the request's card as a new message; the list stays. */
export const openRequestAction =
  (type: RequestType): CardActionHandler =>
  async (context) => {
    const { deps, actor, data, activity, turn } = context;
    const request = await findRequest(deps, type, dataString(data, 'requestId', 20));
    if (request) {
      const sent = await turn.sendActivity(cardActivity(await requestCardForViewer(deps, type, request, actor, activity.from.id)));
      await rememberCard(context, cardKey(type, request.id), sent?.id);
    }
    return myRequests(deps, actor);
  };
