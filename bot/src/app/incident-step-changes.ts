import { longDate } from '../domain/calendar/dates';
import { addWorkingDays } from '../domain/calendar/working-hours';
import { localDate } from '../domain/calendar/zoned-time';
import { BODY_MAP_LIMITS, describeBodyMapChanges, markLabel, regionAt, type BodyMark } from '../domain/incidents/body-map';
import { STATUS_LABELS, type ChronologyEntry, type FollowUp, type Incident } from '../domain/incidents/incident';
import { policeDecision } from '../domain/incidents/incident-routing';
import { canChangeStatus, describeStatusChange } from '../domain/incidents/incident-status';
import { canBeAssigned, canSeeIncident } from '../domain/incidents/incident-visibility';
import type { Person } from '../domain/people/person';
import { ROLE_LABELS } from '../domain/people/role';
import type { IncidentStep } from './act-on-incident';
import type { IncidentDeps } from './incident-deps';
import { linkChange } from './incident-links';
import { readTermDates } from './settings/term-dates';

/** What a step changes: the incident's fields, what is written after it is saved, and the chronology's lines. */
export type Change =
  | { fields?: Partial<Incident>; afterSave?: () => Promise<void>; lines: { kind: ChronologyEntry['kind']; text: string }[]; audit: string }
  | { message: string };

const line = (kind: ChronologyEntry['kind'], text: string) => [{ kind, text }];

export async function changeFor(deps: IncidentDeps, incident: Incident, person: Person, step: IncidentStep): Promise<Change> {
  switch (step.type) {
    case 'action':
      return step.followUp
        ? followUpAction(deps, incident, person, step.text, step.followUp)
        : { lines: line('action', step.text), audit: 'Action added to the chronology' };
    case 'assign': {
      const assignee = await deps.directory.byId(step.personId);
      if (!assignee || !canBeAssigned(assignee, incident)) return { message: 'This incident cannot be given to that person.' };
      return {
        fields: { assigneeId: assignee.id, assigneeName: assignee.displayName },
        lines: line('assigned', `Assigned to ${assignee.displayName}`),
        audit: 'Assigned',
      };
    }
    case 'status': {
      if (!canChangeStatus(incident.status, step.to))
        return {
          message: `A ${STATUS_LABELS[incident.status].toLowerCase()} incident cannot be marked ${STATUS_LABELS[step.to].toLowerCase()}.`,
        };
      const text = `${describeStatusChange(incident.status, step.to)}${step.note ? `: ${step.note}` : ''}`;
      return { fields: { status: step.to }, lines: line('status', text), audit: `Status ${incident.status} → ${step.to}` };
    }
    case 'cpoms':
      return {
        fields: { cpomsReference: step.reference },
        lines: line('cpoms', `CPOMS reference recorded: ${step.reference}`),
        audit: 'CPOMS reference recorded',
      };
    case 'police': {
      const decider = policeDecision(incident, person);
      if (!decider.may) return { message: decider.why };
      const police = {
        contacted: step.contacted,
        decidedBy: person.displayName,
        decidedById: person.id,
        ...(decider.as ? { decidedAs: decider.as } : {}),
        reason: step.reason,
        recordedAt: deps.clock.now().toISOString(),
      };
      const text = `${step.contacted ? 'Police contacted' : 'Police not contacted'} (decided by ${person.displayName}${decider.as ? ` as ${ROLE_LABELS[decider.as]}` : ''}): ${step.reason}`;
      return {
        fields: { police },
        lines: line('police', text),
        audit: step.contacted ? 'Police contact recorded' : 'Decision not to contact the police recorded',
      };
    }
    case 'link':
    case 'linkRole':
    case 'unlink':
      return linkChange(deps, incident, step);
    case 'bodyMap':
      return bodyMapChange(incident, step.marks);
    case 'followUpDone': {
      const followUp = (incident.followUps ?? []).find((candidate) => candidate.id === step.followUpId);
      if (!followUp || followUp.done) return { message: 'That follow-up is not open on this incident.' };
      const done = { at: deps.clock.now().toISOString(), byName: person.displayName };
      const followUps = (incident.followUps ?? []).map((candidate) => (candidate.id === followUp.id ? { ...candidate, done } : candidate));
      return { fields: { followUps }, lines: line('followUp', `Follow-up done: ${followUp.text}`), audit: 'Follow-up done' };
    }
    case 'ico': {
      if (incident.category !== 'dataProtectionBreach') return { message: 'Only a data-protection breach is reported to the ICO.' };
      const ico = {
        reported: step.reported,
        reason: step.reason,
        decidedById: person.id,
        decidedBy: person.displayName,
        recordedAt: deps.clock.now().toISOString(),
      };
      return {
        fields: { ico },
        lines: line('ico', `${step.reported ? 'Reported to the ICO' : 'Not reported to the ICO'}: ${step.reason}`),
        audit: 'ICO decision recorded',
      };
    }
  }
}

/** An action with a date by which it must be done, for someone who may see the incident. */
async function followUpAction(
  deps: IncidentDeps,
  incident: Incident,
  person: Person,
  text: string,
  asked: { inWorkingDays?: number; on?: string; assigneeId: string },
): Promise<Change> {
  const assignee = await deps.directory.byId(asked.assigneeId);
  if (!assignee || !canSeeIncident(assignee, incident))
    return { message: 'A follow-up can only be given to someone who may see this incident.' };
  const today = localDate(deps.clock.now());
  const dueOn = asked.on ?? addWorkingDays((await readTermDates(deps.stores)).calendar, today, asked.inWorkingDays ?? 1);
  if (!dueOn) return { message: "The school's term dates have no working days ahead: give the follow-up a date instead." };
  if (dueOn < today) return { message: 'A follow-up cannot be due in the past.' };
  const followUp: FollowUp = {
    id: nextId(
      'f',
      (incident.followUps ?? []).map((one) => one.id),
    ),
    text,
    dueOn,
    assigneeId: assignee.id,
    assigneeName: assignee.displayName,
    setAt: deps.clock.now().toISOString(),
    setByName: person.displayName,
  };
  return {
    fields: { followUps: [...(incident.followUps ?? []), followUp] },
    lines: line('action', `${text} (follow-up by ${assignee.displayName}, due ${longDate(dueOn)})`),
    audit: 'Action with a follow-up date added',
  };
}

function bodyMapChange(incident: Incident, sent: { id?: string; view: BodyMark['view']; x: number; y: number; note: string }[]): Change {
  if (sent.length > BODY_MAP_LIMITS.marks) return { message: `A body map holds at most ${BODY_MAP_LIMITS.marks} marks.` };
  const before = incident.bodyMap ?? [];
  const known = new Set(before.map((mark) => mark.id));
  const ids = before.map((mark) => mark.id);
  const taken = new Set<string>();
  const after: BodyMark[] = sent.map((mark) => {
    const id = mark.id && known.has(mark.id) && !taken.has(mark.id) ? mark.id : nextId('m', ids);
    ids.push(id);
    taken.add(id);
    return { id, view: mark.view, x: Math.round(mark.x), y: Math.round(mark.y), note: mark.note };
  });
  const off = after.find((mark) => !regionAt(mark.view, mark.x, mark.y));
  if (off) return { message: `A mark is off the outline (${markLabel(off)}): move it onto the body.` };
  const changes = describeBodyMapChanges(before, after);
  if (changes.length === 0) return { message: 'Nothing on the body map has changed.' };
  return { fields: { bodyMap: after }, lines: changes.map((text) => ({ kind: 'bodyMap' as const, text })), audit: 'Body map changed' };
}

/** `m1`, `m2`…: the next id not yet used. */
function nextId(prefix: string, used: string[]): string {
  const highest = Math.max(0, ...used.map((id) => Number(id.slice(prefix.length)) || 0));
  return `${prefix}${highest + 1}`;
}
