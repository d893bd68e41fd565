/**
 * The app reaches everyone it must: it installs itself (Graph, "proactive installation") for each
 * person in the directory who has no chat with the bot yet, paced, without harm when run twice, and
 * records who could not be reached and why. Graph is the stand-in; the records are in SQLite.
 */
import { GraphTeamsApps } from '../../../bot/src/adapters/graph/teams/graph-teams-apps';
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { installForEveryone, type InstallDeps } from '../../../bot/src/app/reach/install-app';
import { personalConversation } from '../../../bot/src/app/reach/personal-conversation';
import { TeamsAppInCatalogue } from '../../../bot/src/app/reach/teams-app-in-catalogue';
import { createGraphApi } from '../../../bot/src/main';
import type { Stores } from '../../../bot/src/ports/stores.port';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { sharePointSettings, silentLog, TEST_GRAPH } from '../../fixtures/sharepoint-site';

const MANIFEST_ID = '6f0e1c2a-1b2c-4d5e-8f90-0a1b2c3d4e5f';
const CATALOGUE_ID = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
const aad = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

const PEOPLE = [
  { name: 'Adele Vance', n: 1, roles: ['staff', 'headteacher'] }, // has chatted with the bot already
  { name: 'Megan Bowen', n: 2, roles: ['staff', 'onlineSafetyLead'] }, // to install
  { name: 'Isaiah Langer', n: 3, roles: ['staff', 'ictTechnician'] }, // installed by a setup policy
  { name: 'Linda Davis', n: 4, roles: ['governor', 'chairOfGovernors'] }, // to install
  { name: 'Mark Green', n: 5, roles: ['governor'] }, // Graph refuses (403)
  { name: 'Gone Leaver', n: 6, roles: ['staff'] }, // no longer in the directory (404)
] as const;

describe('installing the app for everyone it must message', () => {
  let standIn: GraphStandIn;
  let stores: Stores;
  let deps: InstallDeps;
  let now = Date.parse('2026-11-24T07:30:00Z');
  let paced = 0;

  beforeAll(async () => {
    standIn = new GraphStandIn();
    const graph = createGraphApi(sharePointSettings(await standIn.start()), silentLog, TEST_GRAPH);
    stores = createSqliteStores(':memory:');
    for (const person of PEOPLE) {
      await stores.people.insert({ displayName: person.name, aadObjectId: aad(person.n), roles: [...person.roles] });
      if (person.n !== 6)
        standIn.addUser({
          id: aad(person.n),
          displayName: person.name,
          mail: `${person.name.split(' ')[0]!.toLowerCase()}@school.example`,
        });
    }
    await stores.conversations.insert({
      key: `${aad(1)}|c1`,
      aadObjectId: aad(1),
      teamsUserId: '29:adele',
      conversationId: 'a:adele-chat',
      conversationType: 'personal',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      tenantId: 'tenant',
      botId: '28:bot',
      botName: 'Online Safety Desk',
      updatedAt: '2026-11-01T09:00:00.000Z',
    });
    standIn.teamsApps.publish({
      id: CATALOGUE_ID,
      externalId: MANIFEST_ID,
      displayName: 'Online Safety Desk',
      distributionMethod: 'organization',
    });
    standIn.teamsApps.installFor(aad(3), CATALOGUE_ID);
    standIn.teamsApps.refuseInstallFor(aad(5), 403, 'Forbidden');
    const apps = new GraphTeamsApps(graph, 'https://graph.microsoft.com');
    const clock = { now: () => new Date(now) };
    deps = {
      stores,
      directory: new PeopleListDirectory(stores.people),
      installer: apps,
      teamsApp: new TeamsAppInCatalogue(MANIFEST_ID, apps, clock, silentLog),
      clock,
      pace: async () => void paced++,
      log: silentLog,
    };
  });
  afterAll(async () => {
    await stores.close();
    await standIn.stop();
  });

  const recordOf = async (n: number) => (await stores.appInstallations.find({ where: { aadObjectId: aad(n) }, limit: 1 })).items[0];

  it('installs it for those without a chat, and records who could not be reached and why', async () => {
    const report = await installForEveryone(deps);
    expect(report).toEqual({ alreadyReachable: 1, installed: 2, alreadyInstalled: 1, failed: 2, waiting: 0 });
    expect(standIn.teamsApps.isInstalled(aad(2), CATALOGUE_ID)).toBe(true);
    expect(standIn.teamsApps.isInstalled(aad(4), CATALOGUE_ID)).toBe(true);
    expect(await recordOf(2)).toMatchObject({
      outcome: 'installed',
      chatId: expect.stringMatching(/^19:/),
      attempts: 1,
      triedAt: '2026-11-24T07:30:00.000Z',
    });
    expect(await recordOf(3)).toMatchObject({ outcome: 'alreadyInstalled', chatId: expect.stringMatching(/^19:/) });
    expect(await recordOf(5)).toMatchObject({ outcome: 'failed', reason: 'notAllowed', status: 403 });
    expect(await recordOf(6)).toMatchObject({ outcome: 'failed', reason: 'noSuchPerson', status: 404 });
    expect(await recordOf(1)).toBeUndefined();
    // The install itself is sent with the catalogue's id, as Graph documents it.
    expect(standIn.countBy('POST', new RegExp(`^/v1\\.0/users/${aad(2)}/teamwork/installedApps$`))).toBe(1);
    expect(standIn.countBy('POST', new RegExp(`^/v1\\.0/users/${aad(3)}/teamwork/installedApps$`))).toBe(0);
    expect(paced).toBe(5);
  });

  it('lets the bot write to a new installation before Teams tells it of the chat', async () => {
    expect(await personalConversation(stores, aad(2))).toMatchObject({
      conversationId: (await recordOf(2))!.chatId,
      conversationType: 'personal',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      botId: '28:bot',
      tenantId: 'tenant',
    });
    expect(await personalConversation(stores, aad(5))).toBeUndefined();
  });

  it('leaves people tried today alone, and tries those it could not reach again the next day', async () => {
    const before = standIn.requests.length;
    expect(await installForEveryone(deps)).toEqual({ alreadyReachable: 1, installed: 0, alreadyInstalled: 0, failed: 0, waiting: 5 });
    expect(standIn.requests.slice(before).filter((request) => /installedApps/.test(request.url))).toEqual([]);

    now += 24 * 3_600_000;
    standIn.teamsApps.refuseInstallFor(aad(5), 403, 'Forbidden');
    const report = await installForEveryone(deps);
    // Megan, Isaiah and Linda are already installed (Graph is asked, nothing is installed twice).
    expect(report).toMatchObject({ installed: 0, alreadyInstalled: 3, failed: 2 });
    expect(await recordOf(5)).toMatchObject({ outcome: 'failed', reason: 'notAllowed', attempts: 2 });
  });

  it('takes an install that raced another (409) as installed', async () => {
    await stores.people.insert({ displayName: 'Priya Shah', aadObjectId: aad(7), roles: ['staff'] });
    standIn.addUser({ id: aad(7), displayName: 'Priya Shah', mail: 'priya@school.example' });
    standIn.teamsApps.raceNextInstall(aad(7), CATALOGUE_ID);
    await installForEveryone(deps);
    expect(
      standIn.requests.filter((request) => request.method === 'POST' && request.url.includes(aad(7))).map((request) => request.status),
    ).toEqual([409]);
    expect(await recordOf(7)).toMatchObject({ outcome: 'alreadyInstalled', chatId: expect.stringMatching(/^19:/) });
  });

  it("installs nothing while the app is not in the organisation's catalogue, and says so", async () => {
    const mustNotInstall = { installFor: async () => Promise.reject(new Error('nothing may be installed')) };
    expect(await installForEveryone({ ...deps, installer: mustNotInstall, teamsApp: { current: async () => undefined } })).toEqual({
      alreadyReachable: 0,
      installed: 0,
      alreadyInstalled: 0,
      failed: 0,
      waiting: 0,
      notInCatalogue: true,
    });
  });
});
