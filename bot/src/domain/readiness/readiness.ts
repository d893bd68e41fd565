/**
 * The go-live checklist: what must be true before a school relies on the app, each item green,
 * amber or red with the fix in one sentence. The items are in the order of the installation
 * guide's numbered checklist (docs/install-in-a-school.md), which ends with "every item is green".
 */
export type ReadinessLevel = 'green' | 'amber' | 'red';

export const READINESS_ITEMS = [
  { id: 'credential', title: 'How the app signs in to Microsoft Graph' },
  { id: 'working-site', title: "The school's working SharePoint site and its lists" },
  { id: 'records-site', title: 'The safeguarding records site, its lists and who can open it' },
  { id: 'role-groups', title: "Each role's Entra ID group" },
  { id: 'reach', title: 'Who the bot can message' },
  { id: 'teams-app', title: "The Teams app in the organisation's catalogue (for links)" },
  { id: 'school', title: "The school's name and contact" },
  { id: 'policy-register', title: 'The policy register' },
  { id: 'term-dates', title: 'Term dates for the next twelve months' },
  { id: 'training-requirements', title: 'Training requirements' },
  { id: 'jobs', title: 'The reminder jobs' },
] as const;

export type ReadinessItemId = (typeof READINESS_ITEMS)[number]['id'];

/** One item of the checklist as found now. Never names a pupil or says anything about a concern. */
export interface ReadinessItem {
  id: ReadinessItemId;
  /** Its number in the installation guide's checklist (1 to 11), whether or not every item applies here. */
  number: number;
  title: string;
  level: ReadinessLevel;
  /** What was found, in a sentence or two (counts, dates, names of lists or groups). */
  found: string;
  /** What to do, in one sentence; only when the item is not green. */
  fix?: string;
}

/** The whole checklist: green only when every item is. */
export function overallLevel(items: readonly Pick<ReadinessItem, 'level'>[]): ReadinessLevel {
  if (items.some((item) => item.level === 'red')) return 'red';
  return items.some((item) => item.level === 'amber') ? 'amber' : 'green';
}

/** A finding for one item, with its title from the list above. */
export function finding(id: ReadinessItemId, level: ReadinessLevel, found: string, fix?: string): ReadinessItem {
  const number = READINESS_ITEMS.findIndex((item) => item.id === id) + 1;
  return { id, number, title: READINESS_ITEMS[number - 1]!.title, level, found, ...(level !== 'green' && fix ? { fix } : {}) };
}
