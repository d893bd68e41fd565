import type { AccessActionType, AccessRequest } from '../domain/access/access-request';
import { maySee } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import { maySeePostingRequest, type PostingRequest, type PostingStep } from '../domain/posting/posting-request';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';
import { accessStepsFor, postingStepsFor } from './steps-for';

export type RequestForViewer<R, S> = { status: 'ok'; request: Versioned<R>; steps: S[] } | { status: 'not-permitted' } | { status: 'not-found' };

/** What showing one request type to a viewer needs: how to read it, who may see it, which steps they may take. */
interface ViewedType<R, S> {
  recordType: 'accessRequest' | 'postingRequest';
  audit: string;
  get(deps: AppDeps, id: string): Promise<Versioned<R> | undefined>;
  maySee(request: R, viewer: Person): boolean;
  steps(deps: AppDeps, viewer: Person, request: R): Promise<S[]>;
}

/**
 * A request for someone who may see it, or who decides it in the requester's place, with the steps
 * they may take now: what its card shows them. Refusals are audited.
 */
async function requestFor<R extends { id: string }, S>(type: ViewedType<R, S>, deps: AppDeps, viewer: Person, requestId: string): Promise<RequestForViewer<R, S>> {
  const request = /^\d{1,12}$/.test(requestId) ? await type.get(deps, requestId) : undefined;
  if (!request) return { status: 'not-found' };
  const steps = await type.steps(deps, viewer, request);
  if (!type.maySee(request, viewer) && steps.length === 0) {
    await recordAudit(deps, viewer, { action: type.audit, recordType: type.recordType, recordId: request.id, summary: 'Viewing refused: the person may not see this request' });
    return { status: 'not-permitted' };
  }
  return { status: 'ok', request, steps };
}

/** An access request (see `maySee`: its requester, those who act on requests, anyone who took a step). */
export function accessRequestFor(deps: AppDeps, viewer: Person, requestId: string): Promise<RequestForViewer<AccessRequest, AccessActionType>> {
  return requestFor({ recordType: 'accessRequest', audit: 'access-request.view.denied', get: (d, id) => d.stores.accessRequests.get(id), maySee, steps: accessStepsFor }, deps, viewer, requestId);
}

/** A request to post (its requester, those who oversee posting, anyone who took a step). */
export function postingRequestFor(deps: AppDeps, viewer: Person, requestId: string): Promise<RequestForViewer<PostingRequest, PostingStep>> {
  return requestFor({ recordType: 'postingRequest', audit: 'posting-request.view.denied', get: (d, id) => d.stores.postingRequests.get(id), maySee: maySeePostingRequest, steps: postingStepsFor }, deps, viewer, requestId);
}
