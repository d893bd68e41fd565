import type { AccessRequest } from '../domain/access/access-request';
import { holds, type Person } from '../domain/people/person';
import type { Page } from '../ports/collection.port';
import type { AppDeps } from './app-deps';

/**
 * The requests a person may see, newest first: everyone sees their own; the people who act on
 * requests (online safety lead, headteacher, ICT) see them all.
 */
export async function listAccessRequests(
  deps: Pick<AppDeps, 'stores'>,
  person: Person,
  page: { limit: number; cursor?: string; onlyMine?: boolean },
): Promise<Page<AccessRequest>> {
  const seesAll = holds(person, 'onlineSafetyLead') || holds(person, 'headteacher') || holds(person, 'ictTechnician');
  const mineOnly = page.onlyMine || !seesAll;
  return deps.stores.accessRequests.find({
    ...(mineOnly ? { where: { requesterId: person.id } } : {}),
    newestFirst: true,
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
}
