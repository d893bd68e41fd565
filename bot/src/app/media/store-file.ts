import type { MediaStore } from '../../ports/media-store.port';
import type { AppDeps } from '../app-deps';
import type { ChunkReader } from './chunk-reader';

/**
 * Writes one file to the school's own store in one upload: the bytes already read whole, or the
 * rest of the reader as it arrives. Whole or nothing: if fewer bytes came than declared, or the
 * store fails, the upload is thrown away. Returns false when the file did not arrive whole.
 */
export async function storeFile(
  store: MediaStore,
  file: { key: string; contentType: string; size: number },
  reader: ChunkReader,
  whole?: Uint8Array,
): Promise<boolean> {
  const upload = await store.begin(file);
  try {
    if (whole) await upload.write(whole);
    else for await (const chunk of reader.rest()) await upload.write(chunk);
    if (reader.total !== file.size) {
      await upload.abort();
      return false;
    }
    await upload.commit();
    return true;
  } catch (error) {
    await upload.abort().catch(() => undefined);
    throw error;
  }
}

/** Deletes a stored file nobody refers to; a failure is logged (by key) and left for the daily job's report. */
export async function forgetFile(deps: Pick<AppDeps, 'log'>, store: MediaStore, storageKey: string): Promise<void> {
  try {
    await store.delete(storageKey);
  } catch (error) {
    deps.log.error(`A stored file (${storageKey}) could not be deleted after a failed change`, error);
  }
}
