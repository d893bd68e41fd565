import { reasonsSchema } from '../access/access-request-input';
import { finishedStates, refusal, withdrawal } from '../workflow/common-steps';
import { defineWorkflow } from '../workflow/workflow';
import { newPostingRequest, postingReference, type PostingAction, type PostingRequest, type PreparedPosting } from './posting-request';
import { postLinkSchema, validatePostingRequestInput, type PostingRequestInput } from './posting-request-input';

/**
 * Permission to post on a school account, or to post a reminder for parents (s.4–6): the checks run
 * first (consent, names, personal details, the account, the device), so the headteacher sees only
 * requests that pass them; an approval runs them again and is blocked by any failure; the requester
 * posts and confirms it with the link, which registers the post with its pupils (so a later
 * withdrawal of consent finds it).
 */
export const POSTING_WORKFLOW = defineWorkflow<PostingRequest, PostingAction, PostingRequestInput, PreparedPosting>({
  type: 'postingRequest',
  name: 'Permission to post',
  summary: (request) => request.accountLabel,
  auditName: 'posting-request',
  reference: postingReference,
  viewAll: 'postingRequest.viewAll',
  states: {
    checksFailed: {
      label: 'Needs changes before the headteacher can decide',
      forRequester: 'Needs your changes before the headteacher can decide',
      waitsOn: 'requester',
      unreminded: true,
    },
    withHeadteacher: { label: 'With the headteacher', waitsOn: 'headteacher', escalateTo: 'chairOfGovernors' },
    approved: {
      label: 'Approved — waiting for the requester to post it',
      forRequester: 'Approved — post it, then confirm with the link',
      waitsOn: 'requester',
    },
    ...finishedStates({ refused: 'Refused', posted: 'Posted and registered', withdrawn: 'Withdrawn' }),
  },
  steps: {
    approve: {
      action: 'postingRequest.approve',
      from: ['withHeadteacher'],
      label: 'approve a post',
      fields: { reasons: reasonsSchema },
      // s.4: consent may have been withdrawn since the request was made; a failed check always blocks approval.
      apply: (_request, step, signature) =>
        step.checks.length
          ? { changes: { state: 'checksFailed', checks: step.checks, checkedAt: signature.at }, recorded: 'checksFailed' }
          : {
              changes: {
                state: 'approved',
                checks: [],
                checkedAt: signature.at,
                decision: { approved: true, reasons: step.reasons ?? '', signature },
              },
              ...(step.reasons ? { note: step.reasons } : {}),
            },
    },
    refuse: refusal(
      'postingRequest.refuse',
      ['withHeadteacher'],
      'refuse a post',
      'A refusal needs reasons, so the requester knows what to change.',
    ),
    withdraw: withdrawal('postingRequest.withdraw', ['checksFailed', 'withHeadteacher', 'approved']),
    resubmit: {
      action: 'postingRequest.resubmit',
      from: ['checksFailed', 'withHeadteacher'],
      label: 'change this request',
      takesForm: true,
      apply: (_request, step, signature) => {
        const failed = step.checks.length > 0;
        return {
          changes: { ...step.input, checks: step.checks, checkedAt: signature.at, state: failed ? 'checksFailed' : 'withHeadteacher' },
          recorded: failed ? 'checksFailed' : 'resubmit',
        };
      },
    },
    confirmPosted: {
      action: 'postingRequest.confirmPosted',
      from: ['approved'],
      label: 'confirm this post',
      fields: { link: postLinkSchema },
      apply: (_request, step, signature) => ({ changes: { state: 'posted', posted: { link: step.link, postId: step.postId, signature } } }),
    },
  },
  told: {
    submit: { act: ['headteacher'], informed: [] },
    resubmit: { act: ['headteacher'], informed: [] },
    // A blocked approval goes back to the requester; a failed first submission is shown to them at once.
    checksFailed: { tell: (request) => (request.history.length > 1 ? { act: ['requester'], informed: [] } : { act: [], informed: [] }) },
    approve: { act: ['requester'], informed: [] },
    refuse: { act: [], informed: ['requester'] },
    withdraw: { act: [], informed: [] },
    confirmPosted: { act: [], informed: [] },
    // The cards already sent update themselves; a change that moves the request on is recorded as 'resubmit' or 'checksFailed'.
    attach: { act: [], informed: [] },
    detach: { act: [], informed: [] },
  },
  nudges: { remindAfter: 2, escalateAfter: 3 },
  submission: {
    action: 'postingRequest.submit',
    read: validatePostingRequestInput,
    open: (prepared, requester, submissionKey, now) => newPostingRequest(prepared.details, prepared.checks, requester, submissionKey, now),
    audit: (request) => (request.checks.length ? `Submitted; ${request.checks.length} check(s) failed` : 'Submitted; every check passed'),
  },
});
