import type { AccessActionType, AccessRequest } from '../domain/access/access-request';
import { maySee } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';
import { accessStepsFor } from './steps-for';

export type AccessRequestForViewer =
  | { status: 'ok'; request: Versioned<AccessRequest>; steps: AccessActionType[] }
  | { status: 'not-permitted' }
  | { status: 'not-found' };

/**
 * An access request for someone who may see it (see `maySee`, and whoever decides it in the
 * requester's place), with the steps they may take now: what its card shows them. Refusals are audited.
 */
export async function accessRequestFor(deps: AppDeps, viewer: Person, requestId: string): Promise<AccessRequestForViewer> {
  const request = /^\d{1,12}$/.test(requestId) ? await deps.stores.accessRequests.get(requestId) : undefined;
  if (!request) return { status: 'not-found' };
  const steps = await accessStepsFor(deps, viewer, request);
  if (!maySee(request, viewer) && steps.length === 0) {
    await recordAudit(deps, viewer, { action: 'access-request.view.denied', recordType: 'accessRequest', recordId: request.id, summary: 'Viewing refused: the person may not see this request' });
    return { status: 'not-permitted' };
  }
  return { status: 'ok', request, steps };
}
