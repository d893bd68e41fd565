import { may } from '../domain/authorization/permissions';
import { localDate } from '../domain/calendar/zoned-time';
import { CATEGORY_LABELS, incidentReference, type ChronologyEntry, type IncidentStatus } from '../domain/incidents/incident';
import type { LinkRole } from '../domain/incidents/incident-people';
import { canSeeIncident } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import type { Pupil } from '../domain/school/pupil';
import type { AppDeps } from './app-deps';
import { refuse, seesAny, type NotPermitted } from './incident-log';
import { allPupils, readAll } from './read-all';
import { recordAudit } from './record-audit';

/** One line of a pupil's chronology: an entry of an incident the pupil is linked to, and their part in it. */
export interface PupilChronologyEntry extends Omit<ChronologyEntry, 'incidentId'> {
  incidentId: string;
  reference: string;
  role: LinkRole;
}

export interface PupilChronology {
  status: 'ok';
  pupil: Pupil;
  incidents: { id: string; reference: string; category: string; reportedAt: string; status: IncidentStatus; role: LinkRole }[];
  entries: PupilChronologyEntry[];
}

/** Steps of the process rather than things that happened to the pupil. */
const NOT_ABOUT_THE_PUPIL: ReadonlySet<ChronologyEntry['kind']> = new Set(['opened', 'escalated']);

/**
 * Every incident a pupil is linked to, with every action and contact recorded on it, newest first.
 * Only incidents the viewer may see are in it: anything else is left out without a trace (the
 * headteacher's view of a pupil linked to a concern about the headteacher shows nothing of it, not
 * even that something was left out).
 */
export async function pupilChronology(
  deps: AppDeps,
  person: Person,
  pupilId: string,
): Promise<NotPermitted | { status: 'not-found' } | PupilChronology> {
  if (!may(person, 'incident.pupilChronology')) return refuse(deps, person, 'incident.pupilChronology', pupilId, 'pupil');
  const pupil = await deps.stores.pupils.get(pupilId);
  if (!pupil) return { status: 'not-found' };
  const links = (
    await readAll((cursor) => deps.stores.incidentLinks.find({ where: { pupilId }, limit: 200, ...(cursor ? { cursor } : {}) }))
  ).filter((link) => link.kind === 'pupil' && link.linked);
  const incidents: PupilChronology['incidents'] = [];
  const entries: PupilChronologyEntry[] = [];
  for (const link of links) {
    const incident = await deps.stores.incidents.get(link.incidentId);
    if (!incident || !canSeeIncident(person, incident)) continue;
    const reference = incidentReference(incident.id);
    incidents.push({
      id: incident.id,
      reference,
      category: CATEGORY_LABELS[incident.category],
      reportedAt: incident.reportedAt,
      status: incident.status,
      role: link.role,
    });
    for (const entry of await deps.stores.incidentChronology.forIncident(incident.id)) {
      if (!NOT_ABOUT_THE_PUPIL.has(entry.kind)) entries.push({ ...entry, reference, role: link.role });
    }
  }
  entries.sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
  incidents.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  await recordAudit(deps, person, {
    action: 'incident.pupilChronology.viewed',
    recordType: 'pupil',
    recordId: pupil.id,
    summary: "A pupil's chronology opened",
  });
  return { status: 'ok', pupil, incidents, entries };
}

/**
 * The whole roster, leavers included (a pupil who has left can still be linked to an earlier
 * incident), for linking pupils and finding a pupil's chronology in the Incidents tab.
 */
export async function incidentRoster(
  deps: AppDeps,
  person: Person,
): Promise<NotPermitted | { status: 'ok'; pupils: (Pick<Pupil, 'id' | 'displayName' | 'className' | 'yearGroup'> & { left: boolean })[] }> {
  if (!(await seesAny(deps, person))) return refuse(deps, person, 'incident.view');
  const today = localDate(deps.clock.now());
  const pupils = (await allPupils(deps.stores))
    .map(({ id, displayName, className, yearGroup, onRollTo }) => ({
      id,
      displayName,
      className,
      yearGroup,
      left: onRollTo !== undefined && onRollTo.slice(0, 10) < today,
    }))
    .sort((a, b) => a.className.localeCompare(b.className) || a.displayName.localeCompare(b.displayName));
  return { status: 'ok', pupils };
}
