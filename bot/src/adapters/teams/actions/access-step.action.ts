import { actOnAccessRequest, type RequestedAction } from '../../../app/act-on-access-request';
import { announceAccessStep } from '../../../app/announce-access-step';
import { accessReference, type AccessActionType } from '../../../domain/access/access-request';
import { addedRisksSchema, reasonsSchema, reviewNoteSchema } from '../../../domain/access/access-request-input';
import { accessRequestCardForViewer } from '../access-request-view';
import type { AdaptiveCard, Tone } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import { CardActionFailure, dataString, rememberCard, seenVersion, typedText, type CardActionHandler } from './card-action';

type TypedStep = Exclude<AccessActionType, 'resubmit'>;
type Typed = { note: string; reasons: string; addedRisksAndControls: string };
type TypedErrors = Partial<Record<keyof Typed, string>>;

const DONE_MESSAGES: Record<TypedStep, string> = {
  forward: 'Sent to the headteacher for a decision. I am letting the requester know.',
  return: 'Returned to the requester with your reason. I am letting them know.',
  approve: 'Approved and signed. I am asking the ICT technician to open the site and letting the requester know.',
  refuse: 'Refused and signed. I am letting the requester know, with your reasons.',
  markDone: 'Marked as done. I am letting the requester know the site is open.',
  withdraw: 'Your request has been withdrawn.',
};

/** The handler for one step's verb (forward, return, approve, refuse, mark done, withdraw). */
export function accessStepAction(step: TypedStep): CardActionHandler {
  return async (context) => {
    const { deps, actor, data, activity } = context;
    const requestId = dataString(data, 'requestId', 20);
    if (!requestId) return messageCard('This card is out of date. Type **my requests** to find the request.');
    const { values, errors } = readTyped(data);
    const current = async (banner: { text: string; tone: Tone }, fieldErrors: TypedErrors = {}): Promise<AdaptiveCard> => {
      const request = await deps.stores.accessRequests.get(requestId);
      return request ? accessRequestCardForViewer(deps, request, actor, activity.from.id, { banner, values, errors: fieldErrors }) : messageCard(`I can't find request ${accessReference(requestId)}.`);
    };
    if (errors) return current({ text: 'Please correct the field marked below. Nothing was changed.', tone: 'attention' }, errors);

    const result = await actOnAccessRequest(deps, actor, requestId, toAction(step, values), seenVersion(data));
    const view = async (banner: { text: string; tone: Tone }, fieldErrors: TypedErrors = {}) =>
      'request' in result ? accessRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner, values, errors: fieldErrors }) : messageCard(banner.text);
    switch (result.status) {
      case 'not-found':
        return messageCard(`I can't find request ${accessReference(requestId)}.`);
      case 'not-saved':
        throw new CardActionFailure(result.message);
      case 'invalid':
      case 'out-of-date':
        return view({ text: 'This card was out of date, so nothing was changed. Here is the request as it is now: please check it and try again.', tone: 'warning' });
      case 'refused':
        if (result.error.code === 'reasons-required') {
          return view({ text: 'Nothing was changed.', tone: 'attention' }, step === 'return' ? { note: result.error.message } : { reasons: result.error.message });
        }
        return view({ text: result.error.message, tone: 'warning' });
      case 'done':
        await rememberCard(context, result.request.id);
        deps.background.run(`announce access request ${result.request.id}`, () => announceAccessStep(deps, result.request.id, step, actor, activity.replyToId));
        return accessRequestCardForViewer(deps, result.request, actor, activity.from.id, { banner: { text: DONE_MESSAGES[step], tone: 'good' } });
    }
  };
}

function readTyped(data: Record<string, unknown>): { values: Typed; errors?: TypedErrors } {
  const checks = {
    note: reviewNoteSchema.safeParse(typedText(data, 'note')),
    reasons: reasonsSchema.safeParse(typedText(data, 'reasons')),
    addedRisksAndControls: addedRisksSchema.safeParse(typedText(data, 'addedRisksAndControls')),
  };
  const values: Typed = { note: '', reasons: '', addedRisksAndControls: '' };
  const errors: TypedErrors = {};
  for (const field of Object.keys(checks) as (keyof Typed)[]) {
    const check = checks[field];
    if (check.success) values[field] = check.data;
    else errors[field] = check.error.issues[0]?.message ?? 'This field could not be read.';
  }
  return Object.keys(errors).length ? { values, errors } : { values };
}

function toAction(step: TypedStep, values: Typed): RequestedAction {
  switch (step) {
    case 'forward':
      return { type: 'forward', note: values.note, addedRisksAndControls: values.addedRisksAndControls };
    case 'return':
      return { type: 'return', reason: values.note };
    case 'approve':
      return { type: 'approve', reasons: values.reasons };
    case 'refuse':
      return { type: 'refuse', reasons: values.reasons };
    case 'markDone':
      return { type: 'markDone', note: values.note };
    case 'withdraw':
      return { type: 'withdraw' };
  }
}
