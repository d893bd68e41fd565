import { announceAccessStep } from '../../../app/announce-access-step';
import { submitAccessRequest } from '../../../app/submit-access-request';
import { accessRequestCardFor } from '../access-request-view';
import { rememberCardMessage } from '../card-messages';
import { accessRequestFormCard, formValues } from '../cards/access-request-form-card';
import { messageCard } from '../cards/simple-cards';
import { dataString, type CardActionHandler } from './card-action';

export const submitAccessRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (!submissionKey) return messageCard('This form is out of date. Type **request access** to start a new one.');
  const result = await submitAccessRequest(deps, actor, data, submissionKey);
  const form = (banner: { text: string; tone: 'attention' }, errors = {}) =>
    accessRequestFormCard({ requesterName: actor.displayName, today: deps.clock.now().toISOString(), target: { submissionKey }, values: formValues(data), errors, banner });
  switch (result.status) {
    case 'invalid':
      return form({ text: 'Please correct the fields marked below. Nothing has been saved yet.', tone: 'attention' }, result.errors);
    case 'not-saved':
      return form({ text: result.message, tone: 'attention' });
    case 'saved': {
      const { request } = result;
      if (activity.replyToId) {
        await rememberCardMessage(deps.stores, { recordId: request.id, aadObjectId: activity.from.aadObjectId ?? '', conversationId: activity.conversation.id, activityId: activity.replyToId, sentAt: deps.clock.now().toISOString() });
      }
      if (!result.alreadySaved) deps.background.run(`announce access request ${request.id}`, () => announceAccessStep(deps, request.id, 'submit', actor));
      const banner = result.alreadySaved
        ? { text: `This form was already sent as request #${request.id}; nothing new was saved.`, tone: 'accent' as const }
        : { text: `Saved as request #${request.id}. It is now with the online safety lead; I'll tell you at each step.`, tone: 'good' as const };
      return accessRequestCardFor(request, actor, activity.from.id, { banner });
    }
  }
};
