import type { Pupil } from '../domain/school/pupil';
import type { Clock } from '../ports/clock.port';
import type { Stores } from '../ports/stores.port';
import { allPupils } from './read-all';

/** How long a roster read is reused: imports are rare, and a post's checks read the whole roster. */
const MAX_AGE_MS = 30_000;

const snapshots = new WeakMap<Stores, { readAt: number; pupils: Promise<Pupil[]> }>();

/**
 * The whole roster, reused for up to 30 seconds per store. Checking a post needs every name on the
 * roster (no full name in the text): 2,000 pupils are three Graph round trips on SharePoint. A
 * failed read is not kept. Consent is never cached: it is read fresh for every check.
 */
export function rosterSnapshot(deps: { stores: Stores; clock: Clock }): Promise<Pupil[]> {
  const now = deps.clock.now().getTime();
  const cached = snapshots.get(deps.stores);
  if (cached && now - cached.readAt < MAX_AGE_MS && now >= cached.readAt) return cached.pupils;
  const pupils = allPupils(deps.stores);
  snapshots.set(deps.stores, { readAt: now, pupils });
  pupils.catch(() => snapshots.delete(deps.stores));
  return pupils;
}

/** After the roster changed in this process (an import), the next read goes to the store. */
export function forgetRoster(stores: Stores): void {
  snapshots.delete(stores);
}
