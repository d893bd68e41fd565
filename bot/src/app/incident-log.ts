import { may, type Action } from '../domain/authorization/permissions';
import type { ChronologyEntry, Incident } from '../domain/incidents/incident';
import type { IncidentLink } from '../domain/incidents/incident-people';
import type { IncidentFilter } from '../domain/incidents/incident-query';
import { policeDecision, routeIncident, type Routing } from '../domain/incidents/incident-routing';
import { allowedStatusChanges } from '../domain/incidents/incident-status';
import { icoClock, timescaleProblems, type TimescaleProblem } from '../domain/incidents/incident-timescales';
import { canBeAssigned, canSeeIncident, incidentScope } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';
import { StaleRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { appendChronology } from './incident-chronology';
import type { IncidentDeps } from './incident-deps';
import { linksOf } from './incident-links';
import { recordAudit } from './record-audit';
import { readTermDates } from './settings/term-dates';

export type NotPermitted = { status: 'not-permitted' };

/** Refuses and audits (without any contents) a person who may not use the incident log. */
export async function refuse(
  deps: AppDeps,
  person: Person,
  action: Action,
  recordId = '-',
  recordType = 'incident',
): Promise<NotPermitted> {
  await recordAudit(deps, person, {
    action: `${action}.denied`,
    recordType,
    recordId,
    summary: 'Refused: the person may not see this incident log',
  });
  return { status: 'not-permitted' };
}

/** Whether a person has any part in the incident log (a role that sees incidents, or an assignment). */
export async function seesAny(deps: AppDeps, person: Person): Promise<boolean> {
  if (may(person, 'incident.view')) return true;
  return (await deps.stores.incidents.find({ where: { assigneeId: person.id }, limit: 1 })).items.length > 0;
}

/** What is past its timescales on an incident now (the log's badge), with the term dates read once. */
export async function lateness(deps: IncidentDeps): Promise<(incident: Incident) => TimescaleProblem[]> {
  const { calendar } = await readTermDates(deps.stores);
  const now = deps.clock.now();
  return (incident) => timescaleProblems(incident, calendar, deps.timescales, now);
}

/**
 * One page of the log, filtered, as the person may see it. `pastTimescales` keeps only incidents
 * past a timescale now (not opened in time, a follow-up overdue, the ICO deadline passed): that
 * depends on the clock and the school's calendar, so it is worked out here, not by the store.
 */
export async function listIncidents(
  deps: IncidentDeps,
  person: Person,
  filter: IncidentFilter & { pastTimescales?: boolean },
  page: { offset: number; limit: number },
) {
  if (!(await seesAny(deps, person))) return refuse(deps, person, 'incident.view');
  if (!filter.pastTimescales)
    return { status: 'ok' as const, ...(await deps.stores.incidents.search({ ...filter, ...page, scope: incidentScope(person) })) };
  const late = await visibleAndLate(deps, person, filter);
  return { status: 'ok' as const, items: late.slice(page.offset, page.offset + page.limit), total: late.length };
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
export async function exportIncidents(
  deps: IncidentDeps,
  person: Person,
  filter: IncidentFilter & { pastTimescales?: boolean },
): Promise<NotPermitted | { status: 'ok'; items: Incident[] }> {
  if (!may(person, 'incident.export')) return refuse(deps, person, 'incident.export');
  const items = await visibleAndLate(deps, person, filter);
  await recordAudit(deps, person, {
    action: 'incident.exported',
    recordType: 'incident',
    recordId: '-',
    summary: 'Incident log exported to CSV',
  });
  return { status: 'ok', items };
}

async function visibleAndLate(
  deps: IncidentDeps,
  person: Person,
  filter: IncidentFilter & { pastTimescales?: boolean },
): Promise<Incident[]> {
  const { pastTimescales, ...rest } = filter;
  const all = await allVisibleIncidents(deps, person, rest);
  if (!pastTimescales) return all;
  const late = await lateness(deps);
  return all.filter((incident) => late(incident).length > 0);
}

export interface IncidentDetail {
  status: 'ok';
  incident: Versioned<Incident>;
  chronology: ChronologyEntry[];
  links: Versioned<IncidentLink>[];
  routing: Routing;
  nextStatuses: readonly Incident['status'][];
  assignable: { id: string; displayName: string }[];
  /** Who a follow-up can be given to: people who may see this incident. */
  mayFollowUp: { id: string; displayName: string }[];
  /** Staff (and governors) who can be linked to it. */
  staff: { id: string; displayName: string }[];
  canAssign: boolean;
  /** Only the DSL removes evidence, with a reason. */
  canRemoveEvidence: boolean;
  /** Whether the viewer may record the police decision, and in which role (s.8). */
  police: { may: true; as?: Role } | { may: false; why: string };
  late: TimescaleProblem[];
  ico?: ReturnType<typeof icoClock>;
}

/**
 * One incident with its chronology and the people linked to it. A person who may see incidents but
 * not this one is told it was not found: a headteacher must not learn that a concern about them
 * exists. The first time someone who may see it opens it is recorded: escalation stops then.
 */
export async function incidentDetail(
  deps: IncidentDeps,
  person: Person,
  id: string,
): Promise<NotPermitted | { status: 'not-found' } | IncidentDetail> {
  const found = await deps.stores.incidents.get(id);
  if (!found || !canSeeIncident(person, found)) {
    if (!(await seesAny(deps, person))) return refuse(deps, person, 'incident.view', id);
    if (found) await refuse(deps, person, 'incident.view', id);
    return { status: 'not-found' };
  }
  const incident = found.firstOpened ? found : await recordFirstOpened(deps, person, found);
  const everyone = await deps.directory.everyone();
  await recordAudit(deps, person, { action: 'incident.viewed', recordType: 'incident', recordId: id, summary: 'Incident opened' });
  const clock = icoClock(incident, deps.clock.now());
  const brief = ({ id: personId, displayName }: Person) => ({ id: personId, displayName });
  return {
    status: 'ok',
    incident,
    chronology: await deps.stores.incidentChronology.forIncident(id),
    links: await linksOf(deps, id),
    routing: routeIncident(incident.category, incident.involved),
    nextStatuses: allowedStatusChanges(incident.status),
    assignable: everyone.filter((candidate) => canBeAssigned(candidate, incident)).map(brief),
    mayFollowUp: everyone.filter((candidate) => canSeeIncident(candidate, incident)).map(brief),
    staff: everyone.map(brief),
    canAssign: may(person, 'incident.assign'),
    canRemoveEvidence: may(person, 'incident.evidence.remove'),
    police: policeDecision(incident, person),
    late: (await lateness(deps))(incident),
    ...(clock ? { ico: clock } : {}),
  };
}

/** Records who opened a concern first, and when; if someone else did at the same moment, theirs stands. */
async function recordFirstOpened(deps: AppDeps, person: Person, incident: Versioned<Incident>): Promise<Versioned<Incident>> {
  const at = deps.clock.now().toISOString();
  try {
    const opened = await deps.stores.incidents.update({ ...incident, firstOpened: { at, byId: person.id, byName: person.displayName } });
    await appendChronology(deps, incident.id, person, 'opened', 'Opened for the first time');
    return opened;
  } catch (error) {
    if (!(error instanceof StaleRecordError)) throw error;
    return (await deps.stores.incidents.get(incident.id)) ?? incident;
  }
}
