import type { Signature } from '../../../domain/access/access-request';
import { postingReference, isPostingFinished, postingStateLabel, type PostingRequest, type PostingState, type PostingStep } from '../../../domain/posting/posting-request';
import { POSTING_LIMITS } from '../../../domain/posting/posting-request-input';
import type { Versioned } from '../../../ports/collection.port';
import { adaptiveCard, dataNotice, executeAction, fieldError, heading, notice, refreshFor, richText, text, textInput, userText, type AdaptiveCard, type CardAction, type CardElement, type RichPart, type Tone } from './card-elements';
import { formatDate, formatDateTime } from './format';

export const POSTING_STEP_VERBS: Record<PostingStep, string> = {
  approve: 'approvePostingRequest',
  refuse: 'refusePostingRequest',
  withdraw: 'withdrawPostingRequest',
  // Opens the form again; sending that form is VERB_RESUBMIT_POSTING.
  resubmit: 'editPostingRequest',
  confirmPosted: 'confirmPosted',
};
export const VERB_REFRESH_POSTING = 'refreshPostingRequest';

export interface PostingRequestCardModel {
  request: Versioned<PostingRequest>;
  steps: PostingStep[];
  /** Whether the person this card is for made the request: the status is worded for them. */
  viewerIsRequester: boolean;
  viewerTeamsId?: string;
  banner?: { text: string; tone: Tone };
  /** Why this viewer may (or may not) decide: nobody decides on their own request. */
  decisionNote?: RichPart[];
  values?: { reasons?: string; link?: string };
  errors?: { reasons?: string; link?: string };
}

const STATE_TONES: Record<PostingState, Tone> = {
  checksFailed: 'attention',
  withHeadteacher: 'accent',
  approved: 'good',
  refused: 'attention',
  posted: 'good',
  withdrawn: 'default',
};

/** Enough to act on, and the card stays under Teams' size limit with 60 pupils failing. */
const MAX_FAILURES_SHOWN = 12;

const MEDIA_LABELS = { images: 'Images', videos: 'Videos' } as const;

/** A request for permission to post, as one person sees it: the checks first, then the decision. */
export function postingRequestCard(model: PostingRequestCardModel): AdaptiveCard {
  const { request } = model;
  const body: CardElement[] = [
    heading(`${request.kind === 'parentReminder' ? 'Reminder for parents' : 'Permission to post'} ${postingReference(request.id)}`),
    text(`**Status:** ${postingStateLabel(request.state, model.viewerIsRequester)}`, { color: STATE_TONES[request.state] }),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  if (model.decisionNote) body.push(dataNotice(model.decisionNote, 'accent'));
  body.push(
    userText(`${request.requesterName}, ${formatDateTime(request.submittedAt)}`, { label: 'Requested by' }),
    userText(request.accountLabel, { label: 'School account' }),
    text(`**Planned for:** ${formatDate(`${request.postingDate}T12:00:00Z`)}`),
    text(`**Media:** ${request.media.length ? request.media.map((media) => MEDIA_LABELS[media]).join(' and ') : 'None (text only)'}${request.media.length ? ` · **Faces blurred:** ${request.facesBlurred ? 'yes' : 'no'}` : ''}`),
    ...(request.groupLabel ? [userText(request.groupLabel, { label: 'Group label' })] : []),
    userText(request.text, { label: 'Text of the post' }),
    ...pupilsSection(request),
    ...checksSection(request),
    ...decisionSection(request),
    ...postedSection(request),
    ...inputsFor(model),
  );
  const requestId = { requestId: request.id };
  const stepData = { ...requestId, version: String(request.version) };
  return adaptiveCard(body, {
    actions: model.steps.map((step) => stepAction(step, stepData)),
    ...(model.viewerTeamsId && !isPostingFinished(request.state) ? { refresh: refreshFor(VERB_REFRESH_POSTING, requestId, [model.viewerTeamsId]) } : {}),
  });
}

function pupilsSection(request: PostingRequest): CardElement[] {
  if (request.pupils.length === 0) return [text('**Pupils shown:** none')];
  const names = request.pupils.map((pupil) => `${pupil.displayName}${pupil.className ? ` (${pupil.className})` : ''}`).join(', ');
  return [userText(names, { label: `Pupils shown (${request.pupils.length})` })];
}

/** s.4 and s.5 checks: each failure says what is wrong and how to fix it; any failure blocks approval. */
function checksSection(request: PostingRequest): CardElement[] {
  const title = text('Automatic checks (policy sections 4 and 5)', { weight: 'Bolder', size: 'Medium' });
  if (request.checks.length === 0) {
    return [title, text(`✓ Consent, names, personal details and the account all checked on ${formatDateTime(request.checkedAt)}.`, { color: 'good' })];
  }
  return [
    title,
    text(`✗ ${request.checks.length} problem${request.checks.length === 1 ? '' : 's'} found on ${formatDateTime(request.checkedAt)}. The headteacher cannot approve this until they are fixed:`, { color: 'attention', weight: 'Bolder' }),
    ...request.checks.slice(0, MAX_FAILURES_SHOWN).map((failure) => richText([{ text: '✗ ', bold: true }, failure.message])),
    ...(request.checks.length > MAX_FAILURES_SHOWN ? [text(`…and ${request.checks.length - MAX_FAILURES_SHOWN} more. Fix these first; the rest are listed when the checks run again.`, { color: 'attention' })] : []),
  ];
}

function decisionSection(request: PostingRequest): CardElement[] {
  const decision = request.decision;
  if (!decision) return [];
  return [
    text('Headteacher', { weight: 'Bolder', size: 'Medium' }),
    text(decision.approved ? '**Permission:** ✓ Approved' : '**Permission:** X Refused', { color: decision.approved ? 'good' : 'attention' }),
    ...(decision.reasons ? [userText(decision.reasons, { label: 'Reasons' })] : []),
    richText([{ text: 'Signature: ', bold: true }, ...signedBy(decision.signature)]),
  ];
}

function postedSection(request: PostingRequest): CardElement[] {
  if (!request.posted) return [];
  return [
    text('Posted', { weight: 'Bolder', size: 'Medium' }),
    userText(request.posted.link, { label: 'Link to the post' }),
    richText(['Registered with its pupils, so a later withdrawal of consent finds it — ', ...signedBy(request.posted.signature)]),
  ];
}

function signedBy(signature: Signature): RichPart[] {
  return ['signed in Teams by ', { text: signature.name, bold: true }, ` on ${formatDateTime(signature.at)}`];
}

function inputsFor(model: PostingRequestCardModel): CardElement[] {
  const steps = new Set(model.steps);
  const values = model.values ?? {};
  const errors = model.errors ?? {};
  const inputs: CardElement[] = [];
  if (steps.has('approve') || steps.has('refuse')) {
    inputs.push(textInput('reasons', 'Reasons (required if you refuse)', { multiline: true, maxLength: 1000, ...(values.reasons ? { value: values.reasons } : {}) }), ...(errors.reasons ? [fieldError(errors.reasons)] : []));
  }
  if (steps.has('confirmPosted')) {
    inputs.push(
      textInput('link', 'Link to the post, once it is live', { maxLength: POSTING_LIMITS.link, style: 'Url', placeholder: 'https://…', ...(values.link ? { value: values.link } : {}) }),
      ...(errors.link ? [fieldError(errors.link)] : []),
    );
  }
  return inputs;
}

const STEP_BUTTONS: Record<PostingStep, { title: string; style?: 'positive' | 'destructive' }> = {
  approve: { title: 'Approve ✓', style: 'positive' },
  refuse: { title: 'Refuse X', style: 'destructive' },
  withdraw: { title: 'Withdraw request', style: 'destructive' },
  resubmit: { title: 'Edit and resubmit' },
  confirmPosted: { title: 'It is posted — register it', style: 'positive' },
};

function stepAction(step: PostingStep, data: Record<string, string>): CardAction {
  const button = STEP_BUTTONS[step];
  return executeAction(button.title, POSTING_STEP_VERBS[step], data, button.style ? { style: button.style } : {});
}
