import type { Me } from './api';

/**
 * The pages of the tab, by the `?view=` the Teams manifest's static tabs open it with, and who may
 * see each (the server checks again). Add a page with one line here.
 */
export const VIEWS = {
  // What waits for the person comes first: it is where an approver starts.
  waiting: () => true,
  requests: () => true,
  consent: (can: Me['can']) => can.seeConsent,
  accounts: (can: Me['can']) => can.seeAccounts,
  training: () => true,
  settings: (can: Me['can']) => can.seeSettings,
  readiness: (can: Me['can']) => can.seeReadiness,
  devices: (can: Me['can']) => can.seeDevices,
  // One request with its steps (the server says who may see it): to post, with its photos and videos; to open a site.
  posting: () => true,
  access: () => true,
} satisfies Record<string, (can: Me['can']) => boolean>;

export type View = keyof typeof VIEWS;

export const DEFAULT_VIEW: View = 'waiting';

/** The pages that show one record, opened on it by its id. */
export const RECORD_VIEWS = ['posting', 'access'] as const;
export type RecordView = (typeof RECORD_VIEWS)[number];

/** The view named in the query string; a missing or unknown one gives the default. Inside Teams a card's deep link names a record as the sub-page `posting-<id>`. */
export function viewFromQuery(search: string, subPageId?: string): View {
  const record = recordFromQuery(search, subPageId);
  if (record) return record.view;
  const asked = new URLSearchParams(search).get('view') ?? '';
  return Object.hasOwn(VIEWS, asked) && !(RECORD_VIEWS as readonly string[]).includes(asked) ? (asked as View) : DEFAULT_VIEW;
}

/** The record the page was opened on: `?view=posting&id=12`, or Teams' sub-page `posting-12` (`access-3` likewise). */
export function recordFromQuery(search: string, subPageId?: string): { view: RecordView; id: string } | undefined {
  const query = new URLSearchParams(search);
  const view = RECORD_VIEWS.find((candidate) => candidate === query.get('view'));
  const id = query.get('id') ?? '';
  if (view && /^\d{1,12}$/.test(id)) return { view, id };
  const sub = /^(posting|access)-(\d{1,12})$/.exec(subPageId ?? '');
  return sub ? { view: sub[1] as RecordView, id: sub[2]! } : undefined;
}

/** The view to show this person: one they may not see (a governor sent to consent) gives the default. */
export function viewFor(chosen: View, me: Me | undefined): View {
  return me && !VIEWS[chosen](me.can) ? DEFAULT_VIEW : chosen;
}
