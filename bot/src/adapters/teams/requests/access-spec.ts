import { accessReference, type AccessActionType, type AccessRequest } from '../../../domain/access/access-request';
import { whoMay } from '../../../domain/authorization/permissions';
import { ACCESS_CARD } from '../cards/access-request-card';
import { accessRequestFormCard, formValues } from '../cards/access-request-form-card';
import type { RequestSpec } from './request-spec';

const DONE: Record<AccessActionType, string> = {
  forward: 'Sent to the headteacher for a decision. I am letting the requester know.',
  return: 'Returned to the requester with your reason. I am letting them know.',
  approve: 'Approved and signed. I am asking the ICT technician to open the site and letting the requester know.',
  refuse: 'Refused and signed. I am letting the requester know, with your reasons.',
  markDone: 'Marked as done. I am letting the requester know the site is open.',
  withdraw: 'Your request has been withdrawn.',
  resubmit: 'Resubmitted. It is back with the online safety lead.',
};

/** Requests to open a blocked website (s.9, Appendix A) in Teams. */
export const ACCESS_SPEC: RequestSpec<'accessRequest'> = {
  type: 'accessRequest',
  card: ACCESS_CARD,
  noun: 'request',
  command: {
    typed: 'request access',
    what: 'ask for a blocked website to be opened (Social Media Policy, section 9)',
    button: 'Request access to a blocked site',
    pattern: /\b(request access|unblock|blocked (site|website|content|page)|open a (site|website))\b/,
  },
  asked: {
    withOnlineSafetyLead: { text: 'A request to open a blocked website needs your review.', tone: 'warning' },
    withHeadteacher: { text: 'A request to open a blocked website needs your decision.', tone: 'warning' },
    approved: { text: 'Approved: please open this site on the school filter, then mark it done.', tone: 'warning' },
    returnedToRequester: {
      text: 'Your request was returned to you. Read the reason, then edit and resubmit it, or withdraw it.',
      tone: 'warning',
    },
  },
  done: (step) => ({ text: DONE[step], tone: 'good' }),
  links: (deps) => ({ tab: deps.tabLink('requests') }),
  notPermitted: `Only ${whoMay('accessRequest.submit')} can ask for a blocked website to be opened (Social Media Policy, section 9).`,
  form: async (deps, person, options) =>
    accessRequestFormCard({
      ...options,
      requesterName: person.displayName,
      today: deps.clock.now().toISOString(),
      target: options.target ?? { submissionKey: deps.newKey() },
    }),
  formValues: (data) => formValues(data),
  formValuesOf: (request: AccessRequest) => formValues(request),
  keptOnRefusal: (typed) => [
    ['Full URL', typed.url],
    ['Site content', typed.siteContent],
    ['Reasons for access', typed.reasons],
    ['Identified risks and control measures', typed.risksAndControls],
  ],
  saved: (request, alreadySaved) =>
    alreadySaved
      ? { text: `This form was already sent as request ${accessReference(request.id)}; nothing new was saved.`, tone: 'accent' }
      : {
          text: `Saved as request ${accessReference(request.id)}. It is now with the online safety lead; I'll tell you at each step.`,
          tone: 'good',
        },
  resubmitted: () => ({ text: DONE.resubmit, tone: 'good' }),
  cannotEdit: 'Only a returned request can be edited, by the person who made it.',
  list: { title: 'Blocked websites', detail: (request) => request.url },
};
