import { localDate } from '../../domain/calendar/zoned-time';
import type { IsoDate } from '../../domain/calendar/dates';
import { MEDIA_FORMATS } from '../../domain/media/media-file';
import { liveAttachments, mediaDueForDeletion } from '../../domain/media/posting-attachment';
import type { PostingHistoryEntry, PostingRequest, PostingState } from '../../domain/posting/posting-request';
import { StaleRecordError, type Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import type { Logger } from '../app-deps';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import type { MediaServices } from './media-services';

/** The app itself, as the audit log names it for what the daily jobs do. */
export const THE_APP = { id: 'system', displayName: 'Online Safety Desk (daily job)' } as const;

/** The states a request ends in, and the step that ended it. */
const ENDINGS: Partial<Record<PostingState, PostingHistoryEntry['step']>> = {
  posted: 'confirmPosted',
  refused: 'refuse',
  withdrawn: 'withdraw',
};

export interface MediaCleanupReport {
  filesDeleted: number;
  filesFailed: number;
  /** Files no request lists (the server stopped between storing a file and saving its request). */
  strayFilesDeleted?: number;
}

/** A file no request lists is left this long first: it may be one whose request is being saved right now. */
const STRAY_AFTER_MS = 24 * 3600_000;

/**
 * The daily data-minimisation job: every photo and video of a request that ended (post registered,
 * refused or withdrawn) more than the keeping period ago is deleted from the school's store, its
 * thumbnail with it, and each deletion is audited (by file id and type: no names).
 */
export async function deleteExpiredMedia(
  deps: { stores: Stores; clock: { now(): Date }; log: Logger },
  media: Pick<MediaServices, 'store' | 'keepDays'>,
  now: Date,
): Promise<MediaCleanupReport> {
  const report: MediaCleanupReport = { filesDeleted: 0, filesFailed: 0 };
  const today = localDate(now);
  for (const [state, step] of Object.entries(ENDINGS) as [PostingState, PostingHistoryEntry['step']][]) {
    const requests = await readAll((cursor) =>
      deps.stores.postingRequests.find({ where: { state }, limit: 200, ...(cursor ? { cursor } : {}) }),
    );
    for (const request of requests) {
      if (liveAttachments(request.attachments).length === 0 || !mediaDueForDeletion(endedOn(request, step), media.keepDays, today))
        continue;
      await clear(deps, media, request, now, report);
    }
  }
  const strays = await deleteStrayFiles(deps, media, now);
  return strays ? { ...report, strayFilesDeleted: strays } : report;
}

/**
 * Files in the store that no request lists, stored more than a day ago: an upload whose request
 * could not be saved and whose clean-up did not happen (the server stopped in between). They are
 * deleted, and audited by storage key only.
 */
async function deleteStrayFiles(
  deps: { stores: Stores; clock: { now(): Date }; log: Logger },
  media: Pick<MediaServices, 'store'>,
  now: Date,
): Promise<number> {
  const listed = new Set(
    (await readAll((cursor) => deps.stores.postingRequests.find({ limit: 500, ...(cursor ? { cursor } : {}) }))).flatMap((request) =>
      (request.attachments ?? []).map((file) => file.storageKey),
    ),
  );
  let deleted = 0;
  for await (const file of media.store.list()) {
    if (listed.has(file.key) || now.getTime() - Date.parse(file.storedAt) < STRAY_AFTER_MS) continue;
    try {
      await media.store.delete(file.key);
      deleted++;
      await recordAudit(deps, THE_APP, {
        action: 'media.stray-deleted',
        recordType: 'media',
        recordId: file.key,
        summary: 'Deleted a stored file that no request to post lists (an upload that was never completed)',
      });
    } catch (error) {
      deps.log.error(`A stored file no request lists (${file.key}) could not be deleted; the job tries again tomorrow`, error);
    }
  }
  return deleted;
}

function endedOn(request: PostingRequest, step: PostingHistoryEntry['step']): IsoDate {
  const ending = [...request.history].reverse().find((entry) => entry.step === step);
  return localDate(new Date(ending?.at ?? request.updatedAt));
}

async function clear(
  deps: { stores: Stores; clock: { now(): Date }; log: Logger },
  media: Pick<MediaServices, 'store' | 'keepDays'>,
  request: Versioned<PostingRequest>,
  now: Date,
  report: MediaCleanupReport,
): Promise<void> {
  const deleted = new Set<string>();
  for (const file of liveAttachments(request.attachments)) {
    try {
      await media.store.delete(file.storageKey);
      deleted.add(file.id);
    } catch (error) {
      report.filesFailed++;
      deps.log.error(`File ${file.id} of posting request ${request.id} could not be deleted; the job tries again tomorrow`, error);
    }
  }
  if (deleted.size === 0) return;
  const at = now.toISOString();
  const attachments = (request.attachments ?? []).map((file) =>
    deleted.has(file.id) ? { ...file, thumbnail: undefined, deletedAt: at } : file,
  );
  try {
    await deps.stores.postingRequests.update({ ...request, attachments });
  } catch (error) {
    // The files are gone already; the request still lists them until tomorrow's run marks them.
    if (!(error instanceof StaleRecordError)) throw error;
  }
  for (const file of (request.attachments ?? []).filter((candidate) => deleted.has(candidate.id))) {
    report.filesDeleted++;
    await recordAudit(deps, THE_APP, {
      action: 'posting-request.media-deleted',
      recordType: 'postingRequest',
      recordId: request.id,
      summary: `Deleted a ${MEDIA_FORMATS[file.format].label}, file ${file.id}, ${media.keepDays} days after the request ended (data minimisation)`,
    });
  }
}
