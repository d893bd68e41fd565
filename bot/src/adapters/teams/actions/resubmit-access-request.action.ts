import { accessReference } from '../../../domain/access/access-request';
import { actOnAccessRequest } from '../../../app/act-on-access-request';
import { announceAccessStep } from '../../../app/announce-access-step';
import { availableSteps } from '../../../domain/access/access-request-rules';
import { accessRequestCardForViewer } from '../access-request-view';
import { accessRequestFormCard, formValues } from '../cards/access-request-form-card';
import { messageCard } from '../cards/simple-cards';
import { dataString, type CardActionHandler } from './card-action';

/** "Edit and resubmit" on a returned request: the form again, filled in with what was sent. */
export const editAccessRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const requestId = dataString(data, 'requestId', 20);
  const request = requestId ? await deps.stores.accessRequests.get(requestId) : undefined;
  if (!request) return messageCard('I can\'t find that request. Type **my requests** to see yours.');
  if (!availableSteps(request, actor).includes('resubmit')) {
    return accessRequestCardForViewer(deps, request, actor, activity.from.id, { banner: { text: 'Only a returned request can be edited, by the person who made it.', tone: 'warning' } });
  }
  return accessRequestFormCard({ requesterName: actor.displayName, today: deps.clock.now().toISOString(), target: { requestId: request.id }, values: formValues(request) });
};

export const resubmitAccessRequestAction: CardActionHandler = async ({ deps, actor, data, activity }) => {
  const requestId = dataString(data, 'requestId', 20);
  if (!requestId) return messageCard('This form is out of date. Type **my requests** to find your request.');
  const result = await actOnAccessRequest(deps, actor, requestId, { type: 'resubmit', form: data });
  const form = (text: string, errors = {}) =>
    accessRequestFormCard({ requesterName: actor.displayName, today: deps.clock.now().toISOString(), target: { requestId }, values: formValues(data), errors, banner: { text, tone: 'attention' } });
  switch (result.status) {
    case 'not-found':
      return messageCard(`I can't find request ${accessReference(requestId)}.`);
    case 'invalid':
      return form('Please correct the fields marked below. Nothing has been saved yet.', result.errors);
    case 'not-saved':
      return form(result.message);
    case 'refused':
    case 'out-of-date':
      return accessRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: result.status === 'refused' ? result.error.message : 'Nothing was changed.', tone: 'warning' } });
    case 'done':
      deps.background.run(`announce access request ${requestId}`, () => announceAccessStep(deps, requestId, 'resubmit', actor, activity.replyToId));
      return accessRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: 'Resubmitted. It is back with the online safety lead.', tone: 'good' } });
  }
};
