import type { Me } from './api';

/**
 * The pages of the tab, by the `?view=` the Teams manifest's static tabs open it with, and who may
 * see each (the server checks again). Add a page with one line here.
 */
export const VIEWS = {
  requests: () => true,
  consent: (can: Me['can']) => can.seeConsent,
  accounts: (can: Me['can']) => can.seeAccounts,
  training: () => true,
  settings: (can: Me['can']) => can.seeSettings,
  readiness: (can: Me['can']) => can.seeReadiness,
  devices: (can: Me['can']) => can.seeDevices,
  // One request to post with its photos and videos (the server says who may see it).
  posting: () => true,
} satisfies Record<string, (can: Me['can']) => boolean>;

export type View = keyof typeof VIEWS;

export const DEFAULT_VIEW: View = 'requests';

/** The view named in the query string; a missing or unknown one gives the default. Inside Teams a card's deep link names a request to post as the sub-page `posting-<id>`. */
export function viewFromQuery(search: string, subPageId?: string): View {
  if (postingRequestId(search, subPageId)) return 'posting';
  const asked = new URLSearchParams(search).get('view') ?? '';
  return Object.hasOwn(VIEWS, asked) && asked !== 'posting' ? (asked as View) : DEFAULT_VIEW;
}

/** The request to post the page was opened on: `?view=posting&id=12`, or Teams' sub-page `posting-12`. */
export function postingRequestId(search: string, subPageId?: string): string | undefined {
  const query = new URLSearchParams(search);
  const fromQuery = query.get('view') === 'posting' ? query.get('id') ?? '' : '';
  const id = /^\d{1,12}$/.test(fromQuery) ? fromQuery : /^posting-(\d{1,12})$/.exec(subPageId ?? '')?.[1];
  return id || undefined;
}

/** The view to show this person: one they may not see (a governor sent to consent) gives the default. */
export function viewFor(chosen: View, me: Me | undefined): View {
  return me && !VIEWS[chosen](me.can) ? DEFAULT_VIEW : chosen;
}
