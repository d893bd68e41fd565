/**
 * App Service scaled out to two instances (or restarted mid-job): two apps on one SharePoint (the
 * Graph stand-in) and one Bot Connector stand-in. Each reminder job runs once per slot across the
 * two, whichever starts first; an instance that stopped mid-job is taken over once its lease has
 * run out, and the outbox's idempotency keys keep anyone from getting a message twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { seedDemoSchool } from '../../../bot/src/app/seed-demo-school';
import { startApp, type RunningApp } from '../../../bot/src/main';
import type { Stores } from '../../../bot/src/ports/stores.port';
import type { OutboxEntry } from '../../../bot/src/ports/outbox.port';
import { ConnectorStandIn, type SentActivity } from '../../fixtures/connector-stand-in';
import type { GraphStandIn } from '../../fixtures/graph-stand-in';
import { provisionedSite, SITES, TEST_GRAPH } from '../../fixtures/sharepoint-site';
import { installActivity, teamsUser } from '../../fixtures/teams-activities';
import { testConfig, type LogLine } from '../../fixtures/test-app';
import { DEMO_PEOPLE } from '../../../bot/src/app/demo-school';

const PEOPLE = DEMO_PEOPLE.filter((person) => person.aadObjectId).map((person) => teamsUser(person.displayName, person.aadObjectId!));

describe('two instances of the app sharing one SharePoint', () => {
  let standIn: GraphStandIn;
  let stores: Stores;
  let connector: ConnectorStandIn;
  let serviceUrl: string;
  let now: number;
  const clock = { now: () => new Date(now) };
  const running: { app: RunningApp; dir: string }[] = [];
  const logs: LogLine[] = [];
  let provisioned: ReturnType<typeof provisionedSite>;

  async function instance(name: string, scheduler: 'on' | 'off'): Promise<RunningApp> {
    const dir = mkdtempSync(join(tmpdir(), `osd-${name}-`));
    const config = testConfig(dir, { SCHEDULER: scheduler });
    config.store = (await provisioned).settings;
    const log = (level: LogLine['level']) => (message: string) => void logs.push({ level, message: `${name}: ${message}` });
    const app = await startApp({
      config,
      clock,
      graph: TEST_GRAPH,
      instanceId: name,
      log: { info: log('info'), warn: log('warn'), error: log('error') },
    });
    running.push({ app, dir });
    return app;
  }

  beforeEach(async () => {
    now = Date.parse('2026-11-23T07:20:00Z');
    provisioned = provisionedSite();
    const site = await provisioned;
    standIn = site.standIn;
    stores = createSharePointStores(site.graph, SITES);
    await seedDemoSchool(stores, clock.now());
    connector = new ConnectorStandIn();
    serviceUrl = await connector.start();
    // Everyone opened the app in Teams once, before the morning's jobs.
    const setup = await instance('setup', 'off');
    for (const user of PEOPLE) expect((await post(setup, installActivity(user, serviceUrl))).status).toBe(200);
    await stop(setup);
    connector.sent.length = 0;
  });
  afterEach(async () => {
    for (const { app, dir } of running.splice(0)) {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
    await connector.stop();
    await standIn.stop();
  });

  async function stop(app: RunningApp): Promise<void> {
    await app.close();
    const [entry] = running.splice(
      running.findIndex((candidate) => candidate.app === app),
      1,
    );
    rmSync(entry!.dir, { recursive: true, force: true });
  }

  const reminders = (): SentActivity[] => connector.sent.filter((entry) => entry.kind !== 'update');
  /** Each message by who got it and what it says: a duplicate shows up as a count above one. */
  const copies = () => {
    const counts = new Map<string, number>();
    for (const entry of reminders()) {
      const key = `${entry.conversationId} ${JSON.stringify(entry.activity.attachments?.[0]?.content.body)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.values()];
  };

  it('sends every reminder exactly once when both start after 07:30 and catch the morning up', async () => {
    now = Date.parse('2026-11-23T08:05:00Z');
    const [a, b] = await Promise.all([instance('web-1', 'on'), instance('web-2', 'on')]);
    await Promise.all([a.background.idle(), b.background.idle()]);

    const sent = (await stores.outbox.find({ where: { status: 'sent' }, limit: 500 })).items;
    expect(sent.length).toBeGreaterThan(3);
    expect(reminders()).toHaveLength(sent.length);
    expect(copies().every((count) => count === 1)).toBe(true);
    // Every daily job is on record as done for today, each by one of the two.
    const runs = (await stores.jobRuns.find({ limit: 20 })).items.filter((run) => run.job !== 'concern-notices');
    expect(runs.map((run) => [run.job, run.lastDoneSlot])).toEqual(
      expect.arrayContaining([
        ['policy-reviews', '2026-11-23'],
        ['training-reminders', '2026-11-23'],
        ['training-digest', '2026-11-23'],
      ]),
    );
    expect(runs.every((run) => ['web-1', 'web-2'].includes(run.holder))).toBe(true);
    // Each job ran on one instance only: one report line per job, from whichever got the slot.
    for (const job of ['policy-reviews', 'training-reminders', 'waiting-nudges', 'retention-review', 'takedowns', 'training-digest']) {
      expect({ job, runs: logs.filter((line) => line.message.includes(`: Job ${job} (2026-11-23):`)).length }).toEqual({ job, runs: 1 });
    }

    // Both cloud timers fire as well: the slot is done, nothing more is sent.
    const before = connector.sent.length;
    const answers = await Promise.all([a, b].map((app) => fetch(`${app.url}/api/jobs/policy-reviews`, { method: 'POST' })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(connector.sent.length).toBe(before);
  });

  it('takes over a job whose instance stopped mid-way once its lease runs out, sending only what never left', async () => {
    // web-1 runs the policy reviews at 07:35, then is stopped before it records the end.
    now = Date.parse('2026-11-23T07:35:00Z');
    const doomed = await instance('web-1', 'off');
    expect((await fetch(`${doomed.url}/api/jobs/policy-reviews`, { method: 'POST' })).status).toBe(202);
    await doomed.background.idle();
    await stop(doomed);
    const reviewed = (await stores.outbox.find({ limit: 500 })).items.filter(
      (entry) => entry.run === 'policy-reviews 2026-11-23' && entry.status === 'sent',
    );
    expect(reviewed.length).toBeGreaterThan(2);
    // What it leaves: the lease unfinished; one message never left (pending), one left but its answer never came back (sending).
    const lease = (await stores.jobRuns.find({ where: { job: 'policy-reviews' }, limit: 1 })).items[0]!;
    const { finishedAt: _f, outcome: _o, lastDoneSlot: _s, lastDoneAt: _a, ...unfinished } = lease;
    await stores.jobRuns.update(unfinished);
    const [neverLeft, unknown] = reviewed;
    await stores.outbox.update({ ...neverLeft!, status: 'pending' });
    await stores.outbox.update({ ...unknown!, status: 'sending' });
    const neverLeftCard = connector.sent.findIndex(
      (entry) =>
        entry.kind !== 'update' &&
        JSON.stringify(entry.activity).includes(titleOf(neverLeft!)) &&
        entry.conversationId === conversationOf(neverLeft!.personName),
    );
    connector.sent.splice(neverLeftCard, 1);
    const before = reminders().length;

    // web-2 starts at 07:50: the lease (until 08:05) still holds, so it leaves the policy reviews alone.
    now = Date.parse('2026-11-23T07:50:00Z');
    const survivor = await instance('web-2', 'on');
    await survivor.background.idle();
    expect(
      reminders()
        .slice(before)
        .filter((entry) => JSON.stringify(entry.activity).includes('policy review')),
    ).toEqual([]);
    expect((await fetch(`${survivor.url}/api/jobs/policy-reviews`, { method: 'POST' })).status).toBe(409);

    // At 08:10 the lease has run out: web-2 takes the slot over.
    now = Date.parse('2026-11-23T08:10:00Z');
    expect((await fetch(`${survivor.url}/api/jobs/policy-reviews`, { method: 'POST' })).status).toBe(202);
    await survivor.background.idle();
    const outbox = new Map((await stores.outbox.find({ limit: 500 })).items.map((entry) => [entry.id, entry.status]));
    expect([outbox.get(neverLeft!.id), outbox.get(unknown!.id)]).toEqual(['sent', 'uncertain']);
    expect(copies().every((count) => count === 1)).toBe(true);
    expect(
      reminders().filter(
        (entry) =>
          entry.conversationId === conversationOf(neverLeft!.personName) && JSON.stringify(entry.activity).includes(titleOf(neverLeft!)),
      ),
    ).toHaveLength(1);
    const taken = (await stores.jobRuns.find({ where: { job: 'policy-reviews' }, limit: 1 })).items[0]!;
    expect(taken).toMatchObject({ holder: 'web-2', outcome: 'done', lastDoneSlot: '2026-11-23' });
    expect(logs).toContainEqual({
      level: 'warn',
      message: 'web-2: Job policy-reviews: taking over 2026-11-23 from web-1, which stopped before finishing',
    });
  });
});

function post(app: RunningApp, activity: object): Promise<Response> {
  return fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

function titleOf(entry: OutboxEntry): string {
  return 'title' in entry.message ? entry.message.title : '';
}

function conversationOf(name: string): string {
  return PEOPLE.find((user) => user.name === name)!.conversationId;
}
