import { whoMay } from '../../../domain/authorization/permissions';
import { postingReference, type PostingRequest } from '../../../domain/posting/posting-request';
import { POSTING_CARD } from '../cards/posting-request-card';
import { postingFormValues, postingFormValuesOf, postingRequestForm } from '../posting-request-view';
import type { Banner } from './request-card';
import type { RequestSpec } from './request-spec';

/** Requests for permission to post on a school account, or to post a reminder for parents (s.4–6), in Teams. */
export const POSTING_SPEC: RequestSpec<'postingRequest'> = {
  type: 'postingRequest',
  card: POSTING_CARD,
  noun: 'request to post',
  command: {
    typed: 'request to post',
    what: 'ask permission to post on a school account, or to post a reminder for parents (sections 4 to 6)',
    button: 'Ask permission to post',
    pattern: /\b(request to post|permission to post|ask to post|post on|new post|reminder for parents|parent reminder)\b|^post$/,
  },
  asked: {
    withHeadteacher: { text: 'A request to post on a school account needs your decision. Every automatic check passed.', tone: 'warning' },
    approved: { text: 'Your post was approved. Post it, then paste the link below so it is registered with its pupils.', tone: 'good' },
    checksFailed: {
      text: 'The checks were run again before the decision and found problems: fix them with "Edit and resubmit".',
      tone: 'warning',
    },
  },
  done: (step, request) => {
    switch (step) {
      case 'approve':
        // An approval the checks blocked (consent withdrawn since the request was made) is not a decision.
        return request.state === 'checksFailed'
          ? {
              text: 'Not approved: the checks, run again just now, found problems (listed below). The request has gone back to the requester to fix.',
              tone: 'attention',
            }
          : { text: 'Approved and signed. I am letting the requester know they may post it.', tone: 'good' };
      case 'refuse':
        return { text: 'Refused and signed. I am letting the requester know, with your reasons.', tone: 'good' };
      case 'withdraw':
        return { text: 'Your request has been withdrawn.', tone: 'good' };
      case 'confirmPosted':
        return { text: 'Thank you. The post is registered with its pupils, so a later withdrawal of consent will find it.', tone: 'good' };
      case 'resubmit':
        return resubmitted(request);
    }
  },
  links: (deps, request) => ({ tab: deps.links.postingRequest(request.id), media: deps.links.postingRequest(request.id) }),
  notPermitted: `Only ${whoMay('postingRequest.submit')} can ask to post on a school account (Social Media Policy, section 5).`,
  form: (deps, person, options) => postingRequestForm(deps, person, options),
  formValues: postingFormValues,
  formValuesOf: postingFormValuesOf,
  keptOnRefusal: (typed) => [
    ['Text of the post', typed.text],
    ['Group label', typed.groupLabel],
  ],
  saved: (request, alreadySaved) =>
    alreadySaved
      ? { text: `This form was already sent as request ${postingReference(request.id)}; nothing new was saved.`, tone: 'accent' }
      : request.state === 'checksFailed'
        ? {
            text: `Saved as request ${postingReference(request.id)}, but the checks found problems (listed below). Fix them with "Edit and resubmit": the headteacher sees it once every check passes.`,
            tone: 'attention',
          }
        : {
            text: `Every check passed. Saved as request ${postingReference(request.id)} and sent to the headteacher; I'll tell you the decision.`,
            tone: 'good',
          },
  resubmitted,
  cannotEdit: 'Only the person who made the request can change it, and only before it is decided.',
  list: { title: 'Permission to post', detail: (request) => `${request.accountLabel}: ${request.text}` },
};

function resubmitted(request: PostingRequest): Banner {
  return request.state === 'withHeadteacher'
    ? { text: 'Every check passed. It is with the headteacher now.', tone: 'good' }
    : { text: 'Saved, but the checks still found problems (listed below).', tone: 'attention' };
}
