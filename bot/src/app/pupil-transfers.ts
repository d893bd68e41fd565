import { may } from '../domain/authorization/permissions';
import { today } from '../domain/calendar/zoned-time';
import { incidentReference, type ChronologyEntry, type Incident } from '../domain/incidents/incident';
import type { EvidenceFile } from '../domain/incidents/incident-evidence';
import type { IncidentLink, LinkRole } from '../domain/incidents/incident-people';
import { canSeeIncident } from '../domain/incidents/incident-visibility';
import { ANOTHER_PUPIL, fileRedactor, SOMEONE_OUTSIDE_SCHOOL } from '../domain/incidents/file-redaction';
import {
  needsTransfer,
  transferProblems,
  type PupilTransfer,
  type TransferInput,
  type TransferMethod,
} from '../domain/incidents/pupil-transfer';
import type { Person } from '../domain/people/person';
import type { Pupil } from '../domain/school/pupil';
import { DuplicateRecordError, StaleRecordError, StoreUnavailableError, type Versioned } from '../ports/collection.port';
import type { MediaStore } from '../ports/media-store.port';
import type { AppDeps } from './app-deps';
import { refuse, type NotPermitted } from './incident-log';
import type { FieldProblems } from './outcome';
import { allPupils, readAll } from './read-all';
import { recordAudit } from './record-audit';

type TransferDeps = Pick<AppDeps, 'stores' | 'clock'>;

function linksOfIncident(deps: Pick<AppDeps, 'stores'>, incidentId: string): Promise<Versioned<IncidentLink>[]> {
  return readAll((cursor) => deps.stores.incidentLinks.find({ where: { incidentId }, limit: 200, ...(cursor ? { cursor } : {}) }));
}

async function linksOfPupil(deps: Pick<AppDeps, 'stores'>, pupilId: string): Promise<Versioned<IncidentLink>[]> {
  return readAll((cursor) => deps.stores.incidentLinks.find({ where: { pupilId }, limit: 200, ...(cursor ? { cursor } : {}) }));
}

/**
 * Makes the DSL's task for every leaver linked to an incident who has none yet: after a pupil
 * import (for the pupils it marked as left), when a pupil who has left is linked to an incident,
 * and every weekday for everyone who has left, so that an import that stopped part-way still makes
 * them. One task per pupil, whoever makes it first (the store refuses a second). Reads every link
 * once rather than one read per leaver (a September import marks hundreds as left), and the tasks
 * only when a leaver is linked. Answers how many were made.
 */
export async function ensureTransferTasks(deps: TransferDeps, leavers?: readonly Pick<Pupil, 'id' | 'onRollTo'>[]): Promise<number> {
  const day = today(deps.clock);
  const candidates = (leavers ?? (await allPupils(deps.stores))).filter((pupil) => pupil.onRollTo && pupil.onRollTo.slice(0, 10) <= day);
  if (candidates.length === 0) return 0;
  const linksByPupil = new Map<string, IncidentLink[]>();
  for (const link of await readAll((cursor) => deps.stores.incidentLinks.find({ limit: 1000, ...(cursor ? { cursor } : {}) }))) {
    if (link.pupilId) linksByPupil.set(link.pupilId, [...(linksByPupil.get(link.pupilId) ?? []), link]);
  }
  const linked = candidates.filter((pupil) => needsTransfer(pupil, linksByPupil.get(pupil.id) ?? [], day));
  if (linked.length === 0) return 0;
  const existing = new Set(
    (await readAll((cursor) => deps.stores.pupilTransfers.find({ limit: 1000, ...(cursor ? { cursor } : {}) }))).map(
      (transfer) => transfer.pupilId,
    ),
  );
  let made = 0;
  for (const pupil of linked.filter((one) => !existing.has(one.id))) {
    const now = deps.clock.now().toISOString();
    try {
      await deps.stores.pupilTransfers.insert({
        pupilId: pupil.id,
        status: 'toSend',
        leftOn: pupil.onRollTo!.slice(0, 10),
        createdAt: now,
        updatedAt: now,
      });
      made++;
    } catch (error) {
      if (!(error instanceof DuplicateRecordError)) throw error;
    }
  }
  return made;
}

/** One leaver's task as the Incidents tab lists it. */
export interface TransferRow {
  transfer: Versioned<PupilTransfer>;
  pupil: Pick<Pupil, 'id' | 'displayName' | 'className' | 'yearGroup'>;
  /**
   * Incidents linked to the pupil that this person may see. How many they may not see is never
   * counted: a count would tell a DSL who is also the headteacher that a concern about them exists.
   */
  incidents: number;
}

/**
 * Every leaver with a file to send, and those already sent, for the DSL and the deputies: only the
 * leavers linked to an incident this person may see. A leaver linked only to concerns they may not
 * see (a concern about the headteacher, for a headteacher who is also the DSL) is not listed at all:
 * a row with nothing in it would say such a concern exists.
 */
export async function listTransfers(deps: AppDeps, person: Person): Promise<NotPermitted | { status: 'ok'; rows: TransferRow[] }> {
  if (!may(person, 'incident.transfer')) return refuse(deps, person, 'incident.transfer');
  const transfers = await readAll((cursor) => deps.stores.pupilTransfers.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
  const rows: TransferRow[] = [];
  for (const transfer of transfers) {
    const pupil = await deps.stores.pupils.get(transfer.pupilId);
    if (!pupil) continue;
    const seen = await visibleIncidents(deps, person, pupil.id);
    if (seen.length === 0) continue;
    rows.push({
      transfer,
      pupil: { id: pupil.id, displayName: pupil.displayName, className: pupil.className, yearGroup: pupil.yearGroup },
      incidents: seen.length,
    });
  }
  rows.sort(
    (a, b) =>
      Number(a.transfer.status === 'sent') - Number(b.transfer.status === 'sent') ||
      a.transfer.leftOn.localeCompare(b.transfer.leftOn) ||
      a.pupil.displayName.localeCompare(b.pupil.displayName),
  );
  return { status: 'ok', rows };
}

/** Whether the person may see any incident the pupil is linked to: who a leaver's file is for, and who is told of it. */
export async function seesAnyIncidentOf(deps: Pick<AppDeps, 'stores'>, person: Person, pupilId: string): Promise<boolean> {
  return (await visibleIncidents(deps, person, pupilId)).length > 0;
}

/**
 * Who is told of a leaver's file: from each group in turn (the DSLs, then the deputies, then the
 * chair of governors), those who may see one of the pupil's incidents that nobody from an earlier
 * group may see — so every incident is seen by someone told, and a later group is asked only for
 * what the earlier could not see (a concern about a headteacher who is the only DSL, s.8).
 */
export async function whoSendsFileOf(deps: Pick<AppDeps, 'stores'>, groups: readonly Person[][], pupilId: string): Promise<Person[]> {
  let unseen = (await linkedIncidents(deps, pupilId)).map(({ incident }) => incident);
  const told: Person[] = [];
  for (const group of groups) {
    const seeing = group.filter(
      (person) => !told.some((one) => one.id === person.id) && unseen.some((incident) => canSeeIncident(person, incident)),
    );
    told.push(...seeing);
    unseen = unseen.filter((incident) => !seeing.some((person) => canSeeIncident(person, incident)));
  }
  return told;
}

/** The incidents a pupil is linked to that the person may see, with the pupil's part; the others are left out without a trace. */
async function visibleIncidents(
  deps: Pick<AppDeps, 'stores'>,
  person: Person,
  pupilId: string,
): Promise<{ incident: Versioned<Incident>; role: LinkRole }[]> {
  return (await linkedIncidents(deps, pupilId)).filter(({ incident }) => canSeeIncident(person, incident));
}

/** Every incident the pupil is linked to as a pupil, with their part, oldest first. */
async function linkedIncidents(
  deps: Pick<AppDeps, 'stores'>,
  pupilId: string,
): Promise<{ incident: Versioned<Incident>; role: LinkRole }[]> {
  const incidents: { incident: Versioned<Incident>; role: LinkRole }[] = [];
  for (const link of (await linksOfPupil(deps, pupilId)).filter((one) => one.kind === 'pupil' && one.linked)) {
    const incident = await deps.stores.incidents.get(link.incidentId);
    if (incident) incidents.push({ incident, role: link.role });
  }
  incidents.sort((a, b) => a.incident.reportedAt.localeCompare(b.incident.reportedAt));
  return incidents;
}

/** Another person on one of the pupil's incidents, as the file shows them. */
export interface FilePerson {
  kind: IncidentLink['kind'];
  /** "another pupil" for every pupil but this one, "someone outside school" for a parent or anyone else; staff by name. */
  name: string;
  role: LinkRole;
  isThisPupil: boolean;
}

export interface FileEvidence {
  id: string;
  name: string;
  format: EvidenceFile['format'];
  bytes: number;
  addedAt: string;
  addedByName: string;
  removed?: EvidenceFile['removed'];
  /** Where the file's bytes are, for the zip; absent for a removed file. */
  storageKey?: string;
}

export interface FileIncident {
  reference: string;
  incident: Incident;
  role: LinkRole;
  people: FilePerson[];
  /** The incident's chronology, oldest first, steps of the app's process left out. */
  entries: Pick<ChronologyEntry, 'at' | 'byName' | 'kind' | 'text'>[];
  evidence: FileEvidence[];
}

/** A leaver's safeguarding file: what the PDF and the zip are made from. Every other pupil is "another pupil". */
export interface TransferFile {
  status: 'ok';
  pupil: Pupil;
  transfer?: Versioned<PupilTransfer>;
  producedAt: string;
  producedByName: string;
  incidents: FileIncident[];
}

const NOT_ABOUT_THE_PUPIL: ReadonlySet<ChronologyEntry['kind']> = new Set(['opened', 'escalated']);

/**
 * A leaver's file as the person may produce it: the incidents linked to the pupil that they may see
 * (the rest are left out without a trace; the file says whose they are), each with only what concerns this pupil —
 * other pupils linked are "another pupil" and people outside school "someone outside school", their
 * part kept, and every other pupil on the roster (current and left) and everyone outside school
 * linked is taken out of the free text wherever named (`fileRedactor`). Audited without a name.
 */
export async function transferFile(
  deps: AppDeps,
  person: Person,
  pupilId: string,
): Promise<NotPermitted | { status: 'not-found' } | TransferFile> {
  if (!may(person, 'incident.transfer')) return refuse(deps, person, 'incident.transfer', pupilId, 'pupil');
  const pupil = await deps.stores.pupils.get(pupilId);
  if (!pupil) return { status: 'not-found' };
  const transfer = (await deps.stores.pupilTransfers.find({ where: { pupilId }, limit: 1 })).items[0];
  const incidents = await visibleIncidents(deps, person, pupil.id);
  // Nothing this person may see: as if there were no file, so that none is made that says one exists.
  if (incidents.length === 0) return { status: 'not-found' };
  const linked = await Promise.all(
    incidents.map(async ({ incident }) => (await linksOfIncident(deps, incident.id)).filter((link) => link.linked)),
  );
  const allLinks = linked.flat();
  // One redaction for the whole file, from one read of the roster: every other pupil the school has
  // had, those linked but no longer on it, and everyone outside school linked to any of these incidents.
  const redact = fileRedactor({
    pupil: pupil.displayName,
    otherPupils: [
      ...(await allPupils(deps.stores)).filter((one) => one.id !== pupil.id).map((one) => one.displayName),
      ...allLinks.filter((link) => link.kind === 'pupil' && link.pupilId !== pupil.id).map((link) => link.name),
    ],
    outsiders: allLinks.filter((link) => link.kind === 'other').map((link) => link.name),
  });
  const file: FileIncident[] = [];
  for (const [index, { incident, role }] of incidents.entries()) {
    file.push({
      reference: incidentReference(incident.id),
      role,
      incident: redactedIncident(incident, redact),
      people: linked[index]!.map((link) => {
        const isThisPupil = link.kind === 'pupil' && link.pupilId === pupil.id;
        return { kind: link.kind, role: link.role, isThisPupil, name: fileName(link, isThisPupil, redact) };
      }),
      entries: (await deps.stores.incidentChronology.forIncident(incident.id))
        .filter((entry) => !NOT_ABOUT_THE_PUPIL.has(entry.kind))
        .map(({ at, byName, kind, text }) => ({ at, byName, kind, text: redact(text) })),
      evidence: (incident.evidence ?? []).map((evidence) => ({
        id: evidence.id,
        name: redact(evidence.name),
        format: evidence.format,
        bytes: evidence.bytes,
        addedAt: evidence.addedAt,
        addedByName: evidence.addedByName,
        ...(evidence.removed
          ? { removed: { ...evidence.removed, reason: redact(evidence.removed.reason) } }
          : { storageKey: evidence.storageKey }),
      })),
    });
  }
  await recordAudit(deps, person, {
    action: 'incident.transfer.produced',
    recordType: 'pupil',
    recordId: pupil.id,
    summary: "A leaver's safeguarding file produced for transfer",
  });
  return {
    status: 'ok',
    pupil,
    ...(transfer ? { transfer } : {}),
    producedAt: deps.clock.now().toISOString(),
    producedByName: person.displayName,
    incidents: file,
  };
}

/** A person linked, as the file names them: staff by name (professionals), nobody else. */
function fileName(link: IncidentLink, isThisPupil: boolean, redact: (text: string) => string): string {
  if (link.kind === 'pupil') return isThisPupil ? link.name : ANOTHER_PUPIL;
  return link.kind === 'other' ? SOMEONE_OUTSIDE_SCHOOL : redact(link.name);
}

/** The incident's own words, other pupils taken out: what happened, the message it came from, decisions, follow-ups, body-map notes. */
function redactedIncident(incident: Incident, redact: (text: string) => string): Incident {
  return {
    ...incident,
    whatHappened: redact(incident.whatHappened),
    platform: redact(incident.platform),
    ...(incident.sourceMessage
      ? {
          sourceMessage: {
            ...incident.sourceMessage,
            author: redact(incident.sourceMessage.author),
            ...(incident.sourceMessage.text ? { text: redact(incident.sourceMessage.text) } : {}),
          },
        }
      : {}),
    ...(incident.police ? { police: { ...incident.police, reason: redact(incident.police.reason) } } : {}),
    ...(incident.ico ? { ico: { ...incident.ico, reason: redact(incident.ico.reason) } } : {}),
    ...(incident.followUps ? { followUps: incident.followUps.map((followUp) => ({ ...followUp, text: redact(followUp.text) })) } : {}),
    ...(incident.bodyMap ? { bodyMap: incident.bodyMap.map((mark) => ({ ...mark, note: redact(mark.note) })) } : {}),
  };
}

/** The evidence files of a produced file, one at a time, for the zip: read from the school's evidence store. */
export async function* evidenceFilesOf(
  store: MediaStore,
  file: TransferFile,
): AsyncGenerator<{ incident: string; evidence: FileEvidence; bytes: AsyncIterable<Uint8Array> | undefined }> {
  for (const incident of file.incidents) {
    for (const evidence of incident.evidence) {
      if (!evidence.storageKey) continue;
      yield { incident: incident.reference, evidence, bytes: await store.read(evidence.storageKey) };
    }
  }
}

export type RecordTransferResult =
  | NotPermitted
  | { status: 'not-found' }
  | { status: 'invalid'; fields: FieldProblems }
  /** Someone else recorded it (or changed it) since the person saw it: nothing was written. */
  | { status: 'stale'; transfer: Versioned<PupilTransfer> }
  | { status: 'not-saved' }
  | { status: 'ok'; transfer: Versioned<PupilTransfer> };

/**
 * The DSL records the file as sent: when, to which school and DSL, and how. Conditional on the
 * version the person saw, so of two DSLs recording it at once the second is told and shown the
 * record as it now is. Closes the task; audited without the pupil's name.
 */
export async function recordTransferSent(
  deps: AppDeps,
  person: Person,
  pupilId: string,
  input: TransferInput & { version: number },
): Promise<RecordTransferResult> {
  if (!may(person, 'incident.transfer')) return refuse(deps, person, 'incident.transfer', pupilId, 'pupil');
  const transfer = (await deps.stores.pupilTransfers.find({ where: { pupilId }, limit: 1 })).items[0];
  if (!transfer || !(await seesAnyIncidentOf(deps, person, pupilId))) return { status: 'not-found' };
  const fields: FieldProblems = transferProblems(input, today(deps.clock));
  if (input.version < 0) fields.version = 'Send the version of the record you saw.';
  if (Object.keys(fields).length > 0) return { status: 'invalid', fields };
  if (transfer.version !== input.version) return { status: 'stale', transfer };
  const now = deps.clock.now().toISOString();
  const sent = {
    on: input.on,
    toSchool: input.toSchool.trim(),
    toDsl: input.toDsl.trim(),
    how: input.how as TransferMethod,
    recordedById: person.id,
    recordedByName: person.displayName,
    recordedAt: now,
  };
  try {
    const saved = await deps.stores.pupilTransfers.update({ ...transfer, status: 'sent', sent, updatedAt: now });
    await recordAudit(deps, person, {
      action: 'incident.transfer.recorded',
      recordType: 'pupil',
      recordId: pupilId,
      summary: "A leaver's safeguarding file recorded as sent to their next school",
    });
    return { status: 'ok', transfer: saved };
  } catch (error) {
    if (error instanceof StaleRecordError) {
      const current = await deps.stores.pupilTransfers.get(transfer.id);
      return current ? { status: 'stale', transfer: current } : { status: 'not-found' };
    }
    if (error instanceof StoreUnavailableError) return { status: 'not-saved' };
    throw error;
  }
}

/** A pupil's transfer, for their chronology ("file transferred on … to …"). */
export async function transferOf(deps: Pick<AppDeps, 'stores'>, pupilId: string): Promise<Versioned<PupilTransfer> | undefined> {
  return (await deps.stores.pupilTransfers.find({ where: { pupilId }, limit: 1 })).items[0];
}
