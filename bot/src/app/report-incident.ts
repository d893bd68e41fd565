import { may, whoMay } from '../domain/authorization/permissions';
import { incidentReference, type Incident } from '../domain/incidents/incident';
import { validateIncidentReport, type IncidentField } from '../domain/incidents/incident-input';
import { routeIncident } from '../domain/incidents/incident-routing';
import type { Person } from '../domain/people/person';
import { ROLE_LABELS } from '../domain/people/role';
import { DuplicateRecordError, StoreUnavailableError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { appendChronology } from './incident-chronology';
import { recordAudit } from './record-audit';

export type ReportIncidentResult =
  | { status: 'saved'; reference: string; routedToLabel: string; aboutHeadteacher: boolean; incidentId: string; alreadySaved: boolean }
  | { status: 'not-permitted'; message: string }
  | { status: 'invalid'; errors: Partial<Record<IncidentField, string>> }
  | { status: 'not-saved'; message: string };

/**
 * A staff member reports a concern (s.8): it is saved, routed by the domain rules and assigned to
 * the routed role's holder. The reporter gets a reference and nothing else of the record; telling
 * the people who deal with it is `announceConcern`.
 */
export async function reportIncident(deps: AppDeps, reporter: Person, form: unknown, submissionKey: string): Promise<ReportIncidentResult> {
  if (!may(reporter, 'incident.report')) {
    await recordAudit(deps, reporter, { action: 'incident.report.denied', recordType: 'incident', recordId: '-', summary: 'Report refused: the person is not staff' });
    return { status: 'not-permitted', message: `Only ${whoMay('incident.report')} can report a concern here; please tell the DSL in person.` };
  }
  const now = deps.clock.now();
  const report = validateIncidentReport(form, now.toISOString().slice(0, 10));
  if (!report.ok) return { status: 'invalid', errors: report.errors };
  const routing = routeIncident(report.value.category, report.value.involved);
  const routedLabel = ROLE_LABELS[routing.routedTo].toLowerCase();
  try {
    const assignee = (await deps.directory.holdersOf(routing.routedTo)).find((person) => person.id !== reporter.id) ?? (await deps.directory.holdersOf(routing.routedTo))[0];
    const draft: Omit<Incident, 'id'> = {
      ...report.value,
      submissionKey,
      reporterId: reporter.id,
      reporterName: reporter.displayName,
      reportedAt: now.toISOString(),
      routedTo: routing.routedTo,
      aboutHeadteacher: report.value.involved === 'headteacher',
      ...(assignee ? { assigneeId: assignee.id, assigneeName: assignee.displayName } : {}),
      status: 'new',
      nobodyToldYet: true,
      updatedAt: now.toISOString(),
    };
    const reportedLine = `Reported; routed to the ${routedLabel}${assignee ? ` (${assignee.displayName})` : ''}. Procedure: ${routing.procedure} (policy ${routing.policy}).`;
    let incident: Versioned<Incident>;
    try {
      incident = await deps.stores.incidents.insert(draft);
    } catch (error) {
      const earlier = error instanceof DuplicateRecordError ? (await deps.stores.incidents.find({ where: { submissionKey }, limit: 1 })).items[0] : undefined;
      if (!earlier || earlier.reporterId !== reporter.id) throw error;
      // A first attempt that saved the concern but stopped before its log line (and so before anyone
      // was told) is finished now: the line is written and the caller announces it.
      const finished = (await deps.stores.incidentChronology.forIncident(earlier.id)).length > 0;
      if (!finished) await recordReported(deps, earlier.id, reporter, reportedLine);
      return { status: 'saved', reference: incidentReference(earlier.id), routedToLabel: ROLE_LABELS[earlier.routedTo].toLowerCase(), aboutHeadteacher: earlier.aboutHeadteacher, incidentId: earlier.id, alreadySaved: finished };
    }
    // From here the concern is saved: whatever else fails, the reporter is told so and it is announced.
    await recordReported(deps, incident.id, reporter, reportedLine).catch((error: unknown) => deps.log.error('The "reported" line of a new concern could not be written', error));
    return { status: 'saved', reference: incidentReference(incident.id), routedToLabel: routedLabel, aboutHeadteacher: incident.aboutHeadteacher, incidentId: incident.id, alreadySaved: false };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      deps.log.error('A concern could not be saved', error);
      return { status: 'not-saved', message: 'Your concern was NOT saved because the school records could not be reached. Please try again in a few minutes, or tell the DSL in person now.' };
    }
    throw error;
  }
}

async function recordReported(deps: AppDeps, incidentId: string, reporter: Person, line: string): Promise<void> {
  await appendChronology(deps, incidentId, reporter, 'reported', line);
  await recordAudit(deps, reporter, { action: 'incident.reported', recordType: 'incident', recordId: incidentId, summary: 'Concern reported' });
}
