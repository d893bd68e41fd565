import type { ImagePreviews } from '../../ports/image-preview.port';
import type { MediaStore } from '../../ports/media-store.port';

/** What the media use cases are given besides the records: the school's own file store and the photo reader. */
export interface MediaServices {
  store: MediaStore;
  previews: ImagePreviews;
  /** A fresh random id (a file's id and the start of its storage key). */
  newId(): string;
  /** Days the files are kept after the post is registered or the request is refused or withdrawn. */
  keepDays: number;
}

/** A file arriving from the tab or a Teams chat: its name, its declared size, its bytes in order. */
export interface IncomingFile {
  name: string;
  size: number;
  chunks: AsyncIterable<Uint8Array>;
}
