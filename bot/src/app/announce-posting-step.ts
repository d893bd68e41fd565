import type { Person } from '../domain/people/person';
import { whoToTellAboutPosting } from '../domain/posting/posting-request';
import type { AppDeps } from './app-deps';
import { announceStep } from './announce-step';

/** After a step on a posting request is saved: update its cards, ask the headteacher or the requester. */
export async function announcePostingStep(deps: AppDeps, requestId: string, actor: Person, clickedActivityId?: string): Promise<void> {
  const request = await deps.stores.postingRequests.get(requestId);
  if (!request) return;
  const step = request.history.at(-1)?.step ?? 'submit';
  await announceStep(deps, { recordType: 'postingRequest', recordId: request.id, requesterId: request.requesterId }, whoToTellAboutPosting(request, step), actor, clickedActivityId);
}
