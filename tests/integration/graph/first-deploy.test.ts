/**
 * The first deploy runs before the lists exist: the app starts anyway, says on /healthz what is
 * missing and what to do (503), the checklist's 'working-site' item is red with "run
 * provisioning", and once provisioning has run the app works without a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { provisionLists } from '../../../bot/src/adapters/graph/sharepoint/provision-lists';
import { seedDemoSchool } from '../../../bot/src/app/seed-demo-school';
import { createGraphApi, startApp, type RunningApp } from '../../../bot/src/main';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { RECORDS_SITE_ID, SITE_ID, SITES, sharePointSettings, silentLog, TEST_GRAPH } from '../../fixtures/sharepoint-site';
import { testConfig } from '../../fixtures/test-app';

describe('an app deployed before its SharePoint lists exist', () => {
  let standIn: GraphStandIn;
  let origin: string;
  let app: RunningApp;
  let dir: string;
  let now = Date.parse('2026-11-23T08:00:00Z');
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    standIn = new GraphStandIn();
    origin = await standIn.start();
    standIn.addSite(SITE_ID, 'Riverside staff');
    standIn.addSite(RECORDS_SITE_ID, 'Riverside safeguarding records');
    dir = mkdtempSync(join(tmpdir(), 'osd-first-deploy-'));
    const config = testConfig(dir);
    config.store = sharePointSettings(origin);
    app = await startApp({ config, log: silentLog, clock, graph: TEST_GRAPH });
  });
  afterAll(async () => {
    await app.close();
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const health = async () => {
    const response = await fetch(`${app.url}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('starts, and /healthz says which lists are missing and how to make them (503)', async () => {
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'lists missing', mode: 'local', fix: expect.stringContaining('npm run provision:lists') });
    expect(body.missing).toEqual(
      expect.arrayContaining(['Online Safety Desk - People', 'Online Safety Desk - Incidents', 'Online Safety Desk - Audit log']),
    );
  });

  it('shows the working site red on the checklist, with the fix "run provisioning"', async () => {
    expect(await app.readiness['working-site']!()).toMatchObject({ level: 'red', fix: expect.stringMatching(/^Run provisioning/) });
  });

  it('tells a person the records cannot be reached rather than failing silently', async () => {
    const response = await fetch(`${app.url}/api/me`);
    expect(response.status).toBe(503);
  });

  it('works once provisioning has run, without a restart', async () => {
    const admin = createGraphApi(sharePointSettings(origin), silentLog, TEST_GRAPH);
    await provisionLists(admin, SITES);
    await seedDemoSchool(createSharePointStores(admin, SITES), clock.now());
    // The health answer is kept for half a minute while something is missing.
    expect((await health()).status).toBe(503);
    now += 30_000;
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', mode: 'local' } });
    const me = await fetch(`${app.url}/api/me`);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Alex Wilber');
    expect((await app.readiness['working-site']!()).level).toBe('green');
  });

  it('stays healthy for what only the checklist minds: an index the app does not filter on', async () => {
    standIn.unindex(RECORDS_SITE_ID, 'Online Safety Desk - Incidents', 'reportedAt');
    now += 31 * 60_000;
    expect((await health()).status).toBe(200);
    expect((await app.readiness['records-site']!()).level).toBe('amber');
    // An index the app filters on is another matter: Graph would refuse its queries.
    standIn.unindex(SITE_ID, 'Online Safety Desk - Takedown tasks', 'ownerId');
    now += 31 * 60_000;
    expect(await health()).toMatchObject({
      status: 503,
      body: { status: 'lists missing', missing: ['Online Safety Desk - Takedown tasks: ownerId (index missing)'] },
    });
  });
});

describe('an app that makes its own lists as it starts (PROVISION_AT_START, as in Azure)', () => {
  const lines: string[] = [];
  const log = {
    info: (message: string) => void lines.push(message),
    warn: (message: string) => void lines.push(message),
    error: (message: string) => void lines.push(message),
  };

  async function start(standIn: GraphStandIn, origin: string): Promise<{ app: RunningApp; dir: string }> {
    standIn.addSite(SITE_ID, 'Riverside staff');
    standIn.addSite(RECORDS_SITE_ID, 'Riverside safeguarding records');
    const dir = mkdtempSync(join(tmpdir(), 'osd-provision-at-start-'));
    const config = testConfig(dir, { PROVISION_AT_START: 'true' });
    config.store = sharePointSettings(origin);
    return { app: await startApp({ config, log, graph: TEST_GRAPH }), dir };
  }

  it('is healthy from its first answer when it may make them', async () => {
    const standIn = new GraphStandIn();
    const { app, dir } = await start(standIn, await standIn.start());
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect(standIn.lists(RECORDS_SITE_ID).map((list) => list.displayName)).toContain('Online Safety Desk - Incidents');
      expect(lines).toContainEqual(expect.stringMatching(/^SharePoint lists: Created list "Online Safety Desk - School"/));
    } finally {
      await app.close();
      await standIn.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts anyway when it may not (write only), and says what to do', async () => {
    const standIn = new GraphStandIn();
    const origin = await standIn.start();
    standIn.failNext(1, { status: 403 });
    const { app, dir } = await start(standIn, origin);
    try {
      expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ status: 'lists missing' });
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^The SharePoint lists could not be created or completed at start \(Microsoft 365 refused the app's access \(403\).*grant the app full control of both sites/,
        ),
      );
    } finally {
      await app.close();
      await standIn.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
