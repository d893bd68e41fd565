import { useState } from 'react';
import type { Credentials } from '../api';
import { takeEarlyJson } from '../early';

/**
 * What a page shows first: the answer to `path` that the tab asked for as it opened (early.ts), when
 * it has already come, so that the page's first render shows it instead of a spinner and then a second
 * render. `alreadyRead()` is true once, at the page's first read, when the page started that way: it
 * need not ask again for what it shows. Otherwise (not come yet, refused, asked as someone else) the
 * first answer is nothing and the page reads as usual; nothing is asked for twice.
 */
export function useFirstAnswer<T>(path: string, credentials: Credentials): [first: T | undefined, alreadyRead: () => boolean] {
  const [early] = useState(() => {
    const first = takeEarlyJson<T>(path, credentials);
    let unread = first !== undefined;
    const alreadyRead = () => {
      const was = unread;
      unread = false;
      return was;
    };
    return { first, alreadyRead };
  });
  return [early.first, early.alreadyRead];
}
