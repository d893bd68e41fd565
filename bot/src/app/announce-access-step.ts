import type { AccessActionType } from '../domain/access/access-request';
import { whoToTell } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import type { AppDeps } from './app-deps';
import { announceStep } from './announce-step';

/** After a step on an access request is saved: update its cards and tell the people s.9 names. */
export async function announceAccessStep(deps: AppDeps, requestId: string, step: AccessActionType | 'submit', actor: Person, clickedActivityId?: string): Promise<void> {
  const request = await deps.stores.accessRequests.get(requestId);
  if (!request) return;
  await announceStep(deps, { recordType: 'accessRequest', recordId: request.id, requesterId: request.requesterId }, whoToTell(step), actor, clickedActivityId);
}
