import type { Incident } from '../domain/incidents/incident';
import { linkKey, type LinkRole } from '../domain/incidents/incident-people';
import type { Person } from '../domain/people/person';
import type { Pupil } from '../domain/school/pupil';
import { DuplicateRecordError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { appendChronology } from './incident-chronology';
import { recordAudit } from './record-audit';

/**
 * Saves a new concern once for its submission key, with the pupils named in it and the first line
 * of its chronology. A first attempt that saved the concern but stopped before its first line (and
 * so before anyone was told) is finished by the next attempt; `alreadySaved` says it had been.
 */
export async function saveNewConcern(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  draft: Omit<Incident, 'id'>,
  reporter: Pick<Person, 'id' | 'displayName'>,
  reportedLine: string,
  pupils: { pupil: Pupil; role: LinkRole }[],
): Promise<{ incident: Versioned<Incident>; alreadySaved: boolean }> {
  let incident: Versioned<Incident>;
  try {
    incident = await deps.stores.incidents.insert(draft);
  } catch (error) {
    const earlier =
      error instanceof DuplicateRecordError
        ? (await deps.stores.incidents.find({ where: { submissionKey: draft.submissionKey }, limit: 1 })).items[0]
        : undefined;
    if (!earlier || earlier.reporterId !== reporter.id) throw error;
    const finished = (await deps.stores.incidentChronology.forIncident(earlier.id)).length > 0;
    if (!finished) await recordReported(deps, earlier.id, reporter, reportedLine, pupils);
    return { incident: earlier, alreadySaved: finished };
  }
  // From here the concern is saved: whatever else fails, it is reported as saved and announced.
  await recordReported(deps, incident.id, reporter, reportedLine, pupils).catch((error: unknown) =>
    deps.log.error('The "reported" line of a new concern could not be written', error),
  );
  return { incident, alreadySaved: false };
}

/** The pupils named in it, then the chronology's first line. */
async function recordReported(
  deps: Pick<AppDeps, 'stores' | 'clock' | 'log'>,
  incidentId: string,
  reporter: Pick<Person, 'id' | 'displayName'>,
  line: string,
  pupils: { pupil: Pupil; role: LinkRole }[],
): Promise<void> {
  for (const { pupil, role } of pupils) {
    const link = {
      incidentId,
      kind: 'pupil' as const,
      linkKey: linkKey(incidentId, 'pupil', pupil.id),
      pupilId: pupil.id,
      name: pupil.displayName,
      className: pupil.className,
      yearGroup: pupil.yearGroup,
      role,
      linked: true,
      updatedAt: deps.clock.now().toISOString(),
    };
    // Written once: a retried report meets the link it wrote the first time.
    await deps.stores.incidentLinks.insert(link).catch((error: unknown) => {
      if (!(error instanceof DuplicateRecordError)) throw error;
    });
  }
  await appendChronology(deps, incidentId, reporter, 'reported', line);
  await recordAudit(deps, reporter, {
    action: 'incident.reported',
    recordType: 'incident',
    recordId: incidentId,
    summary: 'Concern reported',
  });
}
