/**
 * Photos and videos sent to the bot in the private chat, as Teams sends them (a
 * `application/vnd.microsoft.teams.file.download.info` attachment with a pre-authorised
 * downloadUrl; msteams-docs bots-filesv4): fetched from SharePoint (here a stand-in on this
 * machine), checked, and attached to the sender's request to post that can still change; the
 * outcome comes back through the outbox, and the headteacher is asked once every check passes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newPostingRequest } from '../../../bot/src/domain/posting/posting-request';
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { jpegPhoto, program } from '../../fixtures/media-files';
import { messageActivity, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher

describe('files sent to the bot in the private chat', () => {
  let t: TestApp;
  let files: Server;
  let filesUrl = '';
  const served = new Map<string, Buffer>();

  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, adele]) await t.install(user);
    // The demo school's own request to post (Alex's) is put aside: each test makes the requests it needs.
    for (const request of (await t.app.stores.postingRequests.find({ limit: 10 })).items)
      await t.app.stores.postingRequests.update({ ...request, state: 'withdrawn' });
    // SharePoint's download URL, as far as the bot can tell.
    files = createServer((req, res) => {
      const bytes = served.get(req.url ?? '');
      // Not chained: restify, in the same process, replaces writeHead with one returning nothing.
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream', 'content-length': String(bytes?.length ?? 0) });
      res.end(bytes);
    });
    await new Promise<void>((done) => files.listen(0, '127.0.0.1', done));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => files.close(done));
    await t.stop();
  });

  async function requestByAlex(): Promise<string> {
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    const requester = people.find((person) => person.displayName === 'Alex Wilber')!;
    const account = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    const device = (await t.app.stores.devices.find({ where: { active: true }, limit: 1 })).items[0]!;
    const details = {
      kind: 'post' as const,
      accountId: account.id,
      accountLabel: 'X @RiversidePrimary',
      text: 'Our science fair',
      media: ['images' as const],
      pupils: [],
      groupLabel: 'science fair',
      facesBlurred: true,
      postingDate: t.today,
      deviceId: device.id,
    };
    const draft = newPostingRequest(
      details,
      [{ check: 'attachments', message: 'Attach them.' }],
      { personId: requester.id, name: requester.displayName },
      `chat-${Math.random()}`,
      t.clock.now(),
    );
    return (await t.app.stores.postingRequests.insert(draft)).id;
  }

  const fileAttachment = (name: string, path: string, downloadUrl = `${filesUrl}${path}`) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    contentUrl: `https://contoso-my.sharepoint.com/personal/alex/Documents/Microsoft Teams Chat Files/${name}`,
    content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: name.split('.').pop() },
  });

  async function send(text: string, attachments: object[]): Promise<{ reply: string; later: string[] }> {
    const before = t.connector.sent.length;
    const response = await t.post({ ...messageActivity(alex, t.serviceUrl, text), attachments });
    expect(response.status).toBe(200);
    await t.app.background.idle();
    const [answer, ...rest] = t.connector.sent.slice(before).filter((entry) => entry.kind !== 'update');
    const later = rest.map((entry) => `${entry.conversationId === adele.conversationId ? 'adele' : 'alex'}: ${allText(cardOf(entry))}`);
    return { reply: allText(cardOf(answer)), later };
  }

  it('attaches the photo to the only request that can change, says so, and asks the headteacher', async () => {
    const requestId = await requestByAlex();
    served.set('/sports.jpg', jpegPhoto());
    const { reply, later } = await send('', [fileAttachment('sports.jpg', '/sports.jpg')]);
    expect(reply).toMatch(new RegExp(`Checking 1 file for request P-${requestId}`));
    expect(
      later.some(
        (line) =>
          line.startsWith('alex:') && line.includes(`Attached to request P-${requestId}`) && line.includes('sports.jpg is attached'),
      ),
    ).toBe(true);
    expect(later.some((line) => line.startsWith('adele:') && /needs your decision/.test(line))).toBe(true);
    const request = await t.app.stores.postingRequests.get(requestId);
    expect(request!.state).toBe('withHeadteacher');
    expect(request!.attachments!.map((file) => file.name)).toEqual(['sports.jpg']);
  });

  it('refuses what is not a photo or video, and says which', async () => {
    const requestId = await requestByAlex();
    served.set('/setup.jpg', program());
    const { later } = await send(requestId, [fileAttachment('setup.jpg', '/setup.jpg')]);
    expect(later.join('\n')).toMatch(/0 of 1 attached[\s\S]*setup\.jpg is not a photo or video/);
    expect((await t.app.stores.postingRequests.get(requestId))!.attachments ?? []).toEqual([]);
  });

  it('asks which request when several can change, and takes the number from the message', async () => {
    const first = await requestByAlex();
    const second = await requestByAlex();
    served.set('/a.jpg', jpegPhoto(32, 32));
    const { reply } = await send('', [fileAttachment('a.jpg', '/a.jpg')]);
    expect(reply).toMatch(/Which request are these for\?/);
    const named = await send(`for P-${second}`, [fileAttachment('a.jpg', '/a.jpg')]);
    expect(named.reply).toMatch(new RegExp(`request P-${second}`));
    expect((await t.app.stores.postingRequests.get(second))!.attachments).toHaveLength(1);
    expect((await t.app.stores.postingRequests.get(first))!.attachments ?? []).toHaveLength(0);
  });

  it('never fetches a download address that is not SharePoint (outside local mode) or this machine', async () => {
    const requestId = await requestByAlex();
    const { later } = await send(requestId, [fileAttachment('x.jpg', '/x.jpg', 'http://169.254.169.254/latest/meta-data')]);
    expect(later.join('\n')).toMatch(/not your school's SharePoint/);
  });
});
