import { MEDIA_FORMATS } from '../../domain/media/media-file';
import { liveAttachments, type PostingAttachment } from '../../domain/media/posting-attachment';
import type { Person } from '../../domain/people/person';
import { maySeePostingRequest, type PostingRequest, type PostingStep } from '../../domain/posting/posting-request';
import type { Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { postingStepsFor } from '../steps-for';
import type { MediaServices } from './media-services';

export type PostingRequestForViewer =
  | { status: 'ok'; request: Versioned<PostingRequest>; steps: PostingStep[] }
  | { status: 'not-permitted' }
  | { status: 'not-found' };

/**
 * A posting request for someone who may see it (its requester, those who oversee posting, anyone
 * who took a step, and whoever decides it in the requester's place), with the steps they may take
 * now; refusals are audited.
 */
export async function postingRequestFor(deps: AppDeps, viewer: Person, requestId: string): Promise<PostingRequestForViewer> {
  const request = /^\d{1,12}$/.test(requestId) ? await deps.stores.postingRequests.get(requestId) : undefined;
  if (!request) return { status: 'not-found' };
  const steps = await postingStepsFor(deps, viewer, request);
  if (!maySeePostingRequest(request, viewer) && steps.length === 0) {
    await recordAudit(deps, viewer, { action: 'posting-request.view.denied', recordType: 'postingRequest', recordId: request.id, summary: 'Viewing refused: the person may not see this request' });
    return { status: 'not-permitted' };
  }
  return { status: 'ok', request, steps };
}

export type OpenMediaResult =
  | { status: 'ok'; file: PostingAttachment; contentType: string; bytes: AsyncIterable<Uint8Array> }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'deleted'; deletedAt: string };

/**
 * A photo or video of a request, only for someone who may see the request: the files are served
 * through the signed-in API, never from an address anyone could open.
 */
export async function openPostingMedia(deps: AppDeps, media: MediaServices, viewer: Person, requestId: string, fileId: string): Promise<OpenMediaResult> {
  const found = await postingRequestFor(deps, viewer, requestId);
  if (found.status !== 'ok') return found;
  const file = (found.request.attachments ?? []).find((candidate) => candidate.id === fileId);
  if (!file) return { status: 'not-found' };
  if (file.deletedAt || !liveAttachments([file]).length) return { status: 'deleted', deletedAt: file.deletedAt ?? '' };
  const bytes = await media.store.read(file.storageKey);
  if (!bytes) return { status: 'not-found' };
  return { status: 'ok', file, contentType: MEDIA_FORMATS[file.format].contentType, bytes };
}
