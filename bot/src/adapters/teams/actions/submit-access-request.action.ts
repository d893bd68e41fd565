import { accessReference } from '../../../domain/access/access-request';
import { announceAccessStep } from '../../../app/announce-access-step';
import { submitAccessRequest } from '../../../app/submit-access-request';
import { accessRequestCardForViewer } from '../access-request-view';
import { accessRequestFormCard, formValues } from '../cards/access-request-form-card';
import { messageCard, refusalKeepingText } from '../cards/simple-cards';
import { dataString, rememberCard, type CardActionHandler } from './card-action';

export const submitAccessRequestAction: CardActionHandler = async (context) => {
  const { deps, actor, data, activity } = context;
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (!submissionKey) return messageCard('This form is out of date. Type **request access** to start a new one.');
  const result = await submitAccessRequest(deps, actor, data, submissionKey);
  const form = (text: string, errors = {}) =>
    accessRequestFormCard({ requesterName: actor.displayName, today: deps.clock.now().toISOString(), target: { submissionKey }, values: formValues(data), errors, banner: { text, tone: 'attention' } });
  switch (result.status) {
    case 'invalid':
      return form('Please correct the fields marked below. Nothing has been saved yet.', result.errors);
    case 'not-saved':
      return form(result.message);
    case 'not-permitted': {
      const typed = formValues(data);
      return refusalKeepingText(result.message, [['Full URL', typed.url], ['Site content', typed.siteContent], ['Reasons for access', typed.reasons], ['Identified risks and control measures', typed.risksAndControls]]);
    }
    case 'saved': {
      const { request } = result;
      await rememberCard(context, request.id);
      if (!result.alreadySaved) deps.background.run(`announce access request ${request.id}`, () => announceAccessStep(deps, request.id, 'submit', actor, activity.replyToId));
      const banner = result.alreadySaved
        ? { text: `This form was already sent as request ${accessReference(request.id)}; nothing new was saved.`, tone: 'accent' as const }
        : { text: `Saved as request ${accessReference(request.id)}. It is now with the online safety lead; I'll tell you at each step.`, tone: 'good' as const };
      return accessRequestCardForViewer(deps, request, actor, activity.from.id, { banner });
    }
  }
};
