import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaStore, MediaUpload } from '../../ports/media-store.port';

/** A key is a plain file name: never a path, never hidden. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9.-]{0,120}$/;
const PARTIAL = '.partial-';

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('Invalid media key');
  return key;
}

/**
 * The SQLite mode's media store: one folder in the data folder. A file is written under a hidden
 * partial name and renamed into place only when every byte has arrived, so a failed or abandoned
 * upload never shows up as a file (and leftovers are cleared when the app starts).
 */
export class FolderMediaStore implements MediaStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly folder: string) {}

  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      for (const name of await readdir(this.folder)) if (name.startsWith(PARTIAL)) await rm(join(this.folder, name), { force: true });
    })();
    return this.ready;
  }

  async begin(file: { key: string; contentType: string; size: number }): Promise<MediaUpload> {
    await this.prepare();
    const final = join(this.folder, checkKey(file.key));
    const partial = join(this.folder, `${PARTIAL}${file.key}`);
    const handle: FileHandle = await open(partial, 'wx', 0o600);
    let written = 0;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      write: async (chunk) => {
        written += chunk.length;
        if (written > file.size) throw new Error('More bytes than declared');
        await handle.write(chunk);
      },
      commit: async () => {
        if (written !== file.size) throw new Error('Fewer bytes than declared');
        await handle.sync();
        await close();
        await rename(partial, final);
      },
      abort: async () => {
        await close().catch(() => undefined);
        await rm(partial, { force: true });
      },
    };
  }

  async read(key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    await this.prepare();
    const path = join(this.folder, checkKey(key));
    try {
      if (!(await stat(path)).isFile()) return undefined;
    } catch {
      return undefined;
    }
    return createReadStream(path);
  }

  async *list(): AsyncIterable<{ key: string; storedAt: string }> {
    await this.prepare();
    for (const name of await readdir(this.folder)) {
      if (!KEY.test(name)) continue;
      yield { key: name, storedAt: (await stat(join(this.folder, name))).mtime.toISOString() };
    }
  }

  async delete(key: string): Promise<void> {
    await this.prepare();
    await rm(join(this.folder, checkKey(key)), { force: true });
  }
}
