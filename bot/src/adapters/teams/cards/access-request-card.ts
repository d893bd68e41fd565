import { accessReference, accessStateLabel, isFinished, type AccessActionType, type AccessRequest, type Signature } from '../../../domain/access/access-request';
import { LIMITS } from '../../../domain/access/access-request-input';
import type { Versioned } from '../../../ports/collection.port';
import {
  adaptiveCard,
  dataNotice,
  executeAction,
  fieldError,
  heading,
  notice,
  refreshFor,
  text,
  textInput,
  userText,
  richText,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type RichPart,
  type Tone,
} from './card-elements';
import { formatDateTime } from './format';

export const ACCESS_STEP_VERBS: Record<AccessActionType, string> = {
  forward: 'forwardAccessRequest',
  return: 'returnAccessRequest',
  approve: 'approveAccessRequest',
  refuse: 'refuseAccessRequest',
  markDone: 'markAccessRequestDone',
  withdraw: 'withdrawAccessRequest',
  // The resubmit button opens the form again; sending that form is VERB_RESUBMIT_ACCESS.
  resubmit: 'editAccessRequest',
};
export const VERB_REFRESH_ACCESS = 'refreshAccessRequest';

export interface AccessRequestCardModel {
  request: Versioned<AccessRequest>;
  /** The steps the viewer may take now; empty means a read-only view. */
  steps: AccessActionType[];
  /** Whether the person this card is for made the request: the status is worded for them. */
  viewerIsRequester: boolean;
  /** The viewer's Teams user id, so Teams refreshes this card for them (user-specific view). */
  viewerTeamsId?: string;
  banner?: { text: string; tone: Tone };
  /** Why this viewer may (or may not) decide: nobody decides on their own request. */
  decisionNote?: RichPart[];
  /** Text the viewer had typed, kept when the card comes back with an error. */
  values?: { note?: string; reasons?: string; addedRisksAndControls?: string };
  errors?: { note?: string; reasons?: string; addedRisksAndControls?: string };
}

const STATE_TONES: Record<AccessRequest['state'], Tone> = {
  withOnlineSafetyLead: 'accent',
  returnedToRequester: 'warning',
  withHeadteacher: 'accent',
  approved: 'good',
  refused: 'attention',
  unblocked: 'good',
  withdrawn: 'default',
};

export function accessRequestCard(model: AccessRequestCardModel): AdaptiveCard {
  const { request } = model;
  const body: CardElement[] = [
    heading(`Blocked content access request ${accessReference(request.id)}`),
    text(`**Status:** ${accessStateLabel(request.state, model.viewerIsRequester)}`, { color: STATE_TONES[request.state] }),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  if (model.decisionNote) body.push(dataNotice(model.decisionNote, 'accent'));
  body.push(
    userText(`${request.requesterName}, ${formatDateTime(request.submittedAt)}`, { label: 'Requester' }),
    userText(request.url, { label: 'Full URL' }),
    userText(request.siteContent, { label: 'Site content' }),
    userText(request.reasons, { label: 'Reasons for access' }),
    userText(request.risksAndControls, { label: 'Identified risks and control measures' }),
  );
  body.push(...reviewSection(request), ...decisionSection(request), ...ictSection(request));
  body.push(...inputsFor(model));
  const requestId = { requestId: request.id };
  // The version lets the server spot a card that is out of date; it is never trusted for anything else.
  const stepData = { ...requestId, version: String(request.version) };
  return adaptiveCard(body, {
    actions: model.steps.map((step) => stepAction(step, stepData)),
    ...(model.viewerTeamsId && !isFinished(request.state) ? { refresh: refreshFor(VERB_REFRESH_ACCESS, requestId, [model.viewerTeamsId]) } : {}),
  });
}

function reviewSection(request: AccessRequest): CardElement[] {
  const review = request.leadReview;
  if (!review) return [];
  const outcome = review.outcome === 'forwarded' ? 'Sent to the headteacher' : 'Returned to the requester';
  return [
    text('Online safety lead review', { weight: 'Bolder', size: 'Medium' }),
    richText([`${outcome} — `, ...signedBy(review.signature)]),
    ...(review.note ? [userText(review.note, { label: review.outcome === 'returned' ? 'Reason' : 'Note' })] : []),
    ...(review.addedRisksAndControls ? [userText(review.addedRisksAndControls, { label: 'Further risks and control measures' })] : []),
  ];
}

/** Appendix A, the authoriser's half: Approved ✓ / X, reasons, name, date and signature. */
function decisionSection(request: AccessRequest): CardElement[] {
  const decision = request.decision;
  if (!decision) return [];
  return [
    text('Authoriser', { weight: 'Bolder', size: 'Medium' }),
    text(decision.approved ? '**Approved?** ✓ Approved' : '**Approved?** X Refused', { color: decision.approved ? 'good' : 'attention' }),
    ...(decision.reasons ? [userText(decision.reasons, { label: 'Reasons' })] : []),
    richText([{ text: 'Signature: ', bold: true }, ...signedBy(decision.signature)]),
  ];
}

function ictSection(request: AccessRequest): CardElement[] {
  if (!request.actioned) return [];
  return [
    text('ICT action', { weight: 'Bolder', size: 'Medium' }),
    richText(['Site opened — ', ...signedBy(request.actioned.signature)]),
    ...(request.actioned.note ? [userText(request.actioned.note, { label: 'What was changed' })] : []),
  ];
}

function signedBy(signature: Signature): RichPart[] {
  return ['signed in Teams by ', { text: signature.name, bold: true }, ` on ${formatDateTime(signature.at)}`];
}

function inputsFor(model: AccessRequestCardModel): CardElement[] {
  const steps = new Set(model.steps);
  const values = model.values ?? {};
  const errors = model.errors ?? {};
  const inputs: CardElement[] = [];
  if (steps.has('forward') || steps.has('return')) {
    inputs.push(
      textInput('note', 'Note (required if you return it)', { multiline: true, maxLength: LIMITS.note, ...(values.note ? { value: values.note } : {}) }),
      ...(errors.note ? [fieldError(errors.note)] : []),
      textInput('addedRisksAndControls', 'Further risks and control measures (optional)', { multiline: true, maxLength: LIMITS.note, ...(values.addedRisksAndControls ? { value: values.addedRisksAndControls } : {}) }),
      ...(errors.addedRisksAndControls ? [fieldError(errors.addedRisksAndControls)] : []),
    );
  }
  if (steps.has('approve') || steps.has('refuse')) {
    inputs.push(
      textInput('reasons', 'Reasons (required if you refuse)', { multiline: true, maxLength: LIMITS.note, ...(values.reasons ? { value: values.reasons } : {}) }),
      ...(errors.reasons ? [fieldError(errors.reasons)] : []),
    );
  }
  if (steps.has('markDone')) {
    inputs.push(textInput('note', 'What was changed on the filter (optional)', { multiline: true, maxLength: LIMITS.note, ...(values.note ? { value: values.note } : {}) }));
  }
  return inputs;
}

const STEP_BUTTONS: Record<AccessActionType, { title: string; style?: 'positive' | 'destructive' }> = {
  forward: { title: 'Send to the headteacher', style: 'positive' },
  return: { title: 'Return to requester' },
  approve: { title: 'Approve ✓', style: 'positive' },
  refuse: { title: 'Refuse X', style: 'destructive' },
  markDone: { title: 'Done — site opened', style: 'positive' },
  withdraw: { title: 'Withdraw request', style: 'destructive' },
  resubmit: { title: 'Edit and resubmit' },
};

function stepAction(step: AccessActionType, data: Record<string, string>): CardAction {
  const button = STEP_BUTTONS[step];
  return executeAction(button.title, ACCESS_STEP_VERBS[step], data, button.style ? { style: button.style } : {});
}
