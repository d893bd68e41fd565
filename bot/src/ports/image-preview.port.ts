import type { MediaFormat } from '../domain/media/media-file';

/**
 * Reads a photo to prove it is one, and makes the small thumbnail the headteacher's card shows.
 * `unreadable` means the bytes start like a photo but are not one: it is refused, not stored.
 */
export type ImagePreview = { readable: true; thumbnail?: string } | { readable: false };

export interface ImagePreviews {
  preview(bytes: Uint8Array, format: MediaFormat): ImagePreview;
}
