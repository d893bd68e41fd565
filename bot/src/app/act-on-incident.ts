import { may } from '../domain/authorization/permissions';
import { STATUS_LABELS, type ChronologyEntry, type Incident, type IncidentStatus } from '../domain/incidents/incident';
import { canChangeStatus, describeStatusChange } from '../domain/incidents/incident-status';
import { canBeAssigned, canSeeIncident } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import { StaleRecordError } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { appendChronology } from './incident-chronology';
import { recordAudit } from './record-audit';

/** What the DSL (or whoever the incident is with) does from the Incidents tab. Inputs are already validated. */
export type IncidentStep =
  | { type: 'action'; text: string }
  | { type: 'assign'; personId: string }
  | { type: 'status'; to: IncidentStatus; note?: string }
  | { type: 'cpoms'; reference: string }
  | { type: 'police'; contacted: boolean; decidedBy: string; reason: string };

export type ActResult =
  | { status: 'ok'; incident: Incident; entry: ChronologyEntry }
  | { status: 'denied' }
  | { status: 'not-found' }
  | { status: 'invalid'; message: string }
  | { status: 'stale' };

/**
 * Applies one step: the incident's fields change where the step sets one (status, assignee, CPOMS
 * reference, police decision), and every step adds a line to the chronology.
 */
export async function actOnIncident(deps: AppDeps, person: Person, id: string, step: IncidentStep): Promise<ActResult> {
  const incident = await deps.stores.incidents.get(id);
  const action = step.type === 'assign' ? 'incident.assign' : 'incident.act';
  const visible = incident !== undefined && canSeeIncident(person, incident);
  if (!visible || !may(person, action, incident.assigneeId)) {
    await recordAudit(deps, person, { action: `${action}.denied`, recordType: 'incident', recordId: id, summary: 'Refused: the person may not act on this incident' });
    // Someone who uses the log but may not see this incident is told it does not exist (see incidentDetail).
    return !visible && may(person, 'incident.view') ? { status: 'not-found' } : { status: 'denied' };
  }
  const change = await applyStep(deps, incident, step);
  if ('message' in change) return { status: 'invalid', message: change.message };
  const now = deps.clock.now().toISOString();
  let saved: Incident = incident;
  if (change.fields) {
    try {
      saved = await deps.stores.incidents.update({ ...incident, ...change.fields, updatedAt: now });
    } catch (error) {
      if (error instanceof StaleRecordError) return { status: 'stale' };
      throw error;
    }
  }
  const entry = await appendChronology(deps, id, person, step.type === 'action' ? 'action' : step.type === 'assign' ? 'assigned' : step.type, change.line);
  await recordAudit(deps, person, { action: `incident.${step.type}`, recordType: 'incident', recordId: id, summary: change.audit });
  return { status: 'ok', incident: saved, entry };
}

type Change = { fields?: Partial<Incident>; line: string; audit: string } | { message: string };

async function applyStep(deps: AppDeps, incident: Incident, step: IncidentStep): Promise<Change> {
  switch (step.type) {
    case 'action':
      return { line: step.text, audit: 'Action added to the chronology' };
    case 'assign': {
      const assignee = await deps.directory.byId(step.personId);
      if (!assignee || !canBeAssigned(assignee, incident)) return { message: 'This incident cannot be given to that person.' };
      return { fields: { assigneeId: assignee.id, assigneeName: assignee.displayName }, line: `Assigned to ${assignee.displayName}`, audit: 'Assigned' };
    }
    case 'status': {
      if (!canChangeStatus(incident.status, step.to)) return { message: `A ${STATUS_LABELS[incident.status].toLowerCase()} incident cannot be marked ${STATUS_LABELS[step.to].toLowerCase()}.` };
      const line = `${describeStatusChange(incident.status, step.to)}${step.note ? `: ${step.note}` : ''}`;
      return { fields: { status: step.to }, line, audit: `Status ${incident.status} → ${step.to}` };
    }
    case 'cpoms':
      return { fields: { cpomsReference: step.reference }, line: `CPOMS reference recorded: ${step.reference}`, audit: 'CPOMS reference recorded' };
    case 'police': {
      const police = { contacted: step.contacted, decidedBy: step.decidedBy, reason: step.reason, recordedAt: deps.clock.now().toISOString() };
      const line = `${step.contacted ? 'Police contacted' : 'Police not contacted'} (decided by ${step.decidedBy}): ${step.reason}`;
      return { fields: { police }, line, audit: step.contacted ? 'Police contact recorded' : 'Decision not to contact the police recorded' };
    }
  }
}
