import { MEDIA_FORMATS } from '../../domain/media/media-file';
import { liveAttachments, type PostingAttachment } from '../../domain/media/posting-attachment';
import type { Person } from '../../domain/people/person';
import type { AppDeps } from '../app-deps';
import { viewRequest } from '../requests/view-request';
import type { MediaServices } from './media-services';

export type OpenMediaResult =
  | { status: 'ok'; file: PostingAttachment; contentType: string; bytes: AsyncIterable<Uint8Array> }
  | { status: 'not-permitted' }
  | { status: 'not-found' }
  | { status: 'deleted'; deletedAt: string };

/**
 * A photo or video of a request, only for someone who may see the request: the files are served
 * through the signed-in API, never from an address anyone could open.
 */
export async function openPostingMedia(
  deps: AppDeps,
  media: MediaServices,
  viewer: Person,
  requestId: string,
  fileId: string,
): Promise<OpenMediaResult> {
  const found = await viewRequest(deps, 'postingRequest', viewer, requestId);
  if (found.status !== 'ok') return found;
  const file = (found.request.attachments ?? []).find((candidate) => candidate.id === fileId);
  if (!file) return { status: 'not-found' };
  if (file.deletedAt || !liveAttachments([file]).length) return { status: 'deleted', deletedAt: file.deletedAt ?? '' };
  const bytes = await media.store.read(file.storageKey);
  if (!bytes) return { status: 'not-found' };
  return { status: 'ok', file, contentType: MEDIA_FORMATS[file.format].contentType, bytes };
}
