import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderMediaStore } from '../../bot/src/adapters/media/folder-media-store';
import { SESSION_CHUNK, SharePointMediaStore } from '../../bot/src/adapters/graph/sharepoint/sharepoint-media-store';
import { EVIDENCE_LIBRARY, MEDIA_LIBRARY, POLICY_LIBRARY, type DocumentLibrary } from '../../bot/src/adapters/graph/sharepoint/lists';
import { UPLOAD_CHUNK_MULTIPLE } from '../fixtures/graph-stand-in/drives';
import { provisionedSite, RECORDS_SITE_ID, SITE_ID } from '../fixtures/sharepoint-site';
import { describeMediaStoreContract } from './media-store-contract';

describeMediaStoreContract('a folder in the data folder (SQLite mode)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'osd-media-'));
  const folder = join(dir, 'media');
  let broken = false;
  const store = new FolderMediaStore(folder);
  return {
    // A full disk, as far as the store can tell: every write fails.
    store: {
      ...store,
      begin: async (file) => {
        const upload = await store.begin(file);
        return { ...upload, write: async (chunk) => (broken ? Promise.reject(new Error('ENOSPC')) : upload.write(chunk)) };
      },
      read: (key) => store.read(key),
      delete: (key) => store.delete(key),
      list: () => store.list(),
    },
    files: async () => readdirSync(folder),
    breakIt: () => void (broken = true),
    mendIt: () => void (broken = false),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

// One provisioned site for the whole contract (provisioning is most of the time); each test starts with an empty library.
let site: ReturnType<typeof provisionedSite> | undefined;
afterAll(async () => (site ? (await site).standIn.stop() : undefined));
// The same store on each library: the photos and videos and incidents' evidence on the records site,
// the policies' documents on the working site.
describe.each<[string, DocumentLibrary, string]>([
  ['photos and videos', MEDIA_LIBRARY, RECORDS_SITE_ID],
  ['incident evidence', EVIDENCE_LIBRARY, RECORDS_SITE_ID],
  ['policy', POLICY_LIBRARY, SITE_ID],
])('the %s library', (_name, library, siteId) => {
  describeMediaStoreContract('a document library on SharePoint (through the Graph stand-in)', async () => {
    const opened = await (site ??= provisionedSite());
    return {
      store: new SharePointMediaStore(opened.graph, siteId, library),
      // Only this library's files: an upload to one library never lands in the other.
      files: async () => [
        ...opened.standIn.driveItemNames(siteId, library.displayName),
        ...Array.from({ length: opened.standIn.openUploadSessions() }, () => '(open upload session)'),
      ],
      breakIt: () => opened.standIn.failUploadSessions(true),
      mendIt: () => opened.standIn.failUploadSessions(false),
      cleanup: async () => {
        opened.standIn.failUploadSessions(false);
        opened.standIn.clearDrives();
      },
    };
  });
});

describe("uploads to SharePoint follow Graph's rules for upload sessions", () => {
  it("sends ranges in order, each a multiple of 320 KiB but the last, without the app's token", async () => {
    const { standIn, graph } = await (site ??= provisionedSite());
    const before = standIn.sessionRequests.length;
    const size = 3 * SESSION_CHUNK + 1000;
    const upload = await new SharePointMediaStore(graph, RECORDS_SITE_ID).begin({ key: 'v.mp4', contentType: 'video/mp4', size });
    for (let at = 0; at < size; at += 100_000) await upload.write(Buffer.alloc(Math.min(100_000, size - at), 1));
    await upload.commit();
    const puts = standIn.sessionRequests.slice(before).filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.contentRange)).toEqual(
      [0, 1, 2, 3].map((i) => `bytes ${i * SESSION_CHUNK}-${Math.min((i + 1) * SESSION_CHUNK, size) - 1}/${size}`),
    );
    expect(puts.every((request) => !request.authorization && request.status < 300)).toBe(true);
    expect(puts.slice(0, -1).every((request) => request.length % UPLOAD_CHUNK_MULTIPLE === 0)).toBe(true);
    expect(standIn.countBy('PUT', /\/items\/root:\/v\.mp4:\/content$/)).toBe(0);
    expect(standIn.countBy('POST', /root:\/v\.mp4:\/createUploadSession$/)).toBe(1);
  });

  it('uses one simple PUT up to 4 MB', async () => {
    const { standIn, graph } = await (site ??= provisionedSite());
    const before = standIn.sessionRequests.length;
    const upload = await new SharePointMediaStore(graph, RECORDS_SITE_ID).begin({
      key: 'p.jpg',
      contentType: 'image/jpeg',
      size: 4 * 1024 * 1024,
    });
    await upload.write(Buffer.alloc(4 * 1024 * 1024, 2));
    await upload.commit();
    expect(standIn.countBy('PUT', /\/items\/root:\/p\.jpg:\/content$/)).toBe(1);
    expect(standIn.sessionRequests.length).toBe(before);
  });
});
