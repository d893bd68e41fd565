import { postingReference, type PostingRequest } from '../../../domain/posting/posting-request';
import { POSTING_LIMITS } from '../../../domain/posting/posting-request-input';
import { LIMITS } from '../../../domain/access/access-request-input';
import {
  decisionSection,
  requestCard,
  requesterLine,
  signedBy,
  type RequestCardModel,
  type RequestCardSpec,
} from '../requests/request-card';
import { richText, text, userText, type AdaptiveCard, type CardElement } from './card-elements';
import { formatDate, formatDateTime } from './format';
import { postingMediaSection } from './posting-media-section';

/** Enough to act on, and the card stays under Teams' size limit with 60 pupils failing. */
const MAX_FAILURES_SHOWN = 10;

const MEDIA_LABELS = { images: 'Images', videos: 'Videos' } as const;

/**
 * The card may take this many characters of JSON (about 34 KB as Teams counts it, UTF-16) before
 * thumbnails stop being added: well under Teams' 40 KB message limit, whatever else the card holds.
 */
export const POSTING_CARD_CHARACTERS = 17_000;

/** A request for permission to post, as one person sees it: what will be posted, the checks first, then the decision. */
export const POSTING_CARD: RequestCardSpec<'postingRequest'> = {
  type: 'postingRequest',
  heading: (request) =>
    `${request.kind === 'parentReminder' ? 'Reminder for parents' : 'Permission to post'} ${postingReference(request.id)}`,
  tones: {
    checksFailed: 'attention',
    withHeadteacher: 'accent',
    approved: 'good',
    refused: 'attention',
    posted: 'good',
    withdrawn: 'default',
  },
  sections: (request, shown) => [
    requesterLine(request, 'Requested by'),
    userText(request.accountLabel, { label: 'School account' }),
    text(`**Planned for:** ${formatDate(`${request.postingDate}T12:00:00Z`)}`),
    text(`**Media:** ${request.media.length ? request.media.map((media) => MEDIA_LABELS[media]).join(' and ') : 'None (text only)'}`),
    ...mediaFacts(request),
    ...(request.groupLabel ? [userText(request.groupLabel, { label: 'Group label' })] : []),
    userText(request.text, { label: 'Text of the post' }),
    ...postingMediaSection(request, shown.mediaLink, shown.room),
    ...pupilsSection(request),
    ...checksSection(request),
    ...decisionSection('Headteacher', 'Permission:', request.decision),
    ...postedSection(request),
  ],
  fields: [
    { id: 'reasons', label: 'Reasons (required if you refuse)', steps: ['approve', 'refuse'], multiline: true, maxLength: LIMITS.note },
    {
      id: 'link',
      label: 'Link to the post, once it is live',
      steps: ['confirmPosted'],
      maxLength: POSTING_LIMITS.link,
      style: 'Url',
      placeholder: 'https://…',
    },
  ],
  buttons: {
    approve: { verb: 'approvePostingRequest', title: 'Approve ✓', style: 'positive' },
    refuse: { verb: 'refusePostingRequest', title: 'Refuse X', style: 'destructive' },
    withdraw: { verb: 'withdrawPostingRequest', title: 'Withdraw request', style: 'destructive' },
    // Opens the form again; sending that form is the form's own verb.
    resubmit: { verb: 'editPostingRequest', title: 'Edit and resubmit' },
    confirmPosted: { verb: 'confirmPosted', title: 'It is posted — register it', style: 'positive' },
  },
  roomFor: POSTING_CARD_CHARACTERS,
};

export function postingRequestCard(model: RequestCardModel<'postingRequest'>): AdaptiveCard {
  return requestCard(POSTING_CARD, model);
}

/** s.4: the device must be an approved one (checked); blurring is what the requester says (not checked). */
function mediaFacts(request: PostingRequest): CardElement[] {
  if (!request.media.length) return [];
  return [
    ...(request.deviceLabel ? [userText(request.deviceLabel, { label: 'Taken on (approved school device)' })] : []),
    text(`**Faces blurred:** ${request.facesBlurred ? 'yes' : 'no'} (the requester's own statement: the app does not check it)`),
  ];
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
    return [
      title,
      text(`✓ Consent, names, personal details and the account all checked on ${formatDateTime(request.checkedAt)}.`, { color: 'good' }),
    ];
  }
  return [
    title,
    text(
      `✗ ${request.checks.length} problem${request.checks.length === 1 ? '' : 's'} found on ${formatDateTime(request.checkedAt)}. The headteacher cannot approve this until they are fixed:`,
      { color: 'attention', weight: 'Bolder' },
    ),
    ...request.checks.slice(0, MAX_FAILURES_SHOWN).map((failure) => richText([{ text: '✗ ', bold: true }, failure.message])),
    ...(request.checks.length > MAX_FAILURES_SHOWN
      ? [
          text(`…and ${request.checks.length - MAX_FAILURES_SHOWN} more. Fix these first; the rest are listed when the checks run again.`, {
            color: 'attention',
          }),
        ]
      : []),
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
