import { actOnAccessRequest, type RequestedAction } from '../../../app/act-on-access-request';
import { announceAccessStep } from '../../../app/announce-access-step';
import type { AccessActionType } from '../../../domain/access/access-request';
import { addedRisksSchema, reasonsSchema, reviewNoteSchema } from '../../../domain/access/access-request-input';
import { accessRequestCardFor } from '../access-request-view';
import { rememberCardMessage } from '../card-messages';
import type { Tone } from '../cards/card-elements';
import { messageCard } from '../cards/simple-cards';
import { dataString, type ActionContext, type CardActionHandler } from './card-action';

type TypedStep = Exclude<AccessActionType, 'resubmit'>;

const DONE_MESSAGES: Record<TypedStep, string> = {
  forward: 'Sent to the headteacher for a decision. The requester has been told.',
  return: 'Returned to the requester with your reason.',
  approve: 'Approved and signed. The ICT technician and the requester have been told.',
  refuse: 'Refused and signed. The requester has been told, with your reasons.',
  markDone: 'Marked as done. The requester has been told the site is open.',
  withdraw: 'Your request has been withdrawn.',
};

/** The handler for one step's verb (forward, return, approve, refuse, mark done, withdraw). */
export function accessStepAction(step: TypedStep): CardActionHandler {
  return async (context) => {
    const { deps, actor, data, activity } = context;
    const requestId = dataString(data, 'requestId', 20);
    if (!requestId) return messageCard('This card is out of date. Type **my requests** to find the request.');
    const typed = readTypedText(data);
    const values = typed.values;
    const viewerId = activity.from.id;

    const reload = async (banner: { text: string; tone: Tone }, errors: { note?: string; reasons?: string } = {}) => {
      const request = await deps.stores.accessRequests.get(requestId);
      return request ? accessRequestCardFor(request, actor, viewerId, { banner, values, errors }) : messageCard(`I can't find request #${requestId}.`);
    };
    if (typed.errors) return reload({ text: 'Please correct the field marked below. Nothing was changed.', tone: 'attention' }, typed.errors);

    const result = await actOnAccessRequest(deps, actor, requestId, toAction(step, values));
    switch (result.status) {
      case 'not-found':
        return messageCard(`I can't find request #${requestId}.`);
      case 'not-saved':
        return reload({ text: result.message, tone: 'attention' });
      case 'invalid':
        return reload({ text: 'Nothing was changed.', tone: 'attention' });
      case 'refused': {
        const error = result.error;
        if (error.code === 'reasons-required') {
          return accessRequestCardFor(result.request, actor, viewerId, { banner: { text: 'Nothing was changed.', tone: 'attention' }, values, errors: step === 'return' ? { note: error.message } : { reasons: error.message } });
        }
        return accessRequestCardFor(result.request, actor, viewerId, { banner: { text: error.message, tone: 'warning' } });
      }
      case 'done':
        await rememberThisCard(context, result.request.id);
        deps.background.run(`announce access request ${result.request.id}`, () => announceAccessStep(deps, result.request.id, step, actor));
        return accessRequestCardFor(result.request, actor, viewerId, { banner: { text: DONE_MESSAGES[step], tone: 'good' } });
    }
  };
}

function readTypedText(data: Record<string, unknown>) {
  const note = reviewNoteSchema.safeParse(dataString(data, 'note') ?? '');
  const reasons = reasonsSchema.safeParse(dataString(data, 'reasons') ?? '');
  const added = addedRisksSchema.safeParse(dataString(data, 'addedRisksAndControls') ?? '');
  const values = { note: note.data ?? '', reasons: reasons.data ?? '', addedRisksAndControls: added.data ?? '' };
  const errors: { note?: string; reasons?: string } = {};
  if (!note.success) errors.note = note.error.issues[0]?.message ?? 'Too long.';
  if (!reasons.success) errors.reasons = reasons.error.issues[0]?.message ?? 'Too long.';
  if (!added.success) errors.note ??= added.error.issues[0]?.message ?? 'Too long.';
  return { values, errors: Object.keys(errors).length ? errors : undefined };
}

function toAction(step: TypedStep, values: { note: string; reasons: string; addedRisksAndControls: string }): RequestedAction {
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

async function rememberThisCard({ deps, activity }: ActionContext, recordId: string): Promise<void> {
  if (!activity.replyToId || !activity.from.aadObjectId) return;
  await rememberCardMessage(deps.stores, { recordId, aadObjectId: activity.from.aadObjectId, conversationId: activity.conversation.id, activityId: activity.replyToId, sentAt: deps.clock.now().toISOString() });
}
