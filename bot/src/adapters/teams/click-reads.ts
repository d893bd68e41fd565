import { AsyncLocalStorage } from 'node:async_hooks';
import type { Collection, FindQuery, Page, Versioned } from '../../ports/collection.port';

type Memo = Map<string, { collection: string; query: FindQuery<never, never>; page: Promise<Page<Versioned<{ id: string }>>> }>;

/**
 * What one click has read. A click is one activity from Teams and the work it starts in the
 * background (notices, card refreshes): it asks for the person's conversation record and the list
 * of cards sent about a record several times over (capturing the conversation, remembering the
 * clicked card, sending and refreshing cards); each distinct query goes to the store once per
 * click and is answered from here after that. The next click reads afresh, so nothing is kept
 * longer than a click takes.
 */
const clicks = new AsyncLocalStorage<Memo>();

/** Runs one click's work (and whatever it starts) with its own memory of what it read. */
export function duringClick<R>(work: () => Promise<R>): Promise<R> {
  return clicks.run(new Map(), work);
}

/**
 * The collection, with `find` answered once per click for each query. What the click writes is
 * written through, and kept in the pages it read that it belongs on (a whole result, filtered on
 * fields the record has), so later reads in the click see it; any other page is read again.
 * Outside a click (jobs, the tabs' API) every call goes to the store.
 */
export function readOncePerClick<T extends { id: string }, K extends keyof T>(
  name: string,
  collection: Collection<T, K>,
): Collection<T, K> {
  const memo = () => clicks.getStore();
  const written = (record: Versioned<T>) => {
    const reads = memo();
    for (const [key, entry] of reads ?? []) {
      if (entry.collection !== name) continue;
      if (entry.query.cursor || entry.query.atLeast) {
        reads!.delete(key);
        continue;
      }
      const belongs = Object.entries(entry.query.where ?? {}).every(
        ([field, value]) => (record as Record<string, unknown>)[field] === value,
      );
      entry.page = entry.page.then((page) => (page.next ? page : { ...page, items: withRecord(page.items, record, belongs) }));
    }
    return record;
  };
  return {
    find(query: FindQuery<T, K>): Promise<Page<Versioned<T>>> {
      const reads = memo();
      if (!reads) return collection.find(query);
      const key = `${name} ${JSON.stringify(query)}`;
      const known = reads.get(key);
      if (known) return known.page as Promise<Page<Versioned<T>>>;
      const page = collection.find(query);
      reads.set(key, { collection: name, query: query as FindQuery<never, never>, page: page as Promise<Page<Versioned<{ id: string }>>> });
      // A failed read is not remembered: the next use in the click tries the store again.
      page.catch(() => reads.delete(key));
      return page;
    },
    get: (id) => collection.get(id),
    insert: async (record) => written(await collection.insert(record)),
    insertMany: async (records) => (await collection.insertMany(records)).map(written),
    update: async (record) => written(await collection.update(record)),
    updateMany: async (records) => {
      const outcomes = await collection.updateMany(records);
      for (const outcome of outcomes) if (outcome.status === 'saved') written(outcome.record);
      return outcomes;
    },
  };
}

/** The page's records with this one written: in its place, added at the end, or taken out when it no longer matches. */
function withRecord<R extends { id: string }>(items: R[], record: R, belongs: boolean): R[] {
  if (!belongs) return items.filter((item) => item.id !== record.id);
  return items.some((item) => item.id === record.id) ? items.map((item) => (item.id === record.id ? record : item)) : [...items, record];
}
