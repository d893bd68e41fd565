import { may } from '../domain/authorization/permissions';
import type { ChronologyEntry, Incident, IncidentStatus } from '../domain/incidents/incident';
import type { BodyView } from '../domain/incidents/body-map';
import type { InvolvementRole } from '../domain/incidents/incident-people';
import { canSeeIncident } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import { StaleRecordError, type Versioned } from '../ports/collection.port';
import { appendChronology } from './incident-chronology';
import type { IncidentDeps } from './incident-deps';
import { changeFor } from './incident-step-changes';
import { recordAudit } from './record-audit';

/** Who is linked: a pupil on the roster (on roll or left), a member of staff, or someone else by name. */
export type LinkTarget = { pupilId: string } | { personId: string } | { name: string };

/** What the DSL (or whoever the incident is with) does from the Incidents tab. Inputs are already validated. */
export type IncidentStep =
  | { type: 'action'; text: string; followUp?: { inWorkingDays?: number; on?: string; assigneeId: string } }
  | { type: 'assign'; personId: string }
  | { type: 'status'; to: IncidentStatus; note?: string }
  | { type: 'cpoms'; reference: string }
  | { type: 'police'; contacted: boolean; reason: string }
  | { type: 'link'; who: LinkTarget; role: InvolvementRole }
  | { type: 'linkRole'; linkId: string; role: InvolvementRole }
  | { type: 'unlink'; linkId: string }
  | { type: 'bodyMap'; marks: { id?: string; view: BodyView; x: number; y: number; note: string }[] }
  | { type: 'followUpDone'; followUpId: string }
  | { type: 'ico'; reported: boolean; reason: string };

export type ActResult =
  | { status: 'ok'; incident: Versioned<Incident>; entries: ChronologyEntry[] }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'invalid'; message: string }
  | { status: 'stale' };

/**
 * Applies one step. Every step but adding a plain action changes the incident itself, on the
 * condition that nobody changed it since it was read (and, when `seenVersion` is given, since the
 * person saw it): two DSLs editing at once, the second is told and sees the incident as it now is.
 * Each change is a line in the chronology, never a silent change.
 */
export async function actOnIncident(
  deps: IncidentDeps,
  person: Person,
  id: string,
  step: IncidentStep,
  seenVersion?: number,
): Promise<ActResult> {
  const incident = await deps.stores.incidents.get(id);
  const action = step.type === 'assign' ? 'incident.assign' : 'incident.act';
  const visible = incident !== undefined && canSeeIncident(person, incident);
  if (!visible || !may(person, action, incident.assigneeId)) {
    await recordAudit(deps, person, {
      action: `${action}.denied`,
      recordType: 'incident',
      recordId: id,
      summary: 'Refused: the person may not act on this incident',
    });
    // Someone who uses the log but may not see this incident is told it does not exist (see incidentDetail).
    return !visible && may(person, 'incident.view') ? { status: 'not-found' } : { status: 'not-permitted' };
  }
  const appendOnly = step.type === 'action' && !step.followUp;
  if (!appendOnly && seenVersion !== undefined && seenVersion !== incident.version) return { status: 'stale' };
  const change = await changeFor(deps, incident, person, step);
  if ('message' in change) return { status: 'invalid', message: change.message };
  let saved: Versioned<Incident> = incident;
  if (!appendOnly) {
    try {
      saved = await deps.stores.incidents.update({ ...incident, ...change.fields, updatedAt: deps.clock.now().toISOString() });
    } catch (error) {
      if (error instanceof StaleRecordError) return { status: 'stale' };
      throw error;
    }
  }
  await change.afterSave?.();
  const entries: ChronologyEntry[] = [];
  for (const line of change.lines) entries.push(await appendChronology(deps, id, person, line.kind, line.text));
  await recordAudit(deps, person, { action: `incident.${step.type}`, recordType: 'incident', recordId: id, summary: change.audit });
  return { status: 'ok', incident: saved, entries };
}
