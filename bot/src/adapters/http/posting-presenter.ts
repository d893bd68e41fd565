import { MEDIA_FORMATS } from '../../domain/media/media-file';
import { mediaChangeRefusal } from '../../domain/media/media-change';
import type { Person } from '../../domain/people/person';
import { postingReference, type PostingRequest, type PostingStep } from '../../domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../domain/posting/posting-workflow';
import type { Versioned } from '../../ports/collection.port';
import type { PostingDetail, PostingSummary } from '../../contracts/posting';

/**
 * A request to post as the tab shows it, with the steps this person may take now; the file list carries ids and thumbnails, never the
 * bytes.
 */
export function postingDetail(request: Versioned<PostingRequest>, viewer: Person, steps: PostingStep[]): PostingDetail {
  return {
    id: request.id,
    reference: postingReference(request.id),
    version: request.version,
    kind: request.kind,
    state: request.state,
    stateLabel: POSTING_WORKFLOW.states[request.state].label,
    requesterName: request.requesterName,
    submittedAt: request.submittedAt,
    accountLabel: request.accountLabel,
    text: request.text,
    media: request.media,
    facesBlurred: request.facesBlurred,
    groupLabel: request.groupLabel,
    postingDate: request.postingDate,
    deviceLabel: request.deviceLabel ?? null,
    pupils: request.pupils.map((pupil) => ({ displayName: pupil.displayName, className: pupil.className })),
    checks: request.checks.map((failure) => failure.message),
    files: (request.attachments ?? []).map((file) => ({
      id: file.id,
      name: file.name,
      kind: MEDIA_FORMATS[file.format].kind,
      label: MEDIA_FORMATS[file.format].label,
      contentType: MEDIA_FORMATS[file.format].contentType,
      bytes: file.bytes,
      addedAt: file.addedAt,
      deletedAt: file.deletedAt ?? null,
    })),
    canChangeMedia: mediaChangeRefusal(request, viewer) === undefined,
    steps,
  };
}

export function postingSummary(request: PostingRequest): PostingSummary {
  return {
    id: request.id,
    reference: postingReference(request.id),
    kind: request.kind,
    state: request.state,
    stateLabel: POSTING_WORKFLOW.states[request.state].label,
    accountLabel: request.accountLabel,
    requesterName: request.requesterName,
    submittedAt: request.submittedAt,
    files: (request.attachments ?? []).filter((file) => !file.deletedAt).length,
  };
}
