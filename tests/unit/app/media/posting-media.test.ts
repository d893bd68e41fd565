/**
 * The media use cases under failure (policy s.4; data minimisation): a failed upload leaves
 * nothing half-saved, whatever fails; the audit names files by id and type, never by a name that
 * could be a pupil's; the daily job deletes files past their keeping period, and only those.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeopleListDirectory } from '../../../../bot/src/adapters/directory/people-list-directory';
import { FolderMediaStore } from '../../../../bot/src/adapters/media/folder-media-store';
import { imagePreviews } from '../../../../bot/src/adapters/media/image-previews';
import { createSqliteStores } from '../../../../bot/src/adapters/sqlite/sqlite-stores';
import type { AppDeps } from '../../../../bot/src/app/app-deps';
import { BackgroundTasks } from '../../../../bot/src/app/background-tasks';
import { attachPostingMedia } from '../../../../bot/src/app/media/change-posting-media';
import { deleteExpiredMedia } from '../../../../bot/src/app/media/delete-expired-media';
import type { MediaServices } from '../../../../bot/src/app/media/media-services';
import { newPostingRequest, type PostingHistoryEntry, type PostingState } from '../../../../bot/src/domain/posting/posting-request';
import type { Person } from '../../../../bot/src/domain/people/person';
import { StoreUnavailableError } from '../../../../bot/src/ports/collection.port';
import type { Stores } from '../../../../bot/src/ports/stores.port';
import { chunksOf, jpegPhoto, mp4Video } from '../../../fixtures/media-files';
import { inputIds } from '../../../fixtures/cards';
import { preparePosting } from '../../../../bot/src/app/prepare-posting';
import { MAX_DEVICES_SHOWN, postingRequestFormCard } from '../../../../bot/src/adapters/teams/cards/posting-request-form-card';

const NOW = new Date('2026-12-21T07:30:00Z');

describe('the media use cases', () => {
  let dir: string;
  let stores: Stores;
  let deps: AppDeps;
  let media: MediaServices;
  let alex: Person;
  let ids = 0;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-media-app-'));
    stores = createSqliteStores(':memory:');
    alex = await stores.people.insert({ displayName: 'Alex Wilber', aadObjectId: 'a', roles: ['staff'] });
    deps = {
      stores,
      directory: new PeopleListDirectory(stores.people),
      notifier: { deliver: async () => new Map(), refreshCards: async () => undefined },
      clock: { now: () => NOW },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      background: new BackgroundTasks({ info: () => undefined, warn: () => undefined, error: () => undefined }),
    };
    media = { store: new FolderMediaStore(join(dir, 'media')), previews: imagePreviews, newId: () => `file-${++ids}`, keepDays: 30 };
  });
  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () => readdirSync(join(dir, 'media'));

  async function request(state: PostingState = 'checksFailed', ended?: { step: PostingHistoryEntry['step']; at: string }): Promise<string> {
    const draft = newPostingRequest(
      {
        kind: 'post',
        accountId: '1',
        accountLabel: 'X',
        text: 'Sports day',
        media: ['images'],
        pupils: [],
        groupLabel: 'sports day',
        facesBlurred: false,
        postingDate: '2026-12-01',
      },
      [],
      { personId: alex.id, name: alex.displayName },
      `k${Math.random()}`,
      new Date('2026-11-01T10:00:00Z'),
    );
    return (
      await stores.postingRequests.insert({
        ...draft,
        state,
        history: [...draft.history, ...(ended ? [{ ...ended, personId: '3', name: 'Adele Vance' }] : [])],
      })
    ).id;
  }

  it('deletes the stored file again when the request cannot be updated: nothing half-saved', async () => {
    const id = await request();
    const update = stores.postingRequests.update.bind(stores.postingRequests);
    stores.postingRequests.update = async () => {
      throw new StoreUnavailableError('down');
    };
    const photo = jpegPhoto(64, 48);
    const result = await attachPostingMedia(deps, media, alex, id, {
      name: 'Amelia Khan.jpg',
      size: photo.length,
      chunks: chunksOf(photo, 1000),
    });
    expect(result.status).toBe('not-saved');
    expect(stored()).toEqual([]);
    stores.postingRequests.update = update;
    expect((await stores.postingRequests.get(id))!.attachments ?? []).toEqual([]);
  });

  it('keeps nothing of a file that arrives shorter, or longer, than it said', async () => {
    const id = await request();
    const video = mp4Video(200_000);
    const short = await attachPostingMedia(deps, media, alex, id, { name: 'race.mp4', size: 300_000, chunks: chunksOf(video, 50_000) });
    expect(short).toMatchObject({ status: 'invalid', code: 'incomplete' });
    const long = await attachPostingMedia(deps, media, alex, id, { name: 'race.mp4', size: 100_000, chunks: chunksOf(video, 50_000) });
    expect(long).toMatchObject({ status: 'invalid', code: 'incomplete' });
    expect(stored()).toEqual([]);
  });

  it('audits an attached file by id and type, never by its name', async () => {
    const id = await request();
    const photo = jpegPhoto(64, 48);
    const result = await attachPostingMedia(deps, media, alex, id, {
      name: 'Amelia Khan on sports day.jpg',
      size: photo.length,
      chunks: chunksOf(photo),
    });
    expect(result.status).toBe('ok');
    const entries = await stores.audit.forRecord('postingRequest', id);
    expect(entries.map((entry) => entry.summary)).toEqual([
      expect.stringMatching(/^Attached a JPEG photo \(\d+ KB\), file file-\d+; request is now \w+$/),
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Amelia/);
  });

  it('deletes the files of requests that ended more than the keeping period ago, with their thumbnails, and audits each', async () => {
    const photo = jpegPhoto(64, 48);
    const attach = async (id: string) => {
      const state = (await stores.postingRequests.get(id))!.state;
      const open = await stores.postingRequests.get(id);
      await stores.postingRequests.update({ ...open!, state: 'checksFailed' });
      expect((await attachPostingMedia(deps, media, alex, id, { name: 'p.jpg', size: photo.length, chunks: chunksOf(photo) })).status).toBe(
        'ok',
      );
      const after = await stores.postingRequests.get(id);
      await stores.postingRequests.update({ ...after!, state });
    };
    const old = await request('posted', { step: 'confirmPosted', at: '2026-11-20T15:00:00Z' });
    const recent = await request('refused', { step: 'refuse', at: '2026-12-10T15:00:00Z' });
    const open = await request('checksFailed');
    for (const id of [old, recent, open]) await attach(id);
    expect(stored()).toHaveLength(3);

    const report = await deleteExpiredMedia(deps, media, NOW);
    expect(report).toEqual({ filesDeleted: 1, filesFailed: 0 });
    expect(stored()).toHaveLength(2);
    const cleared = (await stores.postingRequests.get(old))!.attachments!;
    expect(cleared).toEqual([expect.objectContaining({ deletedAt: NOW.toISOString() })]);
    expect(cleared[0]!.thumbnail).toBeUndefined();
    expect((await stores.postingRequests.get(recent))!.attachments![0]!.deletedAt).toBeUndefined();
    const audit = (await stores.audit.forRecord('postingRequest', old)).filter((entry) => entry.action === 'posting-request.media-deleted');
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: 'system',
        summary: expect.stringMatching(/^Deleted a JPEG photo, file file-\d+, 30 days after the request ended/),
      }),
    ]);

    // Run again the same day: nothing more to do.
    expect(await deleteExpiredMedia(deps, media, NOW)).toEqual({ filesDeleted: 0, filesFailed: 0 });
  });

  it('deletes a stored file that no request lists once it is a day old (a server stopped mid-upload), and audits it by key', async () => {
    const upload = await media.store.begin({ key: 'orphan.jpg', contentType: 'image/jpeg', size: 3 });
    await upload.write(new Uint8Array([1, 2, 3]));
    await upload.commit();
    const id = await request('checksFailed');
    const photo = jpegPhoto(32, 32);
    await attachPostingMedia(deps, media, alex, id, { name: 'kept.jpg', size: photo.length, chunks: chunksOf(photo) });
    // The folder store dates a file by its modified time: the orphan was left there on the test's school day.
    utimesSync(join(dir, 'media', 'orphan.jpg'), NOW, NOW);
    expect(await deleteExpiredMedia(deps, media, NOW)).toEqual({ filesDeleted: 0, filesFailed: 0 });
    expect(stored()).toHaveLength(2);
    const nextDay = new Date(NOW.getTime() + 25 * 3600_000);
    expect(await deleteExpiredMedia(deps, media, nextDay)).toEqual({ filesDeleted: 0, filesFailed: 0, strayFilesDeleted: 1 });
    expect(stored()).toEqual([(await stores.postingRequests.get(id))!.attachments![0]!.storageKey]);
    expect(await stores.audit.forRecord('media', 'orphan.jpg')).toEqual([
      expect.objectContaining({ action: 'media.stray-deleted', actorId: 'system' }),
    ]);
  });

  it('keeps a file it could not delete listed, and tries again the next day', async () => {
    const photo = jpegPhoto(32, 32);
    const id = await request('checksFailed');
    await attachPostingMedia(deps, media, alex, id, { name: 'p.jpg', size: photo.length, chunks: chunksOf(photo) });
    const current = (await stores.postingRequests.get(id))!;
    await stores.postingRequests.update({
      ...current,
      state: 'withdrawn',
      history: [...current.history, { step: 'withdraw', at: '2026-11-01T10:00:00Z', personId: alex.id, name: alex.displayName }],
    });
    const failing = {
      ...media,
      store: {
        ...media.store,
        begin: media.store.begin.bind(media.store),
        read: media.store.read.bind(media.store),
        list: media.store.list.bind(media.store),
        delete: async () => {
          throw new Error('SharePoint said no');
        },
      },
    };
    expect(await deleteExpiredMedia(deps, failing, NOW)).toEqual({ filesDeleted: 0, filesFailed: 1 });
    expect((await stores.postingRequests.get(id))!.attachments![0]!.deletedAt).toBeUndefined();
    expect(await deleteExpiredMedia(deps, media, NOW)).toEqual({ filesDeleted: 1, filesFailed: 0 });
  });
});

describe('naming the device on a school with many (the form asks for the name instead of a list)', () => {
  it('finds the device by its name whatever the case, and says when no device has that name', async () => {
    const stores = createSqliteStores(':memory:');
    try {
      const base = { type: 'tablet' as const, approvedById: '2', approvedByName: 'Megan Bowen', approvedOn: '2025-09-03' };
      await stores.devices.insertMany([
        { ...base, name: 'Class 4B iPad', active: true },
        { ...base, name: 'Old camera', active: false },
      ]);
      const input = {
        kind: 'post' as const,
        accountId: '1',
        text: 'Sports day',
        media: ['images' as const],
        pupilIds: [],
        groupLabel: 'sports day',
        facesBlurred: false,
        postingDate: '2026-12-01',
      };
      const deviceChecks = async (deviceName: string) =>
        (await preparePosting({ stores, clock: { now: () => NOW } }, { ...input, deviceName }, [])).checks
          .filter((check) => check.check === 'device')
          .map((check) => check.message);
      expect(await deviceChecks('  class 4b IPAD ')).toEqual([]);
      expect(
        (await preparePosting({ stores, clock: { now: () => NOW } }, { ...input, deviceName: 'class 4b ipad' }, [])).details.deviceLabel,
      ).toBe('Class 4B iPad (tablet)');
      expect(await deviceChecks('Old camera')).toEqual([expect.stringMatching(/^Old camera was retired/)]);
      expect(await deviceChecks('My phone')).toEqual([expect.stringMatching(/^No device called "My phone" is on the register/)]);
    } finally {
      await stores.close();
    }
  });

  it('offers a list of up to six devices on the form, and a name to type beyond that', () => {
    const form = (count: number) =>
      postingRequestFormCard({
        requesterName: 'Alex Wilber',
        today: '2026-11-24',
        target: { submissionKey: 'k' },
        accounts: [],
        devices: Array.from({ length: count }, (_, i) => ({ id: String(i), name: `iPad ${i}` })),
        classes: [],
        pupilChoices: [],
        values: {},
      }) as unknown as Record<string, unknown>;
    expect(inputIds(form(MAX_DEVICES_SHOWN))).toContain('deviceId');
    expect(inputIds(form(MAX_DEVICES_SHOWN + 1))).toContain('deviceName');
    expect(inputIds(form(MAX_DEVICES_SHOWN + 1))).not.toContain('deviceId');
  });
});
