import type { Me } from '../../bot/src/contracts/me';

/**
 * The pages of the tab, in the order the navigation shows them, by the `?view=` the Teams
 * manifest's static tabs open it with, and who may see each: the server says so in `/api/me`
 * (and checks again on every call). Add a page with one line here and one in App.tsx.
 */
export const VIEWS = {
  requests: () => true,
  incidents: (can: Me['can']) => can.seeIncidents,
  consent: (can: Me['can']) => can.seeConsent,
  accounts: (can: Me['can']) => can.seeAccounts,
  training: () => true,
  devices: (can: Me['can']) => can.seeDevices,
  settings: (can: Me['can']) => can.seeSettings,
  readiness: (can: Me['can']) => can.seeReadiness,
  // One request to post with its photos and videos (the server says who may see it); not in the navigation.
  posting: () => true,
} satisfies Record<string, (can: Me['can']) => boolean>;

export type View = keyof typeof VIEWS;

export const DEFAULT_VIEW: View = 'requests';

/** One record a link opened the tab on: `?view=posting&id=12` or `?view=incidents&id=3`, or inside Teams the sub-page `posting-12` or `incident-3`. */
export interface Opened {
  view: View;
  id?: string;
}

const RECORD_PAGES: Record<string, View> = { posting: 'posting', incident: 'incidents' };

/** The page (and record) a link names; a missing or unknown one gives the default page. */
export function openedFrom(search: string, subPageId?: string): Opened {
  const sub = /^(posting|incident)-(\d{1,12})$/.exec(subPageId ?? '');
  if (sub) return { view: RECORD_PAGES[sub[1]!]!, id: sub[2]! };
  const query = new URLSearchParams(search);
  const asked = query.get('view') ?? '';
  const id = /^\d{1,12}$/.test(query.get('id') ?? '') ? query.get('id')! : undefined;
  if (asked === 'posting') return id ? { view: 'posting', id } : { view: DEFAULT_VIEW };
  if (!Object.hasOwn(VIEWS, asked)) return { view: DEFAULT_VIEW };
  return { view: asked as View, ...(asked === 'incidents' && id ? { id } : {}) };
}

/** The pages the navigation offers this person, in order. */
export function pagesFor(me: Me | undefined): View[] {
  return (Object.keys(VIEWS) as View[]).filter((view) => view !== 'posting' && (view === DEFAULT_VIEW || (me !== undefined && VIEWS[view](me.can))));
}

/** The page to show this person: one they may not see (a governor sent to consent) gives the default. */
export function viewFor(chosen: View, me: Me | undefined): View {
  return me && !VIEWS[chosen](me.can) ? DEFAULT_VIEW : chosen;
}
