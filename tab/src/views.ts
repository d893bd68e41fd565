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
} satisfies Record<string, (can: Me['can']) => boolean>;

export type View = keyof typeof VIEWS;

export const DEFAULT_VIEW: View = 'requests';

/** The view named in the query string; a missing or unknown one gives the default. */
export function viewFromQuery(search: string): View {
  const asked = new URLSearchParams(search).get('view') ?? '';
  return Object.hasOwn(VIEWS, asked) ? (asked as View) : DEFAULT_VIEW;
}

/** The view to show this person: one they may not see (a governor sent to consent) gives the default. */
export function viewFor(chosen: View, me: Me | undefined): View {
  return me && !VIEWS[chosen](me.can) ? DEFAULT_VIEW : chosen;
}
