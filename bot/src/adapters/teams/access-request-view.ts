import { accessReference, type AccessRequest } from '../../domain/access/access-request';
import { availableSteps, maySee, pendingActions } from '../../domain/access/access-request-rules';
import type { RoleHolders } from '../../domain/authorization/deciders';
import { may, whoMay } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import { accessRequestCard, type AccessRequestCardModel } from './cards/access-request-card';
import { accessRequestFormCard } from './cards/access-request-form-card';
import type { AdaptiveCard } from './cards/card-elements';
import { messageCard } from './cards/simple-cards';
import { holdersFor } from '../../app/role-holders';
import { decisionNote } from './decision-note';
import { fitCard } from './cards/fit-card';
import type { TeamsDeps } from './teams-deps';

/**
 * The card one person sees for a request: buttons only for the steps they may take now. `holders`
 * is needed only when the viewer stands in for a role (the requester is its only holder).
 */
export function accessRequestCardFor(
  request: Versioned<AccessRequest>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: Pick<AccessRequestCardModel, 'banner' | 'values' | 'errors'> & { holders?: RoleHolders; tabUrl?: string } = {},
): AdaptiveCard {
  const { holders, tabUrl, ...shown } = extras;
  const steps = availableSteps(request, viewer, holders);
  // Someone standing in for a role sees the request because they may decide it.
  if (!maySee(request, viewer) && steps.length === 0) return messageCard(`You don't have access to request ${accessReference(request.id)}.`, 'Blocked content access request');
  const note = decisionNote(request, viewer, pendingActions(request), holders);
  const card = accessRequestCard({ request, steps, viewerIsRequester: viewer.id === request.requesterId, ...(viewerTeamsId ? { viewerTeamsId } : {}), ...(note ? { decisionNote: note } : {}), ...shown });
  return fitCard(card, tabUrl ? { label: `Open ${accessReference(request.id)} in the tab`, url: tabUrl } : undefined);
}

/** The card as above, looking up who holds the roles only when this viewer stands in for one. */
export async function accessRequestCardForViewer(
  deps: Pick<TeamsDeps, 'directory' | 'tabLink'>,
  request: Versioned<AccessRequest>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: Pick<AccessRequestCardModel, 'banner' | 'values' | 'errors'> = {},
): Promise<AdaptiveCard> {
  return accessRequestCardFor(request, viewer, viewerTeamsId, { ...extras, holders: await holdersFor(deps, viewer, pendingActions(request)), tabUrl: deps.tabLink('requests') });
}

/** A blank Appendix A form with a fresh submission key, for staff; anyone else is told who may ask. */
export function newAccessRequestForm(deps: Pick<TeamsDeps, 'clock' | 'newKey'>, person: Person): AdaptiveCard {
  if (!may(person, 'accessRequest.submit')) {
    return messageCard(`Only ${whoMay('accessRequest.submit')} can ask for a blocked website to be opened (Social Media Policy, section 9).`);
  }
  return accessRequestFormCard({ requesterName: person.displayName, today: deps.clock.now().toISOString(), target: { submissionKey: deps.newKey() } });
}
