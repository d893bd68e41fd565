import type { Page } from '../ports/collection.port';

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
