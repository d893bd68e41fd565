import { may } from '../domain/authorization/permissions';
import { addMonths } from '../domain/calendar/dates';
import { today } from '../domain/calendar/zoned-time';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../domain/incidents/incident';
import { LINK_ROLES, type LinkRole } from '../domain/incidents/incident-people';
import { incidentScope, type IncidentScope } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import type { AppDeps } from './app-deps';
import { refuse, type NotPermitted } from './incident-log';
import { readAll } from './read-all';

export type SummaryCounts = {
  byCategory: Record<IncidentCategory, number>;
  byMonth: { month: string; count: number }[];
  /** Incidents involving pupils of each year group (at the time), each incident once per year group. */
  byYearGroup: { yearGroup: string; count: number }[];
  /** Pupils' parts across incidents: one for each pupil linked to an incident. */
  byPupilRole: Record<LinkRole, number>;
  total: number;
};

/**
 * Counts for the headteacher's and governors' reports: by category, by month, by pupils' year
 * group and by pupils' part in them, of the incidents the person may see only. No names, no details.
 */
export async function incidentSummary(
  deps: AppDeps,
  person: Person,
  months: number,
): Promise<NotPermitted | ({ status: 'ok' } & SummaryCounts)> {
  if (!may(person, 'incident.summary')) return refuse(deps, person, 'incident.summary');
  const { byCategory, byMonth, counted } = await countIncidents(deps, incidentScope(person), months);
  const pupilLinks = (await readAll((cursor) => deps.stores.incidentLinks.find({ limit: 1000, ...(cursor ? { cursor } : {}) }))).filter(
    (link) => link.kind === 'pupil' && link.linked && counted.has(link.incidentId),
  );
  const byPupilRole = Object.fromEntries(LINK_ROLES.map((role) => [role, 0])) as Record<LinkRole, number>;
  for (const link of pupilLinks) byPupilRole[link.role] += 1;
  const yearGroups = new Map<string, Set<string>>();
  for (const link of pupilLinks) {
    const yearGroup = link.yearGroup || 'Year group not recorded';
    yearGroups.set(yearGroup, (yearGroups.get(yearGroup) ?? new Set()).add(link.incidentId));
  }
  const byYearGroup = [...yearGroups]
    .map(([yearGroup, incidents]) => ({ yearGroup, count: incidents.size }))
    .sort((a, b) => a.yearGroup.localeCompare(b.yearGroup, 'en-GB', { numeric: true }));
  return {
    status: 'ok',
    byCategory,
    byMonth,
    byYearGroup,
    byPupilRole,
    total: counted.size,
  };
}

/**
 * The incidents in a scope reported in the last `months` months (this one included), counted by
 * category and by month, with the ids counted: never anything else about them.
 */
export async function countIncidents(
  deps: Pick<AppDeps, 'stores' | 'clock'>,
  scope: IncidentScope,
  months: number,
): Promise<Pick<SummaryCounts, 'byCategory' | 'byMonth'> & { counted: Set<string> }> {
  // Months as the school counts them: just after midnight on the 1st in summer it is already the new month.
  const thisMonth = `${today(deps.clock).slice(0, 7)}-01`;
  const first = addMonths(thisMonth, -(months - 1));
  const byCategory = Object.fromEntries(INCIDENT_CATEGORIES.map((category) => [category, 0])) as Record<IncidentCategory, number>;
  const byMonth = new Map<string, number>();
  for (let i = 0; i < months; i++) byMonth.set(addMonths(first, i).slice(0, 7), 0);
  const counted = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await deps.stores.incidents.search({ from: first, offset, limit: 1000, scope, sort: 'reportedAt', descending: false });
    for (const incident of page.items) {
      byCategory[incident.category] += 1;
      const month = incident.reportedAt.slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      counted.add(incident.id);
    }
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return { byCategory, byMonth: [...byMonth].map(([month, count]) => ({ month, count })), counted };
}
