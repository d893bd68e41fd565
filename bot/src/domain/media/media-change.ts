import { may, whoMay } from '../authorization/permissions';
import type { Person } from '../people/person';
import type { CheckFailure } from '../posting/posting-checks';
import type { PostingHistoryEntry, PostingRequest, PostingState } from '../posting/posting-request';
import { POSTING_WORKFLOW } from '../posting/posting-workflow';
import { MEDIA_LIMITS } from './media-file';
import { liveAttachments, type PostingAttachment } from './posting-attachment';

/** While the requester may still change the request (as "Edit and resubmit"), files may be added or removed. */
export const MEDIA_CHANGEABLE: readonly PostingState[] = ['checksFailed', 'withHeadteacher'];

export type MediaChange = { type: 'attach'; file: PostingAttachment } | { type: 'detach'; fileId: string };

export type MediaChangeError = { code: 'not-permitted' | 'not-now' | 'too-many' | 'not-found'; message: string };

/** Whether this person may add or remove files on the request now; undefined when they may. */
export function mediaChangeRefusal(request: PostingRequest, actor: Person): MediaChangeError | undefined {
  if (!may(actor, 'postingRequest.changeMedia', request.requesterId)) {
    return { code: 'not-permitted', message: `Only ${whoMay('postingRequest.changeMedia')} can add or remove its photos and videos.` };
  }
  if (!MEDIA_CHANGEABLE.includes(request.state)) {
    return {
      code: 'not-now',
      message: `This request is already "${POSTING_WORKFLOW.states[request.state].label}", so its photos and videos can no longer change.`,
    };
  }
  return undefined;
}

/**
 * Adds or removes one file, with the checks run again on what is now attached. A change that makes
 * every check pass sends the request to the headteacher; one that fails a check brings it back to
 * the requester; either way the version changes, so a card showing the old files cannot approve.
 */
export function applyMediaChange(
  request: PostingRequest,
  change: MediaChange,
  actor: Person,
  checks: CheckFailure[],
  now: Date,
): { ok: true; request: PostingRequest } | { ok: false; error: MediaChangeError } {
  const refusal = mediaChangeRefusal(request, actor);
  if (refusal) return { ok: false, error: refusal };
  const files = request.attachments ?? [];
  let attachments: PostingAttachment[];
  let note: string;
  if (change.type === 'attach') {
    if (liveAttachments(files).length >= MEDIA_LIMITS.files)
      return {
        ok: false,
        error: {
          code: 'too-many',
          message: `A request can have at most ${MEDIA_LIMITS.files} files. Remove one first, or make a second request.`,
        },
      };
    attachments = [...files, change.file];
    note = `Attached ${change.file.name}`;
  } else {
    const file = liveAttachments(files).find((candidate) => candidate.id === change.fileId);
    if (!file) return { ok: false, error: { code: 'not-found', message: 'That file is not attached to this request.' } };
    attachments = files.filter((candidate) => candidate.id !== change.fileId);
    note = `Removed ${file.name}`;
  }
  const at = now.toISOString();
  const state: PostingState = checks.length ? 'checksFailed' : 'withHeadteacher';
  const step: PostingHistoryEntry['step'] =
    state === request.state ? change.type : state === 'withHeadteacher' ? 'resubmit' : 'checksFailed';
  return {
    ok: true,
    request: {
      ...request,
      attachments,
      checks,
      checkedAt: at,
      state,
      history: [...request.history, { at, personId: actor.id, name: actor.displayName, step, note }],
      updatedAt: at,
    },
  };
}
