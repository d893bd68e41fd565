/**
 * The go-live checklist's items about reaching Microsoft 365 and people: how the app signs in,
 * the role groups, who the bot can message, the Teams app in the catalogue. The directory, the
 * catalogue and the installations are read through the Graph stand-in; records are in SQLite.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateExpiry } from '../../../../bot/src/adapters/graph/credentials/certificate-expiry';
import { EntraDirectory } from '../../../../bot/src/adapters/graph/entra/entra-directory';
import { GraphTeamsApps } from '../../../../bot/src/adapters/graph/teams/graph-teams-apps';
import { PeopleListDirectory } from '../../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../../bot/src/adapters/sqlite/sqlite-stores';
import {
  credentialCheck,
  reachCheck,
  roleGroupsCheck,
  teamsAppCheck,
  type CredentialFacts,
} from '../../../../bot/src/app/readiness/reach-checks';
import { TeamsAppInCatalogue } from '../../../../bot/src/app/reach/teams-app-in-catalogue';
import { createGraphApi } from '../../../../bot/src/main';
import type { Stores } from '../../../../bot/src/ports/stores.port';
import { GraphStandIn } from '../../../fixtures/graph-stand-in';
import { sharePointSettings, silentLog, TEST_GRAPH } from '../../../fixtures/sharepoint-site';

const NOW = new Date('2026-11-24T09:00:00Z');
const works = async () => 'token';
const refused = async () => {
  throw new Error('AADSTS70021: No matching federated identity record found for presented assertion.');
};
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('the credential item', () => {
  it.each<[string, 'green' | 'amber' | 'red', Omit<CredentialFacts, 'now'>, RegExp]>([
    [
      'the managed identity, working',
      'green',
      { kind: 'managedIdentity', probe: works },
      /managed identity.*no secret is stored and nothing expires/,
    ],
    [
      'the managed identity, no federated credential',
      'red',
      { kind: 'managedIdentity', probe: refused },
      /could not sign in to Microsoft Graph: AADSTS70021/,
    ],
    [
      'a certificate with a year left',
      'green',
      { kind: 'certificate', expiresOn: days(365), probe: works },
      /certificate, which expires on 24 November 2027 \(in 365 days\)/,
    ],
    [
      'a certificate with 30 days left',
      'amber',
      { kind: 'certificate', expiresOn: days(30), probe: works },
      /expires on 24 December 2026 \(in 30 days\)/,
    ],
    ['a certificate with 7 days left', 'red', { kind: 'certificate', expiresOn: days(7), probe: works }, /in 7 days/],
    ['an expired certificate', 'red', { kind: 'certificate', expiresOn: days(-2), probe: refused }, /refused: AADSTS70021/],
    ['a certificate whose file holds only the key', 'amber', { kind: 'certificate', probe: works }, /expiry is unknown/],
    ['a secret of unknown expiry', 'amber', { kind: 'secret', probe: works }, /^The app signs in with a client secret: expiry unknown\.$/],
    [
      'a secret with 90 days left',
      'amber',
      { kind: 'secret', expiresOn: days(90), probe: works },
      /client secret, which expires on 22 February 2027/,
    ],
    ['a secret with 6 days left', 'red', { kind: 'secret', expiresOn: days(6), probe: works }, /in 6 days/],
    ['a secret that expired yesterday', 'red', { kind: 'secret', expiresOn: days(-1), probe: works }, /expired on 23 November 2026/],
  ])('%s is %s', async (_, level, facts, found) => {
    const item = await credentialCheck({ ...facts, now: NOW });
    expect(item).toMatchObject({ id: 'credential', level });
    expect(item.found).toMatch(found);
    if (level === 'green') expect(item.fix).toBeUndefined();
    else
      expect(item.fix).toMatch(
        facts.kind === 'certificate' && !facts.expiresOn
          ? /same PEM file/
          : facts.kind === 'managedIdentity'
            ? /federated credential/
            : /certificate|managed identity/,
      );
  });

  it("reads a certificate's end from the PEM file that holds it with its key", () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-cert-'));
    try {
      const certificate = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'test-certificate.pem'), 'utf8');
      const key = '-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----\n';
      writeFileSync(join(dir, 'both.pem'), key + certificate);
      writeFileSync(join(dir, 'key.pem'), key);
      expect(certificateExpiry(join(dir, 'both.pem'))).toEqual(new Date('2028-01-04T11:56:47Z'));
      expect(certificateExpiry(join(dir, 'key.pem'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the role groups, the reach and the Teams app items', () => {
  const standIn = new GraphStandIn();
  let entra: EntraDirectory;
  let apps: GraphTeamsApps;
  let stores: Stores;
  const user = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    const graph = createGraphApi(sharePointSettings(await standIn.start()), silentLog, TEST_GRAPH);
    entra = new EntraDirectory(graph, {}, { now: () => NOW });
    apps = new GraphTeamsApps(graph, 'https://graph.microsoft.com');
    for (const [n, name] of [
      [1, 'Adele Vance'],
      [2, 'Megan Bowen'],
      [3, 'Isaiah Langer'],
      [4, 'Priya Shah'],
      [5, 'Disabled Leaver'],
    ] as const)
      standIn.addUser({ id: user(n), displayName: name, mail: `u${n}@school.example` });
    standIn.addGroup('g-teachers', [user(4), user(5)], 'Teachers');
    standIn.addGroup('g-staff', ['g-teachers', user(1), user(2), user(3)], 'All staff');
    standIn.addGroup('g-head', [user(1)], 'Headteacher');
    standIn.addGroup('g-lead', [user(2)], 'Online safety lead');
    standIn.addGroup('g-ict', [], 'ICT');
    standIn.addGroup('g-governors', [], 'Governors');
    stores = createSqliteStores(':memory:');
  });
  afterAll(async () => {
    await stores.close();
    await standIn.stop();
  });

  it('role groups: green when each resolves and has people, with how many', async () => {
    const item = await roleGroupsCheck(
      { staff: 'g-staff', headteacher: 'g-head', onlineSafetyLead: 'g-lead', ictTechnician: 'g-head' },
      entra,
    );
    expect(item).toMatchObject({
      level: 'green',
      found:
        'Staff member: "All staff", 5 people; Online safety lead: "Online safety lead", 1 person; Headteacher: "Headteacher", 1 person; ICT technician: "Headteacher", 1 person.',
    });
  });

  it.each([
    [
      'an empty group for one of the four roles every school needs',
      'red',
      { ictTechnician: 'g-ict' },
      /ICT technician: the group "ICT" is empty/,
    ],
    ['a group id that does not exist', 'red', { ictTechnician: 'g-typo' }, /ICT technician: no group has the id g-typo/],
    [
      'an empty group for another role',
      'amber',
      { ictTechnician: 'g-head', governor: 'g-governors' },
      /Governor: the group "Governors" is empty/,
    ],
  ] as const)('role groups: %s is %s', async (_, level, change, found) => {
    const item = await roleGroupsCheck({ staff: 'g-staff', headteacher: 'g-head', onlineSafetyLead: 'g-lead', ...change }, entra);
    expect(item.level).toBe(level);
    expect(item.found).toMatch(found);
    expect(item.fix).toMatch(/ROLE_GROUP_/);
  });

  it('reach: counts who the bot can message and names the staff it cannot, with why; no governor is named', async () => {
    const directory = new PeopleListDirectory(stores.people);
    const person = async (displayName: string, n: number, roles: string[]) =>
      stores.people.insert({ displayName, aadObjectId: user(n), roles: roles as never });
    const adele = await person('Adele Vance', 1, ['staff', 'headteacher']);
    await person('Megan Bowen', 2, ['staff', 'onlineSafetyLead']);
    await person('Isaiah Langer', 3, ['staff', 'ictTechnician']);
    await person('Priya Shah', 4, ['staff']);
    await person('Linda Davis', 6, ['governor', 'chairOfGovernors']);
    const chat = (n: number) => ({
      key: `${user(n)}|c`,
      aadObjectId: user(n),
      teamsUserId: `29:${n}`,
      conversationId: `a:${n}`,
      conversationType: 'personal',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      tenantId: 't',
      botId: '28:bot',
      botName: 'Online Safety Desk',
      updatedAt: '2026-11-01T09:00:00.000Z',
    });
    await stores.conversations.insert(chat(1));
    await stores.conversations.insert(chat(2));
    await stores.appInstallations.insert({
      aadObjectId: user(4),
      personId: 'x',
      outcome: 'failed',
      reason: 'notAllowed',
      status: 403,
      attempts: 1,
      triedAt: '2026-11-24T07:30:00.000Z',
    });
    await stores.outbox.insert({
      key: `training|w|${adele.id}`,
      run: 'r',
      personId: adele.id,
      personName: 'Adele Vance',
      reason: 'training',
      period: 'w',
      status: 'blocked',
      message: { title: 't', lines: [], tone: 'accent' },
      attempts: 1,
      createdAt: '2026-11-20T07:30:00.000Z',
      updatedAt: '2026-11-20T07:30:00.000Z',
    });

    const item = await reachCheck({ directory, stores, now: NOW });
    expect(item.level).toBe('red');
    expect(item.found).toBe(
      'The bot can message 1 of 4 staff, 0 of 1 governors and 1 of 4 people holding a role. ' +
        'Nobody can be reached who is: Headteacher, ICT technician, Chair of governors. ' +
        'Staff it cannot reach: Adele Vance (has blocked or removed the app), Isaiah Langer (has not opened the app yet), Priya Shah (the app may not install itself: admin consent is missing). ' +
        '1 governor who is not on the staff cannot be reached.',
    );
    expect(item.found).not.toContain('Linda');
    expect(item.fix).toMatch(/Grant admin consent for TeamsAppInstallation\.ReadWriteSelfForUser\.All/);
  });

  it('reach: green when everyone can be messaged', async () => {
    const everyoneReached = createSqliteStores(':memory:');
    try {
      await everyoneReached.people.insert({ displayName: 'Alex Wilber', aadObjectId: user(9), roles: ['staff'] });
      await everyoneReached.conversations.insert({
        key: `${user(9)}|c`,
        aadObjectId: user(9),
        teamsUserId: '29:9',
        conversationId: 'a:9',
        conversationType: 'personal',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        tenantId: 't',
        botId: '28:bot',
        botName: 'Online Safety Desk',
        updatedAt: '2026-11-01T09:00:00.000Z',
      });
      expect(
        await reachCheck({ directory: new PeopleListDirectory(everyoneReached.people), stores: everyoneReached, now: NOW }),
      ).toMatchObject({ level: 'green', found: 'The bot can message 1 of 1 staff, 0 of 0 governors and 0 of 0 people holding a role.' });
    } finally {
      await everyoneReached.close();
    }
  });

  it.each([
    [
      'published to the organisation',
      'green',
      { publishingState: 'published' as const },
      /"Online Safety Desk" is in the catalogue as cat-1, version 1\.2\.0 \(published to the organisation\); links into Teams use this id\.$/,
    ],
    ['waiting for approval', 'amber', { publishingState: 'submitted' as const }, /waiting for a Teams administrator's approval/],
  ])('teams app: %s is %s', async (_, level, entry, found) => {
    const manifestId = `manifest-${level}`;
    standIn.teamsApps.publish({
      id: 'cat-1',
      externalId: manifestId,
      displayName: 'Online Safety Desk',
      distributionMethod: 'organization',
      version: '1.2.0',
      ...entry,
    });
    const item = await teamsAppCheck(new TeamsAppInCatalogue(manifestId, apps, { now: () => NOW }, silentLog));
    expect(item.level).toBe(level);
    expect(item.found).toMatch(found);
  });

  it('teams app: red while the catalogue does not list it, amber without an id or without Graph', async () => {
    expect(await teamsAppCheck(new TeamsAppInCatalogue('not-published', apps, { now: () => NOW }, silentLog))).toMatchObject({
      level: 'red',
      found: expect.stringMatching(/does not list the app \(manifest id not-published\)/),
      fix: expect.stringMatching(/atk publish/),
    });
    expect((await teamsAppCheck(new TeamsAppInCatalogue(undefined, apps, { now: () => NOW }, silentLog))).level).toBe('amber');
    expect(await teamsAppCheck(new TeamsAppInCatalogue('m', undefined, { now: () => NOW }, silentLog))).toMatchObject({
      level: 'amber',
      found: expect.stringMatching(/uploaded by hand/),
    });
  });
});
