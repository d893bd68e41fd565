/**
 * The photos and videos of a request to post, through the tabs' API, on both stores (policy s.4:
 * the headteacher sees what will be posted): attached by the requester while the request can
 * change, refused before anything is saved when they are not photos or videos or are too many,
 * served only to people who may see the request, and the checks run again on what is attached.
 */
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { newPostingRequest, type PostingState } from '../../../bot/src/domain/posting/posting-request';
import type { Person } from '../../../bot/src/domain/people/person';
import { jpegPhoto, mp4Video, pngImage, program } from '../../fixtures/media-files';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

describe.each<StoreKind>(['sqlite', 'sharepoint'])('photos and videos on a request to post (%s)', (store) => {
  let t: TestApp;
  let who: (name: string) => Person;

  beforeAll(async () => {
    t = await new TestApp(store).start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    who = (name) => people.find((person) => person.displayName === name)!;
  }, 60_000);
  afterAll(() => t.stop());

  async function requestBy(name: string, state: PostingState = 'checksFailed'): Promise<string> {
    const requester = who(name);
    const account = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    const device = (await t.app.stores.devices.find({ where: { active: true }, limit: 1 })).items[0]!;
    const details = {
      kind: 'post' as const,
      accountId: account.id,
      accountLabel: 'X @RiversidePrimary',
      text: 'Sports day was brilliant!',
      media: ['images' as const],
      pupils: [],
      groupLabel: 'sports day',
      facesBlurred: false,
      postingDate: t.today,
      deviceId: device.id,
    };
    const draft = newPostingRequest(
      details,
      [{ check: 'attachments', message: 'Attach them.' }],
      { personId: requester.id, name: requester.displayName },
      `media-${Math.random()}`,
      t.clock.now(),
    );
    return (await t.app.stores.postingRequests.insert({ ...draft, state })).id;
  }

  const as = (name: string) => ({ 'x-demo-person': who(name).id });
  const upload = (name: string, requestId: string, file: string, bytes: Buffer) =>
    fetch(`${t.app.url}/api/posting-requests/${requestId}/media`, {
      method: 'POST',
      headers: { ...as(name), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file) },
      body: bytes,
    });
  const get = (name: string, path: string) => fetch(`${t.app.url}${path}`, { headers: as(name) });

  /** Every file the store holds now (partial uploads included). */
  async function storedFiles(): Promise<string[]> {
    if (store === 'sqlite') return readdirSync(join(t.dataFolder, 'media'));
    return t.graph!.driveItemNames();
  }

  it('attaches a photo for the requester, with a thumbnail, and the checks pass once it is attached', async () => {
    const requestId = await requestBy('Alex Wilber');
    const photo = jpegPhoto();
    const response = await upload('Alex Wilber', requestId, 'Sports day 1.jpg', photo);
    expect(response.status).toBe(201);
    const { request, fileId } = (await response.json()) as {
      request: { state: string; files: { id: string; name: string; kind: string }[]; checks: string[] };
      fileId: string;
    };
    expect(request.files).toEqual([expect.objectContaining({ id: fileId, name: 'Sports day 1.jpg', kind: 'images' })]);
    expect(request.checks).toEqual([]);
    expect(request.state).toBe('withHeadteacher');
    const stored = await t.app.stores.postingRequests.get(requestId);
    expect(stored!.attachments![0]!.thumbnail).toMatch(/^data:image\/jpeg;base64,/);

    const asHead = await get('Adele Vance', `/api/posting-requests/${requestId}/media/${fileId}`);
    expect(asHead.status).toBe(200);
    expect(asHead.headers.get('content-type')).toBe('image/jpeg');
    expect(asHead.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await asHead.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('serves the files only to people who may see the request', async () => {
    const requestId = await requestBy('Alex Wilber');
    const { fileId } = (await (await upload('Alex Wilber', requestId, 'a.png', pngImage())).json()) as { fileId: string };
    const answers = await Promise.all(
      ['Alex Wilber', 'Adele Vance', 'Patti Fernandez', 'Priya Shah', 'Linda Davis'].map(async (name) => [
        name,
        (await get(name, `/api/posting-requests/${requestId}/media/${fileId}`)).status,
      ]),
    );
    expect(Object.fromEntries(answers)).toEqual({
      'Alex Wilber': 200,
      'Adele Vance': 200,
      'Patti Fernandez': 200,
      'Priya Shah': 403,
      'Linda Davis': 403,
    });
    expect(
      (await fetch(`${t.app.url}/api/posting-requests/${requestId}/media/${fileId}`, { headers: { 'x-demo-person': '99999' } })).status,
    ).toBe(403);
  });

  it('refuses what is not a photo or video before saving anything, whatever its name', async () => {
    const requestId = await requestBy('Alex Wilber');
    const before = await storedFiles();
    const response = await upload('Alex Wilber', requestId, 'holiday.jpg', program());
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/holiday\.jpg is not a photo or video/);
    const broken = Buffer.concat([jpegPhoto().subarray(0, 3), Buffer.alloc(4000, 7)]);
    expect((await upload('Alex Wilber', requestId, 'broken.jpg', broken)).status).toBe(422);
    expect(await storedFiles()).toEqual(before);
    expect((await t.app.stores.postingRequests.get(requestId))!.attachments ?? []).toEqual([]);
  });

  it('takes a video (in chunks on SharePoint) and checks consent for videos too', async () => {
    const requestId = await requestBy('Alex Wilber');
    const video = mp4Video(5 * 1024 * 1024 + 12345);
    const response = await upload('Alex Wilber', requestId, 'race.mp4', video);
    expect(response.status).toBe(201);
    const { request, fileId } = (await response.json()) as { request: { media: string[]; files: { kind: string }[] }; fileId: string };
    expect(request.media).toEqual(['images', 'videos']);
    const back = await get('Adele Vance', `/api/posting-requests/${requestId}/media/${fileId}`);
    expect(Buffer.from(await back.arrayBuffer()).equals(video)).toBe(true);
  }, 60_000);

  it('lets only the requester change the files, and only while the request can change', async () => {
    const requestId = await requestBy('Alex Wilber');
    expect((await upload('Adele Vance', requestId, 'a.jpg', jpegPhoto(16, 16))).status).toBe(403);
    const approved = await requestBy('Alex Wilber', 'approved');
    expect((await upload('Alex Wilber', approved, 'a.jpg', jpegPhoto(16, 16))).status).toBe(409);
  });

  it('takes at most 20 files on a request', async () => {
    const requestId = await requestBy('Alex Wilber');
    for (let i = 0; i < 20; i++) expect((await upload('Alex Wilber', requestId, `p${i}.jpg`, jpegPhoto(16, 16))).status).toBe(201);
    const refused = await upload('Alex Wilber', requestId, 'p21.jpg', jpegPhoto(16, 16));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/at most 20 files/);
  }, 60_000);

  it('answers hostile uploads and addresses clearly, saving nothing', async () => {
    const requestId = await requestBy('Alex Wilber');
    const before = await storedFiles();
    const post = (headers: Record<string, string>, body: Buffer) =>
      fetch(`${t.app.url}/api/posting-requests/${requestId}/media`, {
        method: 'POST',
        headers: { ...as('Alex Wilber'), ...headers },
        body,
      });
    expect((await post({ 'x-file-name': '%E0%A4%A' }, jpegPhoto(16, 16))).status).toBe(400);
    expect((await post({}, jpegPhoto(16, 16))).status).toBe(400);
    expect((await post({ 'x-file-name': encodeURIComponent('a\u202Egpj.exe') }, jpegPhoto(16, 16))).status).toBe(422);
    expect((await get('Alex Wilber', `/api/posting-requests/${requestId}/media/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await get('Alex Wilber', '/api/posting-requests/not-a-number')).status).toBe(404);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a photo that says it is over 20 MB after reading its first bytes only', async () => {
    const requestId = await requestBy('Alex Wilber');
    const status = await new Promise<number>((done, fail) => {
      const url = new URL(`${t.app.url}/api/posting-requests/${requestId}/media`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { ...as('Alex Wilber'), 'x-file-name': 'huge.jpg', 'content-length': String(21 * 1024 * 1024) },
        },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (error) => (req.destroyed ? undefined : fail(error)));
      req.write(jpegPhoto(16, 16).subarray(0, 256));
    });
    expect(status).toBe(413);
    expect((await t.app.stores.postingRequests.get(requestId))!.attachments ?? []).toEqual([]);
  });

  it('removes a file: from the request and from the store', async () => {
    const requestId = await requestBy('Alex Wilber');
    const { fileId } = (await (await upload('Alex Wilber', requestId, 'gone.jpg', jpegPhoto(16, 16))).json()) as { fileId: string };
    const before = (await storedFiles()).length;
    const removed = await fetch(`${t.app.url}/api/posting-requests/${requestId}/media/${fileId}`, {
      method: 'DELETE',
      headers: as('Alex Wilber'),
    });
    expect(removed.status).toBe(200);
    expect((await storedFiles()).length).toBe(before - 1);
    expect((await get('Alex Wilber', `/api/posting-requests/${requestId}/media/${fileId}`)).status).toBe(404);
  });
});
