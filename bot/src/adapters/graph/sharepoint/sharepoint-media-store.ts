import { StoreUnavailableError } from '../../../ports/collection.port';
import type { MediaStore, MediaUpload } from '../../../ports/media-store.port';
import { graphStatus, unavailable, type GraphApi } from '../graph-api';
import { MEDIA_LIBRARY, type DocumentLibrary } from './lists';
import { findListIds } from './site-lists';

/**
 * Graph's limits for files (driveitem-put-content, driveitem-createuploadsession): a simple PUT up
 * to 4 MB (the stricter of Microsoft's two pages), above that an upload session whose byte ranges
 * go in order, each a multiple of 320 KiB (327,680 bytes) but the last, and under 60 MiB.
 */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
export const SESSION_CHUNK = 10 * 327_680;
const SESSION_ATTEMPTS = 3;

const KEY = /^[A-Za-z0-9][A-Za-z0-9.-]{0,120}$/;

/**
 * Files in a document library on the school's own SharePoint site (photos and videos, or
 * incidents' evidence), through Graph
 * drive items. The upload session's URL is pre-authorised: its PUTs go without the app's token,
 * which Graph says may otherwise be refused (401).
 */
export class SharePointMediaStore implements MediaStore {
  private drive: Promise<string> | undefined;

  constructor(
    private readonly graph: GraphApi,
    private readonly siteId: string,
    /** Which library on the site: the photos and videos, or incidents' evidence. */
    private readonly library: DocumentLibrary = MEDIA_LIBRARY,
  ) {}

  private driveId(): Promise<string> {
    this.drive ??= (async () => {
      const listId = (await findListIds(this.graph, this.siteId)).get(this.library.displayName);
      if (!listId)
        throw new StoreUnavailableError(`The document library "${this.library.displayName}" is missing: run \`npm run provision:lists\`.`);
      return (await call(() => this.graph.get<{ id: string }>(`/sites/${this.siteId}/lists/${listId}/drive`))).id;
    })().catch((error: unknown) => {
      this.drive = undefined;
      throw error;
    });
    return this.drive;
  }

  private async itemPath(key: string): Promise<string> {
    if (!KEY.test(key)) throw new Error('Invalid media key');
    return `/drives/${await this.driveId()}/items/root:/${key}:`;
  }

  async begin(file: { key: string; contentType: string; size: number }): Promise<MediaUpload> {
    const path = await this.itemPath(file.key);
    return file.size <= SIMPLE_UPLOAD_LIMIT ? this.simpleUpload(path, file) : this.sessionUpload(path, file);
  }

  /** Small files are held until every byte is here, then sent in one PUT: an abandoned one never reaches SharePoint. */
  private simpleUpload(path: string, file: { contentType: string; size: number }): MediaUpload {
    const parts: Uint8Array[] = [];
    let received = 0;
    return {
      write: async (chunk) => {
        received += chunk.length;
        if (received > file.size) throw new Error('More bytes than declared');
        parts.push(chunk);
      },
      commit: async () => {
        if (received !== file.size) throw new Error('Fewer bytes than declared');
        await call(() => this.graph.put(`${path}/content`, Buffer.concat(parts), { 'Content-Type': file.contentType }));
      },
      abort: async () => {
        parts.length = 0;
      },
    };
  }

  private async sessionUpload(path: string, file: { size: number }): Promise<MediaUpload> {
    const session = await call(() =>
      this.graph.post<{ uploadUrl: string }>(`${path}/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } }),
    );
    let pending: Buffer = Buffer.alloc(0);
    let sent = 0;
    const send = async (bytes: Buffer) => {
      await this.putRange(session.uploadUrl, bytes, sent, file.size);
      sent += bytes.length;
    };
    return {
      write: async (chunk) => {
        if (sent + pending.length + chunk.length > file.size) throw new Error('More bytes than declared');
        pending = Buffer.concat([pending, chunk]);
        // Full ranges go as they fill; the final bytes wait for commit (the last range may be any size).
        while (pending.length >= SESSION_CHUNK && sent + SESSION_CHUNK < file.size) {
          await send(pending.subarray(0, SESSION_CHUNK));
          pending = pending.subarray(SESSION_CHUNK);
        }
      },
      commit: async () => {
        if (sent + pending.length !== file.size) throw new Error('Fewer bytes than declared');
        await send(pending);
      },
      abort: async () => {
        // Cancelling the session throws the ranges already sent away.
        await fetch(session.uploadUrl, { method: 'DELETE', headers: { 'User-Agent': this.graph.userAgent } }).catch(() => undefined);
      },
    };
  }

  /** One byte range to the session, in order, retried a few times when SharePoint is busy. */
  private async putRange(uploadUrl: string, bytes: Buffer, start: number, total: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let status = 0;
      try {
        const response = await fetch(uploadUrl, {
          method: 'PUT',
          headers: {
            'Content-Length': String(bytes.length),
            'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${total}`,
            'User-Agent': this.graph.userAgent,
          },
          body: bytes,
        });
        await response.arrayBuffer();
        status = response.status;
        if (response.ok) return;
      } catch {
        status = 0;
      }
      if (attempt >= SESSION_ATTEMPTS || (status >= 400 && status < 500 && status !== 429)) {
        throw new StoreUnavailableError(`SharePoint did not take part of a file (${status || 'no answer'}).`);
      }
    }
  }

  async read(key: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const response = await call(async () => this.graph.getRaw(`${await this.itemPath(key)}/content`));
    if (response.status === 404) return undefined;
    if (!response.ok || !response.body) throw new StoreUnavailableError(`SharePoint did not give the file (${response.status}).`);
    return response.body as unknown as AsyncIterable<Uint8Array>;
  }

  async *list(): AsyncIterable<{ key: string; storedAt: string }> {
    let path: string | undefined = `/drives/${await this.driveId()}/items/root/children?$select=name,createdDateTime,file&$top=200`;
    while (path) {
      const current: string = path;
      const page = await call(() =>
        this.graph.get<{ value: { name: string; createdDateTime: string; file?: object }[]; '@odata.nextLink'?: string }>(current),
      );
      for (const item of page.value) if (item.file && KEY.test(item.name)) yield { key: item.name, storedAt: item.createdDateTime };
      path = page['@odata.nextLink'] ? this.graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
    }
  }

  async delete(key: string): Promise<void> {
    const path = await this.itemPath(key);
    try {
      await this.graph.delete(path);
    } catch (error) {
      if (graphStatus(error) === 404) return;
      throw unavailable(error);
    }
  }
}

async function call<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}
