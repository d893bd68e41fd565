import { may } from '../domain/authorization/permissions';
import { incidentReference, type Incident } from '../domain/incidents/incident';
import { validateIncidentReport, type IncidentField } from '../domain/incidents/incident-input';
import { routeIncident, type Routing } from '../domain/incidents/incident-routing';
import type { Person } from '../domain/people/person';
import { ROLE_LABELS } from '../domain/people/role';
import { StoreUnavailableError } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import type { Pupil } from '../domain/school/pupil';
import { recordAudit } from './record-audit';
import { rosterSnapshot } from './roster-snapshot';
import { saveNewConcern } from './save-new-concern';
import { localDate } from '../domain/calendar/zoned-time';

export type ReportIncidentResult =
  | { status: 'ok'; reference: string; routedToLabel: string; aboutHeadteacher: boolean; incidentId: string; alreadySaved: boolean }
  | { status: 'not-permitted' }
  | { status: 'invalid'; errors: Partial<Record<IncidentField, string>> }
  | { status: 'not-saved' };

/**
 * A staff member reports a concern (s.8): it is saved, routed by the domain rules and assigned to
 * the routed role's holder (a concern reported from a Teams message keeps `messageCopy`, the
 * message as Teams gave it). The reporter gets a reference and nothing else of the record; telling
 * the people who deal with it is `announceConcern`.
 */
export async function reportIncident(
  deps: AppDeps,
  reporter: Person,
  form: unknown,
  submissionKey: string,
  messageCopy?: Incident['sourceMessage'],
): Promise<ReportIncidentResult> {
  if (!may(reporter, 'incident.report')) {
    await recordAudit(deps, reporter, {
      action: 'incident.report.denied',
      recordType: 'incident',
      recordId: '-',
      summary: 'Report refused: the person is not staff',
    });
    return { status: 'not-permitted' };
  }
  const now = deps.clock.now();
  const report = validateIncidentReport(form, localDate(now));
  if (!report.ok) return { status: 'invalid', errors: report.errors };
  const routing = routeIncident(report.value.category, report.value.involved);
  const routedLabel = ROLE_LABELS[routing.routedTo].toLowerCase();
  try {
    const roster = new Map((await rosterSnapshot(deps)).map((pupil) => [pupil.id, pupil]));
    const named = report.pupilIds.map((id) => roster.get(id));
    if (named.some((pupil) => !pupil))
      return { status: 'invalid', errors: { pupilIds: 'A pupil you chose is no longer on the roster: choose the pupils again.' } };
    const pupils = named as Pupil[];
    const assignee =
      (await deps.directory.holdersOf(routing.routedTo)).find((person) => person.id !== reporter.id) ??
      (await deps.directory.holdersOf(routing.routedTo))[0];
    const draft: Omit<Incident, 'id'> = {
      ...report.value,
      // Reported with the message action: the copy Teams gave of the message, whatever the form says.
      ...(messageCopy ? { sourceMessage: messageCopy } : {}),
      submissionKey,
      reporterId: reporter.id,
      reporterName: reporter.displayName,
      reportedAt: now.toISOString(),
      routedTo: routing.routedTo,
      aboutHeadteacher: report.value.involved === 'headteacher',
      ...(assignee ? { assigneeId: assignee.id, assigneeName: assignee.displayName } : {}),
      status: 'new',
      nobodyToldYet: true,
      // Escalated if nobody who may see it opens it in time (incident-timescales.ts).
      escalatedStage: 0,
      updatedAt: now.toISOString(),
    };
    const { incident, alreadySaved } = await saveNewConcern(
      deps,
      draft,
      reporter,
      reportedText(routing, routedLabel, assignee?.displayName, pupils),
      pupils.map((pupil) => ({ pupil, role: 'named' as const })),
    );
    return {
      status: 'ok',
      reference: incidentReference(incident.id),
      routedToLabel: ROLE_LABELS[incident.routedTo].toLowerCase(),
      aboutHeadteacher: incident.aboutHeadteacher,
      incidentId: incident.id,
      alreadySaved,
    };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      deps.log.error('A concern could not be saved', error);
      return { status: 'not-saved' };
    }
    throw error;
  }
}

export function reportedText(routing: Routing, routedLabel: string, assigneeName: string | undefined, pupils: Pupil[]): string {
  const also = routing.alsoTell?.length
    ? ` Also told: the ${routing.alsoTell.map((role) => ROLE_LABELS[role].toLowerCase()).join(' and the ')}.`
    : '';
  const named = pupils.length
    ? ` Pupils named by the reporter, their part to be confirmed: ${pupils.map((pupil) => `${pupil.displayName} (${pupil.className})`).join(', ')}.`
    : '';
  return `Reported; routed to the ${routedLabel}${assigneeName ? ` (${assigneeName})` : ''}.${also} Procedure: ${routing.procedure} (policy ${routing.policy}).${named}`;
}
