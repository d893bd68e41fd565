/**
 * Where a request's photos and videos are kept: only the school's own store (a folder in the data
 * folder, or a document library on the school's SharePoint site). A file is written in one upload
 * that either completes or leaves nothing behind.
 */
export interface MediaStore {
  /** Starts writing a new file of exactly `size` bytes under `key` (letters, digits, '-' and '.'). */
  begin(file: { key: string; contentType: string; size: number }): Promise<MediaUpload>;
  /** The file's bytes, in order; undefined when there is no such file. */
  read(key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Deletes the file; a file already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Every whole file the store holds, with when it was stored (for finding files no request lists). */
  list(): AsyncIterable<{ key: string; storedAt: string }>;
}

export interface MediaUpload {
  /** The next bytes, in order. */
  write(chunk: Uint8Array): Promise<void>;
  /** Makes the file whole and readable; throws (and keeps nothing) if fewer bytes came than declared. */
  commit(): Promise<void>;
  /** Throws the upload away: nothing of it is kept. Safe to call after a failure. */
  abort(): Promise<void>;
}
