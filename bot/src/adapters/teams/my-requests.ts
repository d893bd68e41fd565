import { listAccessRequests } from '../../app/list-access-requests';
import type { Person } from '../../domain/people/person';
import type { AdaptiveCard } from './cards/card-elements';
import { myRequestsCard } from './cards/simple-cards';
import type { TeamsDeps } from './teams-deps';

/** The "my requests" card: the person's latest access and posting requests. */
export async function myRequests(deps: TeamsDeps, person: Person): Promise<AdaptiveCard> {
  const access = await listAccessRequests(deps, person, { limit: 10, onlyMine: true });
  const posting = await deps.stores.postingRequests.find({ where: { requesterId: person.id }, newestFirst: true, limit: 10 });
  return myRequestsCard(access.items, Boolean(access.next || posting.next), posting.items);
}
