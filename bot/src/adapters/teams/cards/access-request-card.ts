import { accessReference, type AccessRequest } from '../../../domain/access/access-request';
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

/** A request to open a blocked website, as Appendix A lays it out: the request, the lead's review, the decision, ICT. */
export const ACCESS_CARD: RequestCardSpec<'accessRequest'> = {
  type: 'accessRequest',
  heading: (request) => `Blocked content access request ${accessReference(request.id)}`,
  tones: {
    withOnlineSafetyLead: 'accent',
    returnedToRequester: 'warning',
    withHeadteacher: 'accent',
    approved: 'good',
    refused: 'attention',
    unblocked: 'good',
    withdrawn: 'default',
  },
  sections: (request) => [
    requesterLine(request, 'Requester'),
    userText(request.url, { label: 'Full URL' }),
    userText(request.siteContent, { label: 'Site content' }),
    userText(request.reasons, { label: 'Reasons for access' }),
    userText(request.risksAndControls, { label: 'Identified risks and control measures' }),
    ...reviewSection(request),
    // Appendix A, the authoriser's half: Approved ✓ / X, reasons, name, date and signature.
    ...decisionSection('Authoriser', 'Approved?', request.decision),
    ...ictSection(request),
  ],
  fields: [
    { id: 'note', label: 'Note (required if you return it)', steps: ['forward', 'return'], multiline: true, maxLength: LIMITS.note },
    {
      id: 'addedRisksAndControls',
      label: 'Further risks and control measures (optional)',
      steps: ['forward', 'return'],
      multiline: true,
      maxLength: LIMITS.note,
    },
    { id: 'reasons', label: 'Reasons (required if you refuse)', steps: ['approve', 'refuse'], multiline: true, maxLength: LIMITS.note },
    { id: 'note', label: 'What was changed on the filter (optional)', steps: ['markDone'], multiline: true, maxLength: LIMITS.note },
  ],
  buttons: {
    forward: { verb: 'forwardAccessRequest', title: 'Send to the headteacher', style: 'positive' },
    return: { verb: 'returnAccessRequest', title: 'Return to requester' },
    approve: { verb: 'approveAccessRequest', title: 'Approve ✓', style: 'positive' },
    refuse: { verb: 'refuseAccessRequest', title: 'Refuse X', style: 'destructive' },
    markDone: { verb: 'markAccessRequestDone', title: 'Done — site opened', style: 'positive' },
    withdraw: { verb: 'withdrawAccessRequest', title: 'Withdraw request', style: 'destructive' },
    // Opens the form again; sending that form is the form's own verb.
    resubmit: { verb: 'editAccessRequest', title: 'Edit and resubmit' },
  },
};

export function accessRequestCard(model: RequestCardModel<'accessRequest'>): AdaptiveCard {
  return requestCard(ACCESS_CARD, model);
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

function ictSection(request: AccessRequest): CardElement[] {
  if (!request.actioned) return [];
  return [
    text('ICT action', { weight: 'Bolder', size: 'Medium' }),
    richText(['Site opened — ', ...signedBy(request.actioned.signature)]),
    ...(request.actioned.note ? [userText(request.actioned.note, { label: 'What was changed' })] : []),
  ];
}
