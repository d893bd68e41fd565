import { concernRecipients, FALLBACK_ROLES } from '../domain/incidents/concern-notice';
import type { Incident } from '../domain/incidents/incident';
import type { Person } from '../domain/people/person';
import { StaleRecordError, type Versioned } from '../ports/collection.port';
import type { ReminderMessage } from '../ports/outbox.port';
import type { AppDeps } from './app-deps';
import type { Announce } from './reminders/announce';
import { readAll } from './read-all';

/** Whether anyone who may see the concern has now been told of it. */
export type ConcernNoticeOutcome = 'told' | 'toldInstead' | 'nobodyTold';

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
 * sent twice). A concern stays marked "nobody told yet" until someone who may see it has been told:
 * if nobody can be reached now, the concern-notices job keeps trying (`attempt` names the try).
 */
export async function announceConcern(deps: NoticeDeps, incidentId: string, attempt = 'reported'): Promise<ConcernNoticeOutcome> {
  const incident = await deps.stores.incidents.get(incidentId);
  if (!incident) return 'nobodyTold';
  if (incident.nobodyToldYet === false) return 'told';
  const assignee = incident.assigneeId ? await deps.directory.byId(incident.assigneeId) : undefined;
  const routed = [...(assignee ? [assignee] : []), ...(await deps.directory.holdersOf(incident.routedTo))];
  const fallback = (await Promise.all(FALLBACK_ROLES.map((role) => deps.directory.holdersOf(role)))).flat();
  const recipients = concernRecipients(incident, routed, fallback);
  for (const [people, outcome] of [[recipients.first, 'told'], [recipients.fallback, 'toldInstead']] as const) {
    if (people.length === 0) continue;
    const report = await deps.announce(`concern ${attempt}`, people.map((person) => notice(person, incident.id, attempt)));
    if (report.sent > 0) {
      await markTold(deps, incident);
      return outcome;
    }
  }
  deps.log.warn('A new concern could not be told to anyone who may see it yet; the concern-notices job keeps trying');
  return 'nobodyTold';
}

/**
 * The concern-notices job: every concern nobody has been told of yet is tried again, with everyone
 * who may see it. `attempt` is this run's slot, so each try is a new message for each person.
 */
export async function retryConcernNotices(deps: NoticeDeps, attempt: string): Promise<{ tried: number; told: number }> {
  const untold = await readAll((cursor) => deps.stores.incidents.find({ where: { nobodyToldYet: true }, limit: 200, ...(cursor ? { cursor } : {}) }));
  let told = 0;
  for (const incident of untold) if ((await announceConcern(deps, incident.id, attempt)) !== 'nobodyTold') told++;
  return { tried: untold.length, told };
}

function notice(person: Person, incidentId: string, attempt: string) {
  return { person, reason: `concern:${incidentId}`, period: attempt, message: NEW_CONCERN_NOTICE };
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
