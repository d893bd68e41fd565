import { availablePostingSteps, awaitedPostingSteps, POSTING_STATE_LABELS, POSTING_STEP_RULES, postingReference, type PostingState } from '../../domain/posting/posting-request';
import { readAll } from '../read-all';
import { requestsWaiting } from './requests-waiting';

/** Requests to post waiting for the headteacher's decision, or for the requester to fix or post them (s.4–6). */
export const postingRequestsWaiting = requestsWaiting({
  recordType: 'postingRequest',
  states: Object.keys(POSTING_STATE_LABELS) as PostingState[],
  actions: Object.values(POSTING_STEP_RULES).map((rule) => rule.action),
  inState: (stores, state) => readAll((cursor) => stores.postingRequests.find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) })),
  awaited: awaitedPostingSteps,
  available: availablePostingSteps,
  reference: postingReference,
  describe: (request) => ({ title: request.text, facts: { account: request.accountLabel } }),
});
