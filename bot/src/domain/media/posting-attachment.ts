import type { Media } from '../consent/consent';
import { addDays, type IsoDate } from '../calendar/dates';
import { MEDIA_FORMATS, type MediaFormat } from './media-file';

/** A photo or video attached to a request to post, as the request records it. */
export interface PostingAttachment {
  /** Random, so that one file's address says nothing about another's. */
  id: string;
  name: string;
  format: MediaFormat;
  bytes: number;
  /** Where the school's own store keeps the bytes (a file in the data folder, a library item). */
  storageKey: string;
  /** A small JPEG as a data URI, for the headteacher's card; none for HEIC and video. */
  thumbnail?: string;
  addedAt: string;
  addedById: string;
  /** Set when the file (and its thumbnail) were deleted after the keeping period. */
  deletedAt?: string;
}

/** The kinds of media the attached files are (s.4: consent is checked for each kind used). */
export function attachedMedia(attachments: readonly PostingAttachment[] | undefined): Media[] {
  return [...new Set((attachments ?? []).filter((file) => !file.deletedAt).map((file) => MEDIA_FORMATS[file.format].kind))];
}

export function liveAttachments(attachments: readonly PostingAttachment[] | undefined): PostingAttachment[] {
  return (attachments ?? []).filter((file) => !file.deletedAt);
}

/**
 * Data minimisation (UK GDPR; PRODUCT.md): a request's photos and videos are kept only until the
 * post is registered, or the request is refused or withdrawn, and then `keepDays` more — long
 * enough to answer a question about what was approved, no longer.
 */
export const DEFAULT_MEDIA_KEEP_DAYS = 30;

/** The first day the files may be deleted, or undefined while the request is still open. */
export function mediaDeletableFrom(finishedOn: IsoDate | undefined, keepDays: number): IsoDate | undefined {
  return finishedOn === undefined ? undefined : addDays(finishedOn, keepDays);
}

export function mediaDueForDeletion(finishedOn: IsoDate | undefined, keepDays: number, today: IsoDate): boolean {
  const from = mediaDeletableFrom(finishedOn, keepDays);
  return from !== undefined && from <= today;
}
