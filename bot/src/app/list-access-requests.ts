import type { AccessRequest } from '../domain/access/access-request';
import { seesEveryAccessRequest } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import type { Page } from '../ports/collection.port';
import type { AppDeps } from './app-deps';

/** The requests a person may see (see `maySee`), newest first. */
export async function listAccessRequests(
  deps: Pick<AppDeps, 'stores'>,
  person: Person,
  page: { limit: number; cursor?: string; onlyMine?: boolean },
): Promise<Page<AccessRequest>> {
  const mineOnly = page.onlyMine || !seesEveryAccessRequest(person);
  return deps.stores.accessRequests.find({
    ...(mineOnly ? { where: { requesterId: person.id } } : {}),
    newestFirst: true,
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
}
