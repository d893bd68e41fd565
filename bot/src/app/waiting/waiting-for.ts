import { PERMISSION_TYPES, type PermissionType } from '../../domain/permission/permission-request';
import type { Person } from '../../domain/people/person';
import { WORKFLOWS } from '../../domain/workflow/workflows';
import type { AppDeps } from '../app-deps';
import { requestsWaiting } from './requests-waiting';
import { takedownsWaiting } from './takedowns-waiting';
import { trainingWaiting } from './training-waiting';
import { reviewActionsWaiting } from './review-actions-waiting';
import { unblocksWaiting } from './unblocks-waiting';
import { WAITING_RECORD_TYPES, type WaitingItem, type WaitingProvider, type WaitingRecordType } from './waiting-item';

/** One provider per kind of record: a new kind of request is one more entry. */
export const WAITING_PROVIDERS: Record<WaitingRecordType, WaitingProvider> = {
  // Blocked-website requests waiting for a review, a decision, the ICT technician or the requester (s.9, Appendix A).
  // …and open unblocks past their last day, or with none (the DfE filtering standards: every unblock ends).
  accessRequest: both(
    requestsWaiting('accessRequest', (request) => ({ title: request.url })),
    unblocksWaiting,
  ),
  // Requests to post waiting for the headteacher's decision, or for the requester to fix or post them (s.4–6).
  postingRequest: requestsWaiting('postingRequest', (request) => ({ title: request.text, facts: { account: request.accountLabel } })),
  // The smaller permissions (s.5, s.7), each described by its definition's summary.
  ...(Object.fromEntries(
    PERMISSION_TYPES.map((type) => [type, requestsWaiting(type, (request) => ({ title: WORKFLOWS[type].summary(request) }))]),
  ) as Record<PermissionType, WaitingProvider>),
  takedown: takedownsWaiting,
  trainingRecord: trainingWaiting,
  // The actions agreed at the annual filtering and monitoring review, for the person given each.
  reviewAction: reviewActionsWaiting,
};

function both(first: WaitingProvider, second: WaitingProvider): WaitingProvider {
  return async (deps, person) => [...(await first(deps, person)), ...(await second(deps, person))];
}

export interface Waiting {
  /** Newest first. */
  items: WaitingItem[];
  counts: Record<WaitingRecordType, number>;
}

/**
 * Everything that waits for this person, across every kind of record: what the chat's "waiting for
 * me" and the tab's *Waiting for me* page show. Each provider decides with the domain's own rules
 * who may act, so this list and the buttons on each record's card always agree.
 */
export async function waitingFor(
  deps: AppDeps,
  person: Person,
  providers: Record<WaitingRecordType, WaitingProvider> = WAITING_PROVIDERS,
): Promise<Waiting> {
  const found = await Promise.all(WAITING_RECORD_TYPES.map((type) => providers[type](deps, person)));
  const items = found.flat().sort((a, b) => b.since.localeCompare(a.since) || a.reference.localeCompare(b.reference));
  const counts = Object.fromEntries(WAITING_RECORD_TYPES.map((type, index) => [type, found[index]!.length])) as Record<
    WaitingRecordType,
    number
  >;
  return { items, counts };
}
