import type { Role } from '../people/role';
import { idFromReference, type Incident, type IncidentCategory, type IncidentStatus } from './incident';
import { inScope, type IncidentScope } from './incident-visibility';

export const INCIDENT_SORTS = ['reportedAt', 'occurredOn', 'status', 'category', 'routedTo'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** The Incidents tab's filters. Dates are YYYY-MM-DD, inclusive, on the day it was reported. */
export interface IncidentFilter {
  status?: IncidentStatus;
  category?: IncidentCategory;
  routedTo?: Role;
  from?: string;
  to?: string;
  /** Words to find in what happened, the platform, the reporter, or the reference. */
  text?: string;
  sort?: IncidentSort;
  descending?: boolean;
}

export interface IncidentQuery extends IncidentFilter {
  scope: IncidentScope;
  offset: number;
  limit: number;
}

/** The filter as a predicate: the definition every store's search must agree with. */
export function matchesIncident(incident: Incident, query: IncidentFilter & { scope: IncidentScope }): boolean {
  if (!inScope(incident, query.scope)) return false;
  if (query.status && incident.status !== query.status) return false;
  if (query.category && incident.category !== query.category) return false;
  if (query.routedTo && incident.routedTo !== query.routedTo) return false;
  const day = incident.reportedAt.slice(0, 10);
  if (query.from && day < query.from) return false;
  if (query.to && day > query.to) return false;
  if (query.text && !matchesText(incident, query.text)) return false;
  return true;
}

/** Words in what happened, the platform or the reporter's name; or the reference itself (C-00042). */
function matchesText(incident: Incident, typed: string): boolean {
  const words = typed.trim().toLowerCase();
  return (
    idFromReference(words) === incident.id ||
    `${incident.whatHappened}\n${incident.platform}\n${incident.reporterName}`.toLowerCase().includes(words)
  );
}

/** Sorted by the chosen field, ties broken by newest first (the id). */
export function compareIncidents(sort: IncidentSort = 'reportedAt', descending = true): (a: Incident, b: Incident) => number {
  return (a, b) => {
    const [x, y] = [String(a[sort]), String(b[sort])];
    // Plain code-unit order, as a database's ORDER BY on text gives.
    const byField = x < y ? -1 : x > y ? 1 : 0;
    const ordered = byField !== 0 ? byField : Number(a.id) - Number(b.id);
    return descending ? -ordered : ordered;
  };
}
