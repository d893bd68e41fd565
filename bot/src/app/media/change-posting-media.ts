import { applyMediaChange, mediaChangeRefusal, type MediaChange, type MediaChangeError } from '../../domain/media/media-change';
import { checkNewFile, displayName, MEDIA_FORMATS, megabytes, SNIFF_BYTES, type MediaFormat } from '../../domain/media/media-file';
import type { PostingAttachment } from '../../domain/media/posting-attachment';
import type { Person } from '../../domain/people/person';
import type { PostingRequest } from '../../domain/posting/posting-request';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { inputOf, preparePosting } from '../prepare-posting';
import { recordAudit } from '../record-audit';
import { announceStep } from '../requests/step-notices';
import { retryStep } from '../retry-step';
import { ChunkReader, TooManyBytes } from './chunk-reader';
import type { IncomingFile, MediaServices } from './media-services';
import { forgetFile, storeFile } from './store-file';

/** Why a file was refused: who or when (not-permitted, not-now), or what the file is (invalid). */
export type MediaRefusal = {
  status: 'not-permitted' | 'not-now' | 'invalid';
  code: MediaChangeError['code'] | 'type' | 'too-big' | 'empty' | 'name' | 'incomplete';
  message: string;
};

export type ChangeMediaResult =
  | { status: 'ok'; request: Versioned<PostingRequest>; file?: PostingAttachment }
  | MediaRefusal
  | { status: 'not-found' }
  | { status: 'not-saved' };

/**
 * Attaches one photo or video to a request to post. Everything that can be judged before saving
 * is judged first (who, when, how many, what the bytes are, how big); a photo is read in full to
 * prove it is one and to draw its thumbnail; then the file is stored in one upload and the
 * request updated with the checks run again. If the request cannot be updated, the stored file is
 * deleted again: a failed upload leaves nothing half-saved.
 */
export async function attachPostingMedia(
  deps: AppDeps,
  media: MediaServices,
  actor: Person,
  requestId: string,
  incoming: IncomingFile,
): Promise<ChangeMediaResult> {
  const request = await deps.stores.postingRequests.get(requestId);
  if (!request) return { status: 'not-found' };
  const refused = mediaChangeRefusal(request, actor);
  if (refused) return refuse(deps, actor, request.id, refused);
  const reader = new ChunkReader(incoming.chunks, incoming.size);
  let stored: PostingAttachment;
  try {
    const head = await reader.head(SNIFF_BYTES);
    const verdict = checkNewFile(
      { name: incoming.name, head, size: incoming.size },
      (request.attachments ?? []).filter((file) => !file.deletedAt).length,
    );
    if (!verdict.ok) return { status: 'invalid', code: verdict.refusal.code, message: verdict.refusal.message };
    const saved = await store(media, reader, { ...incoming, name: displayName(incoming.name) }, verdict.format);
    if ('status' in saved) return saved;
    stored = { ...saved, addedAt: deps.clock.now().toISOString(), addedById: actor.id };
  } catch (error) {
    if (error instanceof TooManyBytes)
      return {
        status: 'invalid',
        code: 'incomplete',
        message: `${displayName(incoming.name)} was bigger than it said it was, so it was not attached. Please try again.`,
      };
    deps.log.error('A photo or video could not be stored', error);
    return { status: 'not-saved' };
  }
  const result = await change(deps, actor, requestId, { type: 'attach', file: stored });
  if (result.status !== 'ok') {
    await forgetFile(deps, media.store, stored.storageKey);
    return result;
  }
  await recordAudit(deps, actor, {
    action: 'posting-request.media-added',
    recordType: 'postingRequest',
    recordId: requestId,
    summary: `Attached a ${MEDIA_FORMATS[stored.format].label} (${megabytes(stored.bytes)}), file ${stored.id}; request is now ${result.request.state}`,
  });
  return { ...result, file: stored };
}

/** Removes one file from a request that can still change; the file itself is deleted from the store. */
export async function detachPostingMedia(
  deps: AppDeps,
  media: MediaServices,
  actor: Person,
  requestId: string,
  fileId: string,
): Promise<ChangeMediaResult> {
  const request = await deps.stores.postingRequests.get(requestId);
  if (!request) return { status: 'not-found' };
  const file = (request.attachments ?? []).find((candidate) => candidate.id === fileId && !candidate.deletedAt);
  const result = await change(deps, actor, requestId, { type: 'detach', fileId });
  if (result.status !== 'ok' || !file) return result;
  await forgetFile(deps, media.store, file.storageKey);
  await recordAudit(deps, actor, {
    action: 'posting-request.media-removed',
    recordType: 'postingRequest',
    recordId: requestId,
    summary: `Removed a ${MEDIA_FORMATS[file.format].label}, file ${file.id}; request is now ${result.request.state}`,
  });
  return result;
}

/** The file's bytes into the store: a photo whole (read and checked first), a video as it arrives. */
async function store(
  media: MediaServices,
  reader: ChunkReader,
  file: IncomingFile,
  format: MediaFormat,
): Promise<Omit<PostingAttachment, 'addedAt' | 'addedById'> | MediaRefusal> {
  const id = media.newId();
  const { kind, label, contentType, extension } = MEDIA_FORMATS[format];
  let thumbnail: string | undefined;
  let photo: Uint8Array | undefined;
  if (kind === 'images') {
    photo = await reader.all();
    if (photo.length !== file.size) return incomplete(file.name);
    const preview = media.previews.preview(photo, format);
    if (!preview.readable)
      return {
        status: 'invalid',
        code: 'type',
        message: `${file.name} starts like a ${label} but cannot be read as one, so it was not attached.`,
      };
    thumbnail = preview.thumbnail;
  }
  const storageKey = `${id}.${extension}`;
  if (!(await storeFile(media.store, { key: storageKey, contentType, size: file.size }, reader, photo))) return incomplete(file.name);
  return { id, name: file.name, format, bytes: file.size, storageKey, ...(thumbnail ? { thumbnail } : {}) };
}

function incomplete(name: string): MediaRefusal {
  return { status: 'invalid', code: 'incomplete', message: `${name} did not arrive whole, so it was not attached. Please try again.` };
}

/**
 * Saves the change on the request as it is now (read fresh, checks run again, conditional update);
 * a change that moves the request on (to the headteacher, or back to the requester) is announced
 * as any step is.
 */
async function change(deps: AppDeps, actor: Person, requestId: string, requested: MediaChange): Promise<ChangeMediaResult> {
  const result = await retryStep(deps, `posting request ${requestId}`, async (): Promise<ChangeMediaResult> => {
    const current = await deps.stores.postingRequests.get(requestId);
    if (!current) return { status: 'not-found' };
    const refused = mediaChangeRefusal(current, actor);
    if (refused) return refuse(deps, actor, current.id, refused);
    const files =
      requested.type === 'attach'
        ? [...(current.attachments ?? []), requested.file]
        : (current.attachments ?? []).filter((file) => file.id !== requested.fileId);
    const { details, checks } = await preparePosting(deps, inputOf(current), files);
    const outcome = applyMediaChange(
      { ...current, media: details.media, deviceLabel: details.deviceLabel },
      requested,
      actor,
      checks,
      deps.clock.now(),
    );
    if (!outcome.ok) return refusal(outcome.error);
    return { status: 'ok', request: await deps.stores.postingRequests.update({ ...outcome.request, version: current.version }) };
  });
  if (result.status === 'ok') await announceStep(deps, 'postingRequest', result.request, actor);
  return result;
}

async function refuse(deps: AppDeps, actor: Person, requestId: string, error: MediaChangeError): Promise<ChangeMediaResult> {
  if (error.code === 'not-permitted')
    await recordAudit(deps, actor, {
      action: 'posting-request.media.denied',
      recordType: 'postingRequest',
      recordId: requestId,
      summary: 'Change of photos or videos refused: the person may not make it',
    });
  return refusal(error);
}

function refusal(error: MediaChangeError): MediaRefusal {
  return {
    status: error.code === 'not-permitted' || error.code === 'not-now' ? error.code : 'invalid',
    code: error.code,
    message: error.message,
  };
}
