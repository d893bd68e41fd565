import type { Me } from '../../bot/src/contracts/me';

/**
 * The pages of the tab, in the order the navigation shows them, by the `?view=` the Teams
 * manifest's static tabs open it with, and who may see each: the server says so in `/api/me`
 * (and checks again on every call). Add a page with one line here and one in App.tsx.
 */
export const VIEWS = {
  // What waits for the person comes first: it is where an approver starts.
  waiting: () => true,
  requests: () => true,
  incidents: (can: Me['can']) => can.seeIncidents,
  consent: (can: Me['can']) => can.seeConsent,
  accounts: (can: Me['can']) => can.seeAccounts,
  training: () => true,
  // The school's policies are open to everyone it added (the server checks each call).
  policies: () => true,
  devices: (can: Me['can']) => can.seeDevices,
  settings: (can: Me['can']) => can.seeSettings,
  readiness: (can: Me['can']) => can.seeReadiness,
  governance: (can: Me['can']) => can.seeGovernance,
  filteringReview: (can: Me['can']) => can.seeFilteringReview,
  // One request with its steps (the server says who may see it): to post, with its photos and videos; to open a site.
  posting: () => true,
  access: () => true,
} satisfies Record<string, (can: Me['can']) => boolean>;

export type View = keyof typeof VIEWS;

export const DEFAULT_VIEW: View = 'waiting';

/** The pages that show one request, opened on it by its id; they are not in the navigation. */
export const RECORD_VIEWS = ['posting', 'access'] as const;
export type RecordView = (typeof RECORD_VIEWS)[number];

export const isRecordView = (view: string): view is RecordView => (RECORD_VIEWS as readonly string[]).includes(view);

/**
 * What a link opened the tab on: a page, and for a record its id — `?view=posting&id=12`,
 * `?view=access&id=3` or `?view=incidents&id=7`, or inside Teams the sub-page `posting-12`,
 * `access-3` or `incident-7` (bot/src/adapters/teams/tab-link.ts).
 */
export interface Opened {
  view: View;
  id?: string;
}

const SUB_PAGES: Record<string, View> = { posting: 'posting', access: 'access', incident: 'incidents' };

/** The page (and record) a link names; a missing or unknown one, or a request without its number, gives the default page. */
export function openedFrom(search: string, subPageId?: string): Opened {
  const sub = /^(posting|access|incident)-(\d{1,12})$/.exec(subPageId ?? '');
  if (sub) return { view: SUB_PAGES[sub[1]!]!, id: sub[2]! };
  const query = new URLSearchParams(search);
  const asked = query.get('view') ?? '';
  const id = /^\d{1,12}$/.test(query.get('id') ?? '') ? query.get('id')! : undefined;
  if (isRecordView(asked)) return id ? { view: asked, id } : { view: DEFAULT_VIEW };
  if (!Object.hasOwn(VIEWS, asked)) return { view: DEFAULT_VIEW };
  return { view: asked as View, ...(asked === 'incidents' && id ? { id } : {}) };
}

/** The pages the navigation offers this person, in order. */
export function pagesFor(me: Me | undefined): View[] {
  return (Object.keys(VIEWS) as View[]).filter(
    (view) => !isRecordView(view) && (view === DEFAULT_VIEW || (me !== undefined && VIEWS[view](me.can))),
  );
}

/** The page to show this person: one they may not see (a governor sent to consent) gives the default. */
export function viewFor(chosen: View, me: Me | undefined): View {
  return me && !VIEWS[chosen](me.can) ? DEFAULT_VIEW : chosen;
}
