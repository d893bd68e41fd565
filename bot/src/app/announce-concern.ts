import { concernRecipients, FALLBACK_ROLES } from '../domain/incidents/concern-notice';
import type { Incident } from '../domain/incidents/incident';
import { routeIncident } from '../domain/incidents/incident-routing';
import { holds, type Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';
import { reminderKey } from '../domain/reminders/reminder-rules';
import { StaleRecordError, type Versioned } from '../ports/collection.port';
import type { ReminderMessage } from '../ports/outbox.port';
import type { AppDeps } from './app-deps';
import type { Announce } from './reminders/announce';
import { readAll } from './read-all';

/** Whether anyone who may see the concern has now been told of it. */
export type ConcernNoticeOutcome = 'told' | 'toldInstead' | 'nobodyTold';

/** The outcome, and for a fallback, the roles of the people it went to instead. */
export interface ConcernNoticeResult {
  outcome: ConcernNoticeOutcome;
  toldRoles?: Role[];
}

type NoticeDeps = Pick<AppDeps, 'stores' | 'directory' | 'log'> & { announce: Announce };

/** All a notice says: no category, no names, no reference. The details stay in the Incidents tab. */
export const NEW_CONCERN_NOTICE: ReminderMessage = {
  title: 'A new concern needs your attention',
  lines: ['Open the Incidents tab to read it.'],
  tone: 'attention',
  act: { label: 'Open the Incidents tab', tabView: 'incidents' },
};

/**
 * Tells the people who deal with a new concern, through the outbox (stored before it is sent, never
 * sent twice). A concern stays marked "nobody told yet" until someone who may see it has been told;
 * the concern-notices job calls this again every quarter of an hour until then, and the outbox
 * sends each notice to whoever has since opened the app. Says who was told: the people it was
 * routed to, or (when none of them could be reached) which fallback roles.
 */
export async function announceConcern(deps: NoticeDeps, incidentId: string): Promise<ConcernNoticeResult> {
  const incident = await deps.stores.incidents.get(incidentId);
  if (!incident) return { outcome: 'nobodyTold' };
  if (incident.nobodyToldYet === false) return { outcome: 'told' };
  const assignee = incident.assigneeId ? await deps.directory.byId(incident.assigneeId) : undefined;
  // The routed role, and those the routing also tells (the DSL for a pupil's possibly illegal behaviour, s.8).
  const roles = [incident.routedTo, ...(routeIncident(incident.category, incident.involved).alsoTell ?? [])];
  const routed = [...(assignee ? [assignee] : []), ...(await Promise.all(roles.map((role) => deps.directory.holdersOf(role)))).flat()];
  const fallback = (await Promise.all(FALLBACK_ROLES.map((role) => deps.directory.holdersOf(role)))).flat();
  const recipients = concernRecipients(incident, routed, fallback);
  for (const [people, outcome] of [
    [recipients.first, 'told'],
    [recipients.fallback, 'toldInstead'],
  ] as const) {
    if (people.length === 0) continue;
    const report = await deps.announce(
      `concern ${incident.id}`,
      people.map((person) => notice(person, incident.id)),
    );
    if (report.sent > 0 || (await anyAlreadyTold(deps, people, incident.id))) {
      await markTold(deps, incident);
      return outcome === 'told'
        ? { outcome }
        : { outcome, toldRoles: FALLBACK_ROLES.filter((role) => people.some((person) => holds(person, role))) };
    }
  }
  deps.log.warn('A new concern could not be told to anyone who may see it yet; the concern-notices job keeps trying');
  return { outcome: 'nobodyTold' };
}

/**
 * The concern-notices job: every concern nobody who may see it has been told of yet is tried again,
 * with everyone who may see it.
 */
export async function retryConcernNotices(deps: NoticeDeps): Promise<{ tried: number; told: number }> {
  const untold = await readAll((cursor) =>
    deps.stores.incidents.find({ where: { nobodyToldYet: true }, limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  let told = 0;
  for (const incident of untold) if ((await announceConcern(deps, incident.id)).outcome !== 'nobodyTold') told++;
  return { tried: untold.length, told };
}

/** Whether an earlier attempt already told one of them (the app stopped before the concern was marked). */
async function anyAlreadyTold(deps: Pick<AppDeps, 'stores'>, people: readonly Person[], incidentId: string): Promise<boolean> {
  for (const person of people) {
    const entry = (
      await deps.stores.outbox.find({ where: { key: reminderKey(person.id, concernReason(incidentId), NOTICE_PERIOD) }, limit: 1 })
    ).items[0];
    if (entry?.status === 'sent') return true;
  }
  return false;
}

/** Reasons of outbox entries about a concern: never listed anywhere others may read (the digest). */
export function isAboutAConcern(reason: string): boolean {
  return reason.startsWith('concern');
}

const NOTICE_PERIOD = 'new';
const concernReason = (incidentId: string) => `concern:${incidentId}`;

function notice(person: Person, incidentId: string) {
  return { person, reason: concernReason(incidentId), period: NOTICE_PERIOD, message: NEW_CONCERN_NOTICE };
}

async function markTold(deps: Pick<AppDeps, 'stores'>, first: Versioned<Incident>): Promise<void> {
  let incident: Versioned<Incident> | undefined = first;
  for (let attempt = 1; incident && incident.nobodyToldYet !== false; attempt++) {
    try {
      await deps.stores.incidents.update({ ...incident, nobodyToldYet: false });
      return;
    } catch (error) {
      if (!(error instanceof StaleRecordError) || attempt >= 3) throw error;
      incident = await deps.stores.incidents.get(first.id);
    }
  }
}
