import { accessReference, ACCESS_REQUEST_STATES } from '../../domain/access/access-request';
import { ACCESS_STEP_RULES, availableSteps, awaitedSteps } from '../../domain/access/access-request-rules';
import { readAll } from '../read-all';
import { requestsWaiting } from './requests-waiting';

/** Blocked-website requests waiting for a review, a decision, the ICT technician or the requester (s.9, Appendix A). */
export const accessRequestsWaiting = requestsWaiting({
  recordType: 'accessRequest',
  states: ACCESS_REQUEST_STATES,
  actions: Object.values(ACCESS_STEP_RULES).map((rule) => rule.action),
  inState: (stores, state) => readAll((cursor) => stores.accessRequests.find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) })),
  awaited: awaitedSteps,
  available: availableSteps,
  reference: accessReference,
  describe: (request) => ({ title: request.url }),
});
