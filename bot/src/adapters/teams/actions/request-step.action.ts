import { actOnRequest } from '../../../app/requests/act-on-request';
import type { RequestOf, StepOf } from '../../../app/requests/request-kinds';
import type { RequestType } from '../../../domain/records/record-type';
import { WORKFLOWS } from '../../../domain/workflow/workflows';
import type { Versioned } from '../../../ports/collection.port';
import { cardKey } from '../card-messages';
import { messageCard } from '../cards/simple-cards';
import { outcomeBanner } from '../../outcomes';
import type { Banner } from '../requests/request-card';
import { requestCardForViewer } from '../requests/request-view';
import { specOf } from '../requests/request-specs';
import { CardActionFailure, dataString, rememberCard, seenVersion, typedText, type CardActionHandler } from './card-action';

/**
 * Every step's button, for every request type (approve, refuse, forward, return, mark done,
 * withdraw, confirm it is posted…): the rules, the signature, the audit and the notices are the
 * engine's; the card answers with the request as it is now, for the person who clicked.
 */
export function requestStepAction<T extends RequestType>(type: T, step: StepOf<T>): CardActionHandler {
  const spec = specOf(type);
  return async (context) => {
    const { deps, actor, data, activity } = context;
    const requestId = dataString(data, 'requestId', 20);
    if (!requestId) return messageCard('This card is out of date. Type **my requests** to find the request.');
    // What they typed comes back with the card, whatever happens, so nothing is lost.
    const values = Object.fromEntries(spec.card.fields.map((field) => [field.id, typedText(data, field.id)]));
    const seen = seenVersion(data);
    const result = await actOnRequest(deps, type, actor, requestId, {
      step,
      typed: (field) => typedText(data, field),
      ...(seen !== undefined ? { seenVersion: seen } : {}),
      ...(activity.replyToId ? { clickedActivityId: activity.replyToId } : {}),
    });
    const card = (request: Versioned<RequestOf<T>>, banner: Banner, errors = {}) =>
      requestCardForViewer(deps, type, request, actor, activity.from.id, { banner, values, errors });
    switch (result.status) {
      case 'not-found':
        return messageCard(`I can't find request ${WORKFLOWS[type].reference(requestId)}.`);
      case 'not-saved':
        throw new CardActionFailure(outcomeBanner('not-saved').text);
      case 'invalid':
        return card(result.request, outcomeBanner('invalid'), result.errors);
      case 'stale':
        return card(result.request, outcomeBanner('stale'));
      case 'not-permitted':
      case 'not-now':
        return card(result.request, { text: result.message, tone: 'warning' });
      case 'ok':
        await rememberCard(context, cardKey(type, result.request.id));
        return requestCardForViewer(deps, type, result.request, actor, activity.from.id, { banner: spec.done(step, result.request) });
    }
  };
}
