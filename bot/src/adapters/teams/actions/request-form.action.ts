import { actOnRequest } from '../../../app/requests/act-on-request';
import { findRequest } from '../../../app/requests/view-request';
import { submitRequest } from '../../../app/requests/submit-request';
import { may } from '../../../domain/authorization/permissions';
import type { Person } from '../../../domain/people/person';
import type { RequestType } from '../../../domain/records/record-type';
import { stepsFor } from '../../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../../domain/workflow/workflows';
import { outcomeBanner } from '../../outcomes';
import { cardKey } from '../card-messages';
import type { AdaptiveCard } from '../cards/card-elements';
import { messageCard, refusalKeepingText } from '../cards/simple-cards';
import { requestCardForViewer } from '../requests/request-view';
import { specOf } from '../requests/request-specs';
import type { TeamsDeps } from '../teams-deps';
import { clickedCard, dataString, rememberCard, type CardActionHandler } from './card-action';

/** A blank form with a fresh submission key, for those who may make the request; anyone else is told who may. */
export function openForm(deps: TeamsDeps, type: RequestType, person: Person): Promise<AdaptiveCard> {
  const spec = specOf(type);
  if (!may(person, WORKFLOWS[type].submission.action)) return Promise.resolve(messageCard(spec.notPermitted));
  return spec.form(deps, person, {});
}

export const newRequestAction =
  (type: RequestType): CardActionHandler =>
  async ({ deps, actor }) =>
    openForm(deps, type, actor);

/** The form sent: saved (once, however often it is sent), or back with what to correct, keeping what was typed. */
export function submitRequestAction(type: RequestType): CardActionHandler {
  const spec = specOf(type);
  return async (context) => {
    const { deps, actor, data, activity } = context;
    const submissionKey = dataString(data, 'submissionKey', 100);
    if (!submissionKey) return messageCard(`This form is out of date. Type **${spec.command.typed}** to start a new one.`);
    // A new request is saved with the clicked form card remembered against it, in the same write.
    const result = await submitRequest(deps, type, actor, data, submissionKey, {
      ...(activity.replyToId ? { activityId: activity.replyToId } : {}),
      card: (requestId) => clickedCard(context, cardKey(type, requestId)),
    });
    const values = spec.formValues(data);
    const form = (errors = {}) =>
      spec.form(deps, actor, { target: { submissionKey }, values, errors, banner: outcomeBanner(result.status, 'new') });
    switch (result.status) {
      case 'invalid':
        return form(result.errors);
      case 'not-saved':
      case 'stale':
        return form();
      case 'not-permitted':
        return refusalKeepingText(spec.notPermitted, spec.keptOnRefusal(values));
      case 'ok':
        if (result.alreadySaved) await rememberCard(context, cardKey(type, result.request.id));
        return requestCardForViewer(deps, type, result.request, actor, activity.from.id, {
          banner: spec.saved(result.request, result.alreadySaved),
        });
    }
  };
}

/** "Edit and resubmit": the form again, filled in with the request as it is. */
export function editRequestAction<T extends RequestType>(type: T): CardActionHandler {
  const spec = specOf(type);
  return async ({ deps, actor, data, activity }) => {
    const request = await findRequest(deps, type, dataString(data, 'requestId', 20));
    if (!request) return messageCard("I can't find that request. Type **my requests** to see yours.");
    if (!stepsFor(WORKFLOWS[type], request, actor).includes('resubmit')) {
      return requestCardForViewer(deps, type, request, actor, activity.from.id, { banner: { text: spec.cannotEdit, tone: 'warning' } });
    }
    return spec.form(deps, actor, { target: { requestId: request.id }, values: spec.formValuesOf(request) });
  };
}

/** The form sent again: the rules judge the step as any other; a wrong field comes back on the form. */
export function resubmitRequestAction(type: RequestType): CardActionHandler {
  const spec = specOf(type);
  return async ({ deps, actor, data, activity }) => {
    const requestId = dataString(data, 'requestId', 20);
    if (!requestId) return messageCard('This form is out of date. Type **my requests** to find your request.');
    const result = await actOnRequest(deps, type, actor, requestId, {
      step: 'resubmit',
      form: data,
      ...(activity.replyToId ? { clickedActivityId: activity.replyToId } : {}),
    });
    const form = (errors = {}) =>
      spec.form(deps, actor, { target: { requestId }, values: spec.formValues(data), errors, banner: outcomeBanner(result.status, 'new') });
    switch (result.status) {
      case 'not-found':
        return messageCard(`I can't find request ${WORKFLOWS[type].reference(requestId)}.`);
      case 'invalid':
        return form(result.errors);
      case 'not-saved':
        return form();
      case 'not-permitted':
      case 'not-now':
        return requestCardForViewer(deps, type, result.request, actor, activity.from.id, {
          banner: { text: result.message, tone: 'warning' },
        });
      case 'stale':
        return requestCardForViewer(deps, type, result.request, actor, activity.from.id, { banner: outcomeBanner('stale') });
      case 'ok':
        return requestCardForViewer(deps, type, result.request, actor, activity.from.id, { banner: spec.resubmitted(result.request) });
    }
  };
}
