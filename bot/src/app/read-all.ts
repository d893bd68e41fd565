import type { Pupil } from '../domain/school/pupil';
import type { Page, Versioned } from '../ports/collection.port';
import type { Stores } from '../ports/stores.port';

/** Bounds a full read: a school's lists are far smaller, and a runaway loop must stop. */
const MAX_ITEMS = 100_000;

/** Every record a paged query returns, page after page: `readAll((cursor) => collection.find({ limit: 500, cursor }))`. */
export async function readAll<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    all.push(...next.items);
    cursor = next.next;
  } while (cursor && all.length < MAX_ITEMS);
  return all;
}

/**
 * The whole roster, in pages as large as the store serves (SharePoint: 999 items a round trip, so
 * a school of 2,000 pupils is three).
 */
export function allPupils(stores: Pick<Stores, 'pupils'>): Promise<Versioned<Pupil>[]> {
  return readAll((cursor) => stores.pupils.find({ limit: 1000, ...(cursor ? { cursor } : {}) }));
}
