import { actOnPostingRequest, type RequestedPostingStep } from '../../../app/act-on-posting-request';
import { announcePostingStep } from '../../../app/announce-posting-step';
import { reasonsSchema } from '../../../domain/access/access-request-input';
import { postingReference, type PostingStep } from '../../../domain/posting/posting-request';
import { cardKey } from '../card-messages';
import type { AdaptiveCard, Tone } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import { postingRequestCardForViewer } from '../posting-request-view';
import { CardActionFailure, dataString, rememberCard, seenVersion, typedText, type CardActionHandler } from './card-action';

type CardStep = Exclude<PostingStep, 'resubmit'>;

const DONE_MESSAGES: Record<CardStep, string> = {
  approve: 'Approved and signed. I am letting the requester know they may post it.',
  refuse: 'Refused and signed. I am letting the requester know, with your reasons.',
  withdraw: 'Your request has been withdrawn.',
  confirmPosted: 'Thank you. The post is registered with its pupils, so a later withdrawal of consent will find it.',
};

/** Approve, refuse, withdraw, or confirm that it was posted (with the link). */
export function postingStepAction(step: CardStep): CardActionHandler {
  return async (context) => {
    const { deps, actor, data, activity } = context;
    const requestId = dataString(data, 'requestId', 20);
    if (!requestId) return messageCard('This card is out of date. Type **my requests** to find the request.');
    const values = { reasons: typedText(data, 'reasons'), link: typedText(data, 'link') };
    const reasons = reasonsSchema.safeParse(values.reasons);
    const show = async (banner: { text: string; tone: Tone }, errors: { reasons?: string; link?: string } = {}): Promise<AdaptiveCard> => {
      const request = await deps.stores.postingRequests.get(requestId);
      return request ? postingRequestCardForViewer(deps, request, actor, activity.from.id, { banner, values, errors }) : messageCard(`I can't find request ${postingReference(requestId)}.`);
    };
    if (!reasons.success) return show({ text: 'Please correct the field marked below. Nothing was changed.', tone: 'attention' }, { reasons: reasons.error.issues[0]?.message ?? 'Reasons could not be read.' });

    const requested: RequestedPostingStep =
      step === 'confirmPosted' ? { type: step, link: values.link } : step === 'withdraw' ? { type: step } : { type: step, reasons: reasons.data };
    const result = await actOnPostingRequest(deps, actor, requestId, requested, seenVersion(data));
    switch (result.status) {
      case 'not-found':
        return messageCard(`I can't find request ${postingReference(requestId)}.`);
      case 'not-saved':
        throw new CardActionFailure(result.message);
      case 'invalid':
        return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: 'Please correct the field marked below. Nothing was changed.', tone: 'attention' }, values, errors: { ...(result.errors.link ? { link: result.errors.link } : {}) } });
      case 'out-of-date':
        return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: 'This card was out of date, so nothing was changed. Here is the request as it is now: please check it and try again.', tone: 'warning' } });
      case 'refused':
        if (result.error.code === 'reasons-required') return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: 'Nothing was changed.', tone: 'attention' }, values, errors: { reasons: result.error.message } });
        return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: result.error.message, tone: 'warning' }, values });
      case 'done': {
        await rememberCard(context, cardKey('postingRequest', result.request.id));
        deps.background.run(`announce posting request ${result.request.id}`, () => announcePostingStep(deps, result.request.id, actor, activity.replyToId));
        // An approval the checks blocked (consent withdrawn since the request was made) is not a decision.
        const blocked = step === 'approve' && result.request.state === 'checksFailed';
        const banner = blocked
          ? { text: 'Not approved: the checks, run again just now, found problems (listed below). The request has gone back to the requester to fix.', tone: 'attention' as const }
          : { text: DONE_MESSAGES[step], tone: 'good' as const };
        return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner });
      }
    }
  };
}
