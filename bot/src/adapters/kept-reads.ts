import type { Clock } from '../ports/clock.port';
import type { Collection, FindQuery, Page, Versioned } from '../ports/collection.port';

/**
 * A collection whose reads (`find`) are kept for `keepMs`: for a list that changes a few times a
 * year and is read on clicks, such as the school's term dates. On SharePoint each read is a round
 * trip. A change made through this instance of the app is seen at once (every write forgets what
 * was kept); one made by hand in SharePoint, or through another instance, once `keepMs` has passed.
 */
export function keptReads<T extends { id: string }, K extends keyof T>(
  collection: Collection<T, K>,
  clock: Clock,
  keepMs: number,
): Collection<T, K> {
  const kept = new Map<string, { page: Promise<Page<Versioned<T>>>; until: number }>();
  const reading: Collection<T, K> = {
    ...forgettingOnWrite(collection, () => kept.clear()),
    find(query: FindQuery<T, K>): Promise<Page<Versioned<T>>> {
      const key = JSON.stringify(query);
      const now = clock.now().getTime();
      const known = kept.get(key);
      if (known && known.until > now) return known.page;
      const page = collection.find(query);
      kept.set(key, { page, until: now + keepMs });
      // A failed read is not kept: the next one asks the store again.
      page.catch(() => kept.delete(key));
      return page;
    },
  };
  return reading;
}

/** The collection, with every write through the app telling the cache to forget what it read. */
export function forgettingOnWrite<T extends { id: string }, K extends keyof T>(
  collection: Collection<T, K>,
  forget: () => void,
): Collection<T, K> {
  const after = async <R>(write: Promise<R>): Promise<R> => {
    try {
      return await write;
    } finally {
      forget();
    }
  };
  return {
    find: (query) => collection.find(query),
    get: (id) => collection.get(id),
    insert: (record) => after(collection.insert(record)),
    insertMany: (records) => after(collection.insertMany(records)),
    update: (record) => after(collection.update(record)),
    updateMany: (records) => after(collection.updateMany(records)),
  };
}
