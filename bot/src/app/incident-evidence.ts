import { may, type Action } from '../domain/authorization/permissions';
import {
  checkNewEvidence,
  describeEvidence,
  EVIDENCE_FORMATS,
  EVIDENCE_LIMITS,
  liveEvidence,
  officeFormat,
  type EvidenceFile,
  type EvidenceFormat,
} from '../domain/incidents/incident-evidence';
import type { Incident } from '../domain/incidents/incident';
import { canSeeIncident } from '../domain/incidents/incident-visibility';
import { displayName, SNIFF_BYTES } from '../domain/media/media-file';
import type { Person } from '../domain/people/person';
import type { Versioned } from '../ports/collection.port';
import type { MediaStore } from '../ports/media-store.port';
import type { ImagePreviews } from '../ports/image-preview.port';
import { appendChronology } from './incident-chronology';
import type { IncidentDeps } from './incident-deps';
import { ChunkReader, TooManyBytes } from './media/chunk-reader';
import type { IncomingFile } from './media/media-services';
import { forgetFile, storeFile } from './media/store-file';
import { recordAudit } from './record-audit';
import { retryStep } from './retry-step';

/** The school's own store for evidence (a second folder or document library), and the photo reader. */
export interface EvidenceServices {
  store: MediaStore;
  previews: ImagePreviews;
  newId(): string;
}

export type EvidenceDeps = IncidentDeps & { evidence: EvidenceServices };

export type EvidenceResult =
  | { status: 'ok'; file: EvidenceFile }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  /** The rules' own words on what is wrong with the file, or the missing reason for removing one. */
  | { status: 'invalid'; code: 'type' | 'too-big' | 'empty' | 'too-many' | 'name' | 'incomplete' | 'reason'; message: string }
  | { status: 'not-saved' };

/**
 * The incident, if the person may do `action` on it; otherwise audited (without its contents) and
 * answered as `actOnIncident` does: someone who uses the log but may not see it is told it does not exist.
 */
async function incidentFor(
  deps: IncidentDeps,
  person: Person,
  id: string,
  action: Action,
): Promise<{ incident: Versioned<Incident> } | { refused: { status: 'not-permitted' | 'not-found' } }> {
  const incident = await deps.stores.incidents.get(id);
  const visible = incident !== undefined && canSeeIncident(person, incident);
  if (visible && may(person, action, incident.assigneeId)) return { incident };
  await recordAudit(deps, person, {
    action: `${action}.denied`,
    recordType: 'incident',
    recordId: id,
    summary: 'Refused: the person may not do this on this incident',
  });
  return { refused: !visible && may(person, 'incident.view') ? { status: 'not-found' } : { status: 'not-permitted' } };
}

/**
 * Attaches one file to an incident as evidence. Judged before anything is stored (who, how many,
 * the first bytes, the declared size); a photo or document is read whole and checked (a photo must
 * decode, a zip must be a Word, Excel or PowerPoint file); then stored in one upload and listed on
 * the incident. If the incident cannot be updated, the stored file is deleted again: a failed
 * upload leaves nothing. The chronology names the file; notices never do.
 */
export async function attachEvidence(
  deps: EvidenceDeps,
  person: Person,
  incidentId: string,
  incoming: IncomingFile,
): Promise<EvidenceResult> {
  const found = await incidentFor(deps, person, incidentId, 'incident.evidence.add');
  if ('refused' in found) return found.refused;
  const { incident } = found;
  const name = displayName(incoming.name);
  const reader = new ChunkReader(incoming.chunks, incoming.size);
  let file: EvidenceFile;
  try {
    const verdict = checkNewEvidence(
      { name, head: await reader.head(SNIFF_BYTES), size: incoming.size },
      liveEvidence(incident.evidence).length,
    );
    if (!verdict.ok) return { status: 'invalid', ...verdict.refusal };
    const whole = verdict.format === 'zip' || EVIDENCE_FORMATS[verdict.format].kind !== 'video' ? await reader.all() : undefined;
    if (whole && whole.length !== incoming.size) return incomplete(name);
    const format = whole ? checkedFormat(deps.evidence, verdict.format, whole) : (verdict.format as EvidenceFormat);
    if (!format)
      return {
        status: 'invalid',
        code: 'type',
        message: `${name} starts like a ${verdict.format === 'zip' ? 'Word, Excel or PowerPoint file' : EVIDENCE_FORMATS[verdict.format].label} but is not one, so it was not attached.`,
      };
    const id = deps.evidence.newId();
    const storageKey = `${id}.${EVIDENCE_FORMATS[format].extension}`;
    if (
      !(await storeFile(
        deps.evidence.store,
        { key: storageKey, contentType: EVIDENCE_FORMATS[format].contentType, size: incoming.size },
        reader,
        whole,
      ))
    )
      return incomplete(name);
    file = {
      id,
      name,
      format,
      bytes: incoming.size,
      storageKey,
      addedAt: deps.clock.now().toISOString(),
      addedById: person.id,
      addedByName: person.displayName,
    };
  } catch (error) {
    if (error instanceof TooManyBytes)
      return {
        status: 'invalid',
        code: 'incomplete',
        message: `${name} was bigger than it said it was, so it was not attached. Please try again.`,
      };
    deps.log.error('An evidence file could not be stored', error);
    return { status: 'not-saved' };
  }
  const saved = await changeEvidence(deps, incidentId, (files) =>
    liveEvidence(files).length >= EVIDENCE_LIMITS.files ? undefined : [...files, file],
  );
  if (saved.status !== 'ok') {
    await forgetFile(deps, deps.evidence.store, file.storageKey);
    if (saved.status === 'not-saved') return saved;
    return saved.status === 'gone'
      ? { status: 'not-found' }
      : { status: 'invalid', code: 'too-many', message: `${name}: the incident already has as many evidence files as it may.` };
  }
  await appendChronology(deps, incidentId, person, 'evidence', `Evidence added: ${describeEvidence(file)}`);
  // By id and type: a file name may be a pupil's name.
  await recordAudit(deps, person, {
    action: 'incident.evidence.added',
    recordType: 'incident',
    recordId: incidentId,
    summary: `Evidence added: a ${EVIDENCE_FORMATS[file.format].label}, file ${file.id}`,
  });
  return { status: 'ok', file };
}

/** A photo must decode; a zip must be an Office document; a PDF is taken as its header says. */
function checkedFormat(services: EvidenceServices, sniffed: EvidenceFormat | 'zip', bytes: Uint8Array): EvidenceFormat | undefined {
  if (sniffed === 'zip') return officeFormat(bytes);
  if (sniffed === 'jpeg' || sniffed === 'png') return services.previews.preview(bytes, sniffed).readable ? sniffed : undefined;
  return sniffed;
}

function incomplete(name: string): EvidenceResult {
  return { status: 'invalid', code: 'incomplete', message: `${name} did not arrive whole, so it was not attached. Please try again.` };
}

/**
 * Removes a file from an incident: only the DSL, only with a reason. The entry stays on the
 * incident (who removed it, when, why) and the chronology says so; the bytes are deleted.
 */
export async function removeEvidence(
  deps: EvidenceDeps,
  person: Person,
  incidentId: string,
  fileId: string,
  reason: string,
): Promise<EvidenceResult> {
  const found = await incidentFor(deps, person, incidentId, 'incident.evidence.remove');
  if ('refused' in found) return found.refused;
  const { incident } = found;
  if (!reason.trim())
    return { status: 'invalid', code: 'reason', message: 'Say why the file is removed: the reason is kept in the chronology.' };
  const file = liveEvidence(incident.evidence).find((candidate) => candidate.id === fileId);
  if (!file) return { status: 'not-found' };
  const removed = { at: deps.clock.now().toISOString(), byName: person.displayName, reason: reason.trim() };
  const saved = await changeEvidence(deps, incidentId, (files) =>
    files.map((candidate) => (candidate.id === fileId ? { ...candidate, removed } : candidate)),
  );
  if (saved.status === 'not-saved') return saved;
  if (saved.status !== 'ok') return { status: 'not-found' };
  await forgetFile(deps, deps.evidence.store, file.storageKey);
  await appendChronology(deps, incidentId, person, 'evidence', `Evidence removed: ${describeEvidence(file)}. Reason: ${removed.reason}`);
  await recordAudit(deps, person, {
    action: 'incident.evidence.removed',
    recordType: 'incident',
    recordId: incidentId,
    summary: `Evidence removed: a ${EVIDENCE_FORMATS[file.format].label}, file ${file.id}`,
  });
  return { status: 'ok', file: { ...file, removed } };
}

/** Saves a change to the incident's files on the incident as it is now (read fresh, conditional update, retried). */
async function changeEvidence(deps: IncidentDeps, incidentId: string, change: (files: EvidenceFile[]) => EvidenceFile[] | undefined) {
  return retryStep(deps, `incident ${incidentId}`, async (): Promise<{ status: 'ok' | 'gone' | 'full' }> => {
    const current = await deps.stores.incidents.get(incidentId);
    if (!current) return { status: 'gone' };
    const evidence = change(current.evidence ?? []);
    if (!evidence) return { status: 'full' };
    await deps.stores.incidents.update({ ...current, evidence, updatedAt: deps.clock.now().toISOString() });
    return { status: 'ok' };
  });
}

export type OpenEvidenceResult =
  | { status: 'ok'; file: EvidenceFile; contentType: string; bytes: AsyncIterable<Uint8Array> }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'removed' };

/** A file, only for someone who may see the incident, through the signed-in API; each opening is audited. */
export async function openEvidence(deps: EvidenceDeps, person: Person, incidentId: string, fileId: string): Promise<OpenEvidenceResult> {
  const found = await incidentFor(deps, person, incidentId, 'incident.evidence.open');
  if ('refused' in found) return found.refused;
  const { incident } = found;
  const file = (incident.evidence ?? []).find((candidate) => candidate.id === fileId);
  if (!file) return { status: 'not-found' };
  if (file.removed) return { status: 'removed' };
  const bytes = await deps.evidence.store.read(file.storageKey);
  if (!bytes) return { status: 'not-found' };
  await recordAudit(deps, person, {
    action: 'incident.evidence.opened',
    recordType: 'incident',
    recordId: incidentId,
    summary: `Evidence opened: file ${file.id}`,
  });
  return { status: 'ok', file, contentType: EVIDENCE_FORMATS[file.format].contentType, bytes };
}
