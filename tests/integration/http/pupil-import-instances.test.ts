/**
 * A pupil import started through one instance and followed through another, as the tab does when
 * App Service runs two instances behind one address: the progress is in the store, so either can
 * answer, and the one-import-at-a-time rule holds across both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { seedDemoSchool } from '../../../bot/src/app/seed-demo-school';
import { startApp, type RunningApp } from '../../../bot/src/main';
import type { GraphStandIn } from '../../fixtures/graph-stand-in';
import { provisionedSite, SITES, silentLog, TEST_GRAPH } from '../../fixtures/sharepoint-site';
import { holdPupilInserts } from '../../fixtures/held-inserts';
import { testConfig } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const HEADER = 'UPN,Name,Reg Group,Year,Admission Date';
const file = (count: number) =>
  [HEADER, ...Array.from({ length: count }, (_, i) => `R${i + 1},Pupil ${i + 1},5A,Year 5,04/09/2023`)].join('\n');

describe('a pupil import on two instances', () => {
  let standIn: GraphStandIn;
  const apps: RunningApp[] = [];
  const dirs: string[] = [];
  let admin: string;
  let teacher: string;
  /** Lets a held import go on (also when a test fails, so that shutting down does not wait for ever). */
  let release = () => undefined as void;
  const clock = new TestClock();

  beforeAll(async () => {
    const site = await provisionedSite();
    standIn = site.standIn;
    const stores = createSharePointStores(site.graph, SITES);
    await seedDemoSchool(stores, clock.now());
    const people = (await stores.people.find({ limit: 50 })).items;
    admin = people.find((person) => person.roles.includes('admin'))!.id;
    teacher = people.find((person) => person.displayName === 'Alex Wilber')!.id;
    for (const name of ['web-1', 'web-2']) {
      const dir = mkdtempSync(join(tmpdir(), `osd-${name}-`));
      const config = testConfig(dir);
      config.store = site.settings;
      dirs.push(dir);
      apps.push(await startApp({ config, clock, log: silentLog, graph: TEST_GRAPH, instanceId: name }));
    }
  });
  afterAll(async () => {
    release();
    for (const app of apps) await app.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await standIn.stop();
  });

  const call = (app: RunningApp, persona: string, path: string, body?: object) =>
    fetch(`${app.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-demo-person': persona },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('answers the progress poll on either instance, and refuses a second import on the other', async () => {
    const [first, second] = apps as [RunningApp, RunningApp];
    // Hold web-1's writing after its first batch of twenty, so the import is seen mid-way.
    const held = holdPupilInserts(first.stores);
    release = held.release;
    const started = await call(first, admin, '/api/pupils/import', { csv: file(60), apply: true });
    expect(started.status).toBe(202);
    const location = started.headers.get('location')!;
    await held.waiting;
    // 60 new pupils, and the demo school's 16 marked as left (missing from the file).
    expect(await (await call(second, admin, location)).json()).toMatchObject({ state: 'running', done: 20, total: 76 });

    const again = await call(second, admin, '/api/pupils/import', { csv: file(5), apply: true });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(
      /^An import started by Lynne Robbins is still running \(20 of 76 changes saved\)/,
    );
    // Only the person who started it may follow it, on any instance.
    expect((await call(second, teacher, location)).status).toBe(403);

    release();
    await first.background.idle();
    expect(await (await call(second, admin, location)).json()).toMatchObject({
      state: 'finished',
      done: 76,
      total: 76,
      result: { status: 'imported', counts: { create: 60, leave: 16 } },
    });
    expect((await call(second, admin, '/api/pupils/import', { csv: file(60), apply: true })).status).toBe(202);
    await second.background.idle();
  });
});
