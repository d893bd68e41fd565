import { announcePostingStep } from '../../../app/announce-posting-step';
import { actOnPostingRequest } from '../../../app/act-on-posting-request';
import { submitPostingRequest } from '../../../app/submit-posting-request';
import { postingReference, availablePostingSteps } from '../../../domain/posting/posting-request';
import { cardKey } from '../card-messages';
import { messageCard, refusalKeepingText } from '../cards/simple-cards';
import { postingFormValues, postingFormValuesOf, postingRequestCardForViewer, postingRequestForm } from '../posting-request-view';
import { dataString, rememberCard, type ActionContext, type CardActionHandler } from './card-action';

/** The form's target: a new request's submission key, or the id of the request being changed. */
function targetOf(data: Record<string, unknown>): { submissionKey: string } | { requestId: string } | undefined {
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (submissionKey) return { submissionKey };
  const requestId = dataString(data, 'requestId', 20);
  return requestId ? { requestId } : undefined;
}

const FIX_FIELDS = 'Please correct the fields marked below. Nothing has been saved yet.';

export const newPostingRequestAction: CardActionHandler = async ({ deps, actor }) => postingRequestForm(deps, actor);

/** "Show pupils of these classes": the same form, with the roster of the chosen classes. */
export const showPostingPupilsAction: CardActionHandler = async ({ deps, actor, data }) => {
  const target = targetOf(data);
  if (!target) return messageCard('This form is out of date. Type **request to post** to start a new one.');
  return postingRequestForm(deps, actor, { target, values: postingFormValues(data) });
};

export const submitPostingRequestAction: CardActionHandler = async (context) => {
  const { deps, actor, data, activity } = context;
  const submissionKey = dataString(data, 'submissionKey', 100);
  if (!submissionKey) return messageCard('This form is out of date. Type **request to post** to start a new one.');
  const result = await submitPostingRequest(deps, actor, data, submissionKey);
  const form = (text: string, errors = {}) => postingRequestForm(deps, actor, { target: { submissionKey }, values: postingFormValues(data), errors, banner: { text, tone: 'attention' } });
  switch (result.status) {
    case 'invalid':
      return form(FIX_FIELDS, result.errors);
    case 'not-saved':
      return form(result.message);
    case 'not-permitted': {
      const typed = postingFormValues(data);
      return refusalKeepingText(result.message, [['Text of the post', typed.text], ['Group label', typed.groupLabel]]);
    }
    case 'saved': {
      const { request } = result;
      await rememberCard(context, cardKey('postingRequest', request.id));
      if (!result.alreadySaved) deps.background.run(`announce posting request ${request.id}`, () => announcePostingStep(deps, request.id, actor, activity.replyToId));
      const banner = result.alreadySaved
        ? { text: `This form was already sent as request ${postingReference(request.id)}; nothing new was saved.`, tone: 'accent' as const }
        : request.state === 'checksFailed'
          ? { text: `Saved as request ${postingReference(request.id)}, but the checks found problems (listed below). Fix them with "Edit and resubmit": the headteacher sees it once every check passes.`, tone: 'attention' as const }
          : { text: `Every check passed. Saved as request ${postingReference(request.id)} and sent to the headteacher; I'll tell you the decision.`, tone: 'good' as const };
      return postingRequestCardForViewer(deps, request, actor, activity.from.id, { banner });
    }
  }
};

/** "Edit and resubmit": the form again, filled in with the request as it is. */
export const editPostingRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.postingRequests.get(requestId) : undefined;
  if (!request) return messageCard('I can\'t find that request. Type **my requests** to see yours.');
  if (!availablePostingSteps(request, actor).includes('resubmit')) {
    return postingRequestCardForViewer(deps, request, actor, activity.from.id, { banner: { text: 'Only the person who made the request can change it, and only before it is decided.', tone: 'warning' } });
  }
  return postingRequestForm(deps, actor, { target: { requestId: request.id }, values: postingFormValuesOf(request) });
};

export const resubmitPostingRequestAction: CardActionHandler = async (context: ActionContext) => {
  const { deps, actor, data, activity } = context;
  const requestId = dataString(data, 'requestId', 20);
  if (!requestId) return messageCard('This form is out of date. Type **my requests** to find your request.');
  const result = await actOnPostingRequest(deps, actor, requestId, { type: 'resubmit', form: data });
  const form = (text: string, errors = {}) => postingRequestForm(deps, actor, { target: { requestId }, values: postingFormValues(data), errors, banner: { text, tone: 'attention' } });
  switch (result.status) {
    case 'not-found':
      return messageCard(`I can't find request ${postingReference(requestId)}.`);
    case 'invalid':
      return form(FIX_FIELDS, result.errors);
    case 'not-saved':
      return form(result.message);
    case 'refused':
    case 'out-of-date':
      return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: result.status === 'refused' ? result.error.message : 'Nothing was changed.', tone: 'warning' } });
    case 'done': {
      const passed = result.request.state === 'withHeadteacher';
      deps.background.run(`announce posting request ${requestId}`, () => announcePostingStep(deps, requestId, actor, activity.replyToId));
      return postingRequestCardForViewer(deps, result.request, actor, activity.from.id, {
        banner: passed ? { text: 'Every check passed. It is with the headteacher now.', tone: 'good' } : { text: 'Saved, but the checks still found problems (listed below).', tone: 'attention' },
      });
    }
  }
};
