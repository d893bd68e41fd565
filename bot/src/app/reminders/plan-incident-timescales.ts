import { isWorkingTime } from '../../domain/calendar/working-hours';
import { localDate } from '../../domain/calendar/zoned-time';
import type { Incident, IncidentStatus } from '../../domain/incidents/incident';
import { routeIncident } from '../../domain/incidents/incident-routing';
import { escalationRoles, escalationsDue, ICO_HOURS, icoClock, openFollowUps } from '../../domain/incidents/incident-timescales';
import { canSeeIncident } from '../../domain/incidents/incident-visibility';
import type { Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import type { Versioned } from '../../ports/collection.port';
import type { ReminderMessage } from '../../ports/outbox.port';
import { readAll } from '../read-all';
import { readTermDates } from '../settings/term-dates';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

export interface Escalation {
  incident: Versioned<Incident>;
  stage: 1 | 2;
  told: Person[];
}

const OPEN: IncidentStatus[] = ['new', 'inProgress', 'actionTaken'];
const TO_THE_TAB = { label: 'Open the Incidents tab', tabView: 'incidents' } as const;

/**
 * The incident log's timescales, checked every quarter of an hour (the incident-timescales job):
 * a concern nobody who may see it has opened in time goes to the deputy DSLs, then to the
 * headteacher (the chair of governors for a concern about the headteacher); follow-ups are
 * reminded to their assignee when due and each working day they are overdue; a data-protection
 * breach is reminded at 24, 48 and 66 hours of its 72. Only people who may see the incident are
 * told, and notices say nothing of what it is about. The outbox keys make each notice go once.
 */
export async function planIncidentTimescales(
  deps: ReminderJobDeps,
  now: Date,
): Promise<{ planned: PlannedReminder[]; escalations: Escalation[] }> {
  const planned: PlannedReminder[] = [];
  const escalations: Escalation[] = [];
  const holders = new Map<Role, Person[]>();
  const mayBeTold = async (incident: Incident, roles: Role[]) => {
    for (const role of roles) if (!holders.has(role)) holders.set(role, await deps.directory.holdersOf(role));
    const people = roles.flatMap((role) => holders.get(role)!);
    return [...new Map(people.map((person) => [person.id, person])).values()].filter((person) => canSeeIncident(person, incident));
  };
  const { calendar } = await readTermDates(deps.stores);
  const workingNow = isWorkingTime(calendar, deps.incidents.workingDay, now);
  const today = localDate(now);

  for (const incident of await openIncidents(deps)) {
    for (const stage of escalationsDue(incident, calendar, deps.incidents, now)) {
      const told = await mayBeTold(incident, escalationRoles(stage, incident));
      for (const person of told)
        planned.push({
          person,
          reason: `concern-escalation:${incident.id}`,
          period: `stage-${stage}`,
          message: escalationNotice(deps.incidents.escalateAfterWorkingHours * stage),
        });
      if (stage > (incident.escalatedStage ?? 0)) escalations.push({ incident, stage, told });
    }
    for (const followUp of workingNow ? openFollowUps(incident).filter((one) => one.dueOn <= today) : []) {
      const assignee = await deps.directory.byId(followUp.assigneeId);
      if (!assignee || !canSeeIncident(assignee, incident)) continue;
      const overdue = followUp.dueOn < today;
      planned.push({
        person: assignee,
        reason: `concern-followup:${incident.id}:${followUp.id}`,
        period: overdue ? `overdue-${today}` : 'due',
        message: followUpNotice(overdue),
      });
    }
    const clock = icoClock(incident, now);
    if (clock?.remindersDue.length) {
      const routing = routeIncident(incident.category, incident.involved);
      const assignee = incident.assigneeId ? await deps.directory.byId(incident.assigneeId) : undefined;
      const people = [
        ...(assignee && canSeeIncident(assignee, incident) ? [assignee] : []),
        ...(await mayBeTold(incident, [routing.routedTo, ...(routing.alsoTell ?? [])])),
      ];
      const hours = clock.remindersDue[clock.remindersDue.length - 1]!;
      for (const person of new Map(people.map((one) => [one.id, one])).values())
        planned.push({ person, reason: `concern-ico:${incident.id}`, period: `h${hours}`, message: icoNotice(hours) });
    }
  }
  return { planned, escalations };
}

async function openIncidents(deps: ReminderJobDeps): Promise<Versioned<Incident>[]> {
  const byStatus = await Promise.all(
    OPEN.map((status) => readAll((cursor) => deps.stores.incidents.find({ where: { status }, limit: 500, ...(cursor ? { cursor } : {}) }))),
  );
  return byStatus.flat();
}

/** What the notices say: that something needs attention, never what it is about. */
function escalationNotice(hours: number): ReminderMessage {
  return {
    title: 'A concern has not been opened yet',
    lines: [
      `A concern reported more than ${hours} working hours ago has not been opened by anyone who deals with it. Please open the Incidents tab and check it now.`,
    ],
    tone: 'attention',
    act: TO_THE_TAB,
  };
}

function followUpNotice(overdue: boolean): ReminderMessage {
  return overdue
    ? {
        title: 'A follow-up is overdue',
        lines: ['A follow-up you were given on a concern is past its date. Open the Incidents tab to see it, and mark it done once it is.'],
        tone: 'attention',
        act: TO_THE_TAB,
      }
    : {
        title: 'A follow-up is due today',
        lines: ['A follow-up you were given on a concern is due today. Open the Incidents tab to see it.'],
        tone: 'warning',
        act: TO_THE_TAB,
      };
}

function icoNotice(hours: number): ReminderMessage {
  return {
    title: `${ICO_HOURS - hours} hours left to decide on reporting`,
    lines: [
      `A concern needs a decision within ${ICO_HOURS} hours of the school becoming aware (UK GDPR Article 33); ${hours} hours have passed. Record in the Incidents tab whether it was reported.`,
    ],
    tone: 'attention',
    act: TO_THE_TAB,
  };
}
