import type { AccessRequest } from '../../domain/access/access-request';
import { availableSteps, maySee } from '../../domain/access/access-request-rules';
import { may, whoMay } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import { accessRequestCard, type AccessRequestCardModel } from './cards/access-request-card';
import { accessRequestFormCard } from './cards/access-request-form-card';
import type { AdaptiveCard } from './cards/card-elements';
import { messageCard } from './cards/simple-cards';
import type { TeamsDeps } from './teams-deps';

/** The card one person sees for a request: buttons only for the steps they may take now. */
export function accessRequestCardFor(
  request: Versioned<AccessRequest>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: Pick<AccessRequestCardModel, 'banner' | 'values' | 'errors'> = {},
): AdaptiveCard {
  if (!maySee(request, viewer)) return messageCard(`You don't have access to request #${request.id}.`, 'Blocked content access request');
  return accessRequestCard({ request, steps: availableSteps(request, viewer), ...(viewerTeamsId ? { viewerTeamsId } : {}), ...extras });
}

/** A blank Appendix A form with a fresh submission key, for staff; anyone else is told who may ask. */
export function newAccessRequestForm(deps: Pick<TeamsDeps, 'clock' | 'newKey'>, person: Person): AdaptiveCard {
  if (!may(person, 'accessRequest.submit')) {
    return messageCard(`Only ${whoMay('accessRequest.submit')} can ask for a blocked website to be opened (Social Media Policy, section 9).`);
  }
  return accessRequestFormCard({ requesterName: person.displayName, today: deps.clock.now().toISOString(), target: { submissionKey: deps.newKey() } });
}
