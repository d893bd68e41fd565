import { may } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { PostingRequest } from '../domain/posting/posting-request';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';

/** The newest requests to post: everyone's for those who oversee posting (s.5), otherwise the person's own. */
export async function listPostingRequests(deps: AppDeps, person: Person): Promise<Versioned<PostingRequest>[]> {
  const page = may(person, 'postingRequest.viewAll')
    ? await deps.stores.postingRequests.find({ newestFirst: true, limit: 50 })
    : await deps.stores.postingRequests.find({ where: { requesterId: person.id }, newestFirst: true, limit: 50 });
  return page.items;
}
