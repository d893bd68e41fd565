import type { AccessActionType, AccessRequest } from '../domain/access/access-request';
import { availableSteps, pendingActions } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import { availablePostingSteps, pendingPostingActions, type PostingRequest, type PostingStep } from '../domain/posting/posting-request';
import type { AppDeps } from './app-deps';
import { holdersFor } from './role-holders';

/** The steps this person may take on an access request now: the buttons its card gives them. */
export async function accessStepsFor(deps: Pick<AppDeps, 'directory'>, person: Person, request: AccessRequest): Promise<AccessActionType[]> {
  return availableSteps(request, person, await holdersFor(deps, person, pendingActions(request)));
}

/** The steps this person may take on a request to post now. */
export async function postingStepsFor(deps: Pick<AppDeps, 'directory'>, person: Person, request: PostingRequest): Promise<PostingStep[]> {
  return availablePostingSteps(request, person, await holdersFor(deps, person, pendingPostingActions(request)));
}
