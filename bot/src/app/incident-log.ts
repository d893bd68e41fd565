import { may, type Action } from '../domain/authorization/permissions';
import { INCIDENT_CATEGORIES, type ChronologyEntry, type Incident, type IncidentCategory } from '../domain/incidents/incident';
import type { IncidentFilter } from '../domain/incidents/incident-query';
import { routeIncident, type Routing } from '../domain/incidents/incident-routing';
import { allowedStatusChanges } from '../domain/incidents/incident-status';
import { canBeAssigned, canSeeIncident, incidentScope } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';

export type Denied = { status: 'denied' };

/** Refuses and audits (without any contents) a person who may not use the incident log. */
async function refuse(deps: AppDeps, person: Person, action: Action, recordId = '-'): Promise<Denied> {
  await recordAudit(deps, person, { action: `${action}.denied`, recordType: 'incident', recordId, summary: 'Refused: the person may not see this incident log' });
  return { status: 'denied' };
}

/** Whether a person has any part in the incident log (a role that sees incidents, or an assignment). */
async function seesAny(deps: AppDeps, person: Person): Promise<boolean> {
  if (may(person, 'incident.view')) return true;
  return (await deps.stores.incidents.find({ where: { assigneeId: person.id }, limit: 1 })).items.length > 0;
}

/** One page of the log, filtered, as the person may see it. */
export async function listIncidents(deps: AppDeps, person: Person, filter: IncidentFilter, page: { offset: number; limit: number }) {
  if (!(await seesAny(deps, person))) return refuse(deps, person, 'incident.view');
  const found = await deps.stores.incidents.search({ ...filter, ...page, scope: incidentScope(person) });
  return { status: 'ok' as const, ...found };
}

/** Every incident the person may see that matches the filter, read a page at a time. */
export async function allVisibleIncidents(deps: Pick<AppDeps, 'stores'>, person: Person, filter: IncidentFilter = {}): Promise<Incident[]> {
  const items: Incident[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await deps.stores.incidents.search({ ...filter, offset, limit: 500, scope: incidentScope(person) });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/** Every incident that matches, for the CSV export. The audit says it happened, not how many: a count is about incidents too. */
export async function exportIncidents(deps: AppDeps, person: Person, filter: IncidentFilter): Promise<Denied | { status: 'ok'; items: Incident[] }> {
  if (!may(person, 'incident.export')) return refuse(deps, person, 'incident.export');
  const items = await allVisibleIncidents(deps, person, filter);
  await recordAudit(deps, person, { action: 'incident.exported', recordType: 'incident', recordId: '-', summary: 'Incident log exported to CSV' });
  return { status: 'ok', items };
}

export interface IncidentDetail {
  status: 'ok';
  incident: Versioned<Incident>;
  chronology: ChronologyEntry[];
  routing: Routing;
  nextStatuses: readonly Incident['status'][];
  assignable: { id: string; displayName: string }[];
  canAssign: boolean;
}

/**
 * One incident with its chronology. A person who may see incidents but not this one is told it
 * was not found: a headteacher must not learn that a concern about them exists.
 */
export async function incidentDetail(deps: AppDeps, person: Person, id: string): Promise<Denied | { status: 'not-found' } | IncidentDetail> {
  const incident = await deps.stores.incidents.get(id);
  if (!incident || !canSeeIncident(person, incident)) {
    if (!(await seesAny(deps, person))) return refuse(deps, person, 'incident.view', id);
    if (incident) await refuse(deps, person, 'incident.view', id);
    return { status: 'not-found' };
  }
  const everyone = await deps.directory.everyone();
  await recordAudit(deps, person, { action: 'incident.viewed', recordType: 'incident', recordId: id, summary: 'Incident opened' });
  return {
    status: 'ok',
    incident,
    chronology: await deps.stores.incidentChronology.forIncident(id),
    routing: routeIncident(incident.category, incident.involved),
    nextStatuses: allowedStatusChanges(incident.status),
    assignable: everyone.filter((candidate) => canBeAssigned(candidate, incident)).map(({ id: personId, displayName }) => ({ id: personId, displayName })),
    canAssign: may(person, 'incident.assign'),
  };
}

export type SummaryCounts = { byCategory: Record<IncidentCategory, number>; byMonth: { month: string; count: number }[]; total: number };

/** Counts by category and by month of the incidents the person may see: no names, no details. */
export async function incidentSummary(deps: AppDeps, person: Person, months: number): Promise<Denied | ({ status: 'ok' } & SummaryCounts)> {
  if (!may(person, 'incident.summary')) return refuse(deps, person, 'incident.summary');
  const now = deps.clock.now();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1)).toISOString().slice(0, 10);
  const byCategory = Object.fromEntries(INCIDENT_CATEGORIES.map((category) => [category, 0])) as Record<IncidentCategory, number>;
  const byMonth = new Map<string, number>();
  for (let i = 0; i < months; i++) byMonth.set(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1) + i, 1)).toISOString().slice(0, 7), 0);
  let total = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await deps.stores.incidents.search({ from: first, offset, limit: 1000, scope: incidentScope(person), sort: 'reportedAt', descending: false });
    for (const incident of page.items) {
      byCategory[incident.category] += 1;
      const month = incident.reportedAt.slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      total += 1;
    }
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  return { status: 'ok', byCategory, byMonth: [...byMonth].map(([month, count]) => ({ month, count })), total };
}
