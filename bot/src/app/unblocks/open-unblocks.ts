import type { AccessRequest } from '../../domain/access/access-request';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import { readAll } from '../read-all';

/** Every site opened after a request (state `unblocked`), and with `reblocked` those blocked again since. */
export async function openedSites(
  stores: Pick<Stores, 'accessRequests'>,
  states: readonly ('unblocked' | 'reblocked')[] = ['unblocked'],
): Promise<Versioned<AccessRequest>[]> {
  const found: Versioned<AccessRequest>[] = [];
  for (const state of states)
    found.push(...(await readAll((cursor) => stores.accessRequests.find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) }))));
  return found;
}
