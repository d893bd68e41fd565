/**
 * The media store contract, run on every store the school may choose: a file comes back exactly as
 * written; an upload is whole or leaves nothing (abort, too few bytes, too many, a store that
 * fails part-way); delete is safe to repeat; a missing file is undefined.
 */
import type { MediaStore } from '../../bot/src/ports/media-store.port';
import { chunksOf } from '../fixtures/media-files';

export interface MediaStoreUnderTest {
  store: MediaStore;
  /** The names of every file the store holds now, partial uploads included. */
  files(): Promise<string[]>;
  /** Makes the store fail from now on (for the part-way failure). */
  breakIt(): void;
  mendIt(): void;
  cleanup(): Promise<void>;
}

const MB = 1024 * 1024;

function bytesOf(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 255;
  return bytes;
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function write(store: MediaStore, key: string, bytes: Buffer, declared = bytes.length): Promise<void> {
  const upload = await store.begin({ key, contentType: 'application/octet-stream', size: declared });
  try {
    for await (const chunk of chunksOf(bytes, 256 * 1024)) await upload.write(chunk);
    await upload.commit();
  } catch (error) {
    await upload.abort();
    throw error;
  }
}

export function describeMediaStoreContract(name: string, open: () => Promise<MediaStoreUnderTest>): void {
  describe(`the media store contract: ${name}`, () => {
    let subject: MediaStoreUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.cleanup());

    it.each([
      ['a small photo', 3000],
      ['a file of exactly 4 MB', 4 * MB],
      ['a file just over 4 MB', 4 * MB + 1],
      ['a video of 9.4 MB', Math.round(9.4 * MB)],
    ])(
      'gives back %s exactly as written',
      async (_what, size) => {
        const bytes = bytesOf(size, size % 251);
        await write(subject.store, 'file-1.mp4', bytes);
        expect((await readAll((await subject.store.read('file-1.mp4'))!)).equals(bytes)).toBe(true);
        expect(await subject.files()).toEqual(['file-1.mp4']);
      },
      20_000,
    );

    it('keeps nothing of an upload that was aborted', async () => {
      for (const size of [1000, 6 * MB]) {
        const upload = await subject.store.begin({ key: 'dropped.mov', contentType: 'video/quicktime', size });
        await upload.write(bytesOf(Math.min(size, 4 * MB), 1));
        await upload.abort();
      }
      expect(await subject.files()).toEqual([]);
      expect(await subject.store.read('dropped.mov')).toBeUndefined();
    });

    it('refuses to commit fewer bytes than declared, or take more, and keeps nothing', async () => {
      await expect(write(subject.store, 'short.jpg', bytesOf(1000, 2), 2000)).rejects.toThrow();
      await expect(write(subject.store, 'long.mp4', bytesOf(5 * MB, 3), 5 * MB - 10)).rejects.toThrow();
      await expect(write(subject.store, 'short.mp4', bytesOf(5 * MB, 4), 6 * MB)).rejects.toThrow();
      expect(await subject.files()).toEqual([]);
    });

    it('keeps nothing when the store fails part-way through a large file', async () => {
      const upload = await subject.store.begin({ key: 'cut.mp4', contentType: 'video/mp4', size: 9 * MB });
      await upload.write(bytesOf(4 * MB, 5));
      subject.breakIt();
      await expect(
        (async () => {
          await upload.write(bytesOf(5 * MB, 6));
          await upload.commit();
        })(),
      ).rejects.toThrow();
      subject.mendIt();
      await upload.abort();
      expect(await subject.files()).toEqual([]);
    });

    it('deletes a file, and deleting it again is not an error', async () => {
      await write(subject.store, 'gone.png', bytesOf(500, 7));
      await subject.store.delete('gone.png');
      await subject.store.delete('gone.png');
      expect(await subject.store.read('gone.png')).toBeUndefined();
      expect(await subject.files()).toEqual([]);
    });

    it('lists the whole files it holds, with when each was stored, and nothing half-written', async () => {
      await write(subject.store, 'a.jpg', bytesOf(500, 8));
      await write(subject.store, 'b.mp4', bytesOf(5 * MB, 9));
      const pending = await subject.store.begin({ key: 'c.mov', contentType: 'video/quicktime', size: 6 * MB });
      await pending.write(bytesOf(4 * MB, 10));
      const listed: { key: string; storedAt: string }[] = [];
      for await (const file of subject.store.list()) listed.push(file);
      expect(listed.map((file) => file.key).sort()).toEqual(['a.jpg', 'b.mp4']);
      expect(listed.every((file) => !Number.isNaN(Date.parse(file.storedAt)))).toBe(true);
      await pending.abort();
    });

    it('refuses a key that is a path', async () => {
      await expect(subject.store.begin({ key: '../escape.jpg', contentType: 'image/jpeg', size: 1 })).rejects.toThrow();
      await expect(subject.store.read('../../etc/passwd')).rejects.toThrow();
    });
  });
}
