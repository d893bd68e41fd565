/**
 * The reminder jobs through the running app: started by the HTTP trigger (as a cloud timer would),
 * sent through the Bot Connector stand-in to the people who installed the app, reported to the
 * online safety lead for those who did not, and never sent twice for the same period.
 */
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { registerJobTrigger } from '../../../bot/src/adapters/http/job-trigger-route';
import { PLAYGROUND_DEFAULT_AAD_ID } from '../../../bot/src/app/demo-school';
import { allText, buttons } from '../../fixtures/cards';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const aad = (n: number) => `00000000-0000-0000-0000-00000000000${20 + n}`;
const megan = teamsUser('Megan Bowen', aad(1));
const adele = teamsUser('Adele Vance', aad(2));
const alex = teamsUser('Alex Wilber', PLAYGROUND_DEFAULT_AAD_ID);

function cardsTo(t: TestApp, user: { conversationId: string }, since: number) {
  return t.connector.sent
    .slice(since)
    .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
    .map((entry) => cardOf(entry));
}

describe('reminder jobs in the running app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [megan, adele, alex]) await t.install(user);
  });
  afterAll(() => t.stop());

  it('reminds the headteacher and the online safety lead that the policy review is overdue, once per week, with a link to act', async () => {
    const before = t.connector.sent.length;
    expect(await t.triggerJob('policy-reviews')).toBe(202);
    for (const user of [megan, adele]) {
      const cards = cardsTo(t, user, before);
      expect(cards).toHaveLength(1);
      expect(allText(cards[0]!)).toContain('A policy review is overdue');
      expect(allText(cards[0]!)).toContain('Social Media Policy');
      expect(JSON.stringify(cards[0]!.actions)).toContain('/tab/?view=training');
    }
    expect(cardsTo(t, alex, before)).toEqual([]);
    // The day's slot is done: a second trigger (a cloud timer firing twice) runs nothing.
    const again = t.connector.sent.length;
    expect(await t.triggerJob('policy-reviews')).toBe(200);
    expect(t.connector.sent.length).toBe(again);
  });

  it('reminds staff whose training is due, and tells the online safety lead who could not be reached', async () => {
    const before = t.connector.sent.length;
    expect(await t.triggerJob('training-reminders')).toBe(202);
    expect(allText(cardsTo(t, alex, before)[0]!)).toContain('online safety training');
    expect(await t.triggerJob('training-digest')).toBe(202);
    const digest = cardsTo(t, megan, before)
      .map(allText)
      .find((text) => text.includes('this week'))!;
    // The governors never installed the app (policy review reminders); staff such as Priya Shah neither.
    expect(digest).toContain('Linda Davis has not opened Online Safety Desk in Teams.');
    expect(digest).toContain('Priya Shah has not opened Online Safety Desk in Teams.');
  });

  it('refuses an unknown job', async () => {
    expect(await t.triggerJob('delete-everything')).toBe(404);
  });
});

describe('nudges and escalation on a fixed school week', () => {
  const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104'); // chair of governors
  let now = Date.parse('2026-11-24T07:40:00Z');
  let t: TestApp;
  let requestId: string;
  beforeAll(async () => {
    t = await new TestApp('sqlite', {}, undefined, { now: () => new Date(now) }).start();
    for (const user of [adele, linda]) await t.install(user);
    const priya = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Priya Shah')!;
    const draft = newAccessRequest(
      { url: 'https://example.org/waiting', siteContent: 's', reasons: 'r', risksAndControls: 'c' },
      { personId: priya.id, name: priya.displayName },
      'k-waiting',
      new Date('2026-11-19T10:00:00Z'),
    );
    requestId = (await t.app.stores.accessRequests.insert({ ...draft, state: 'withHeadteacher', updatedAt: '2026-11-19T10:00:00.000Z' }))
      .id;
  });
  afterAll(() => t.stop());

  const trigger = async () => {
    expect((await fetch(`${t.app.url}/api/jobs/waiting-nudges`, { method: 'POST' })).status).toBe(202);
    await t.app.background.idle();
  };
  const about = (user: { conversationId: string }, since: number) =>
    cardsTo(t, user, since).filter((card) => allText(card).includes(`A-${requestId}`));

  it('reminds the headteacher on the third working day, with the button that opens the request', async () => {
    const before = t.connector.sent.length;
    await trigger();
    const [nudge] = about(adele, before);
    expect(allText(nudge!)).toMatch(/Access request A-\d+ is waiting for you[\s\S]*It has waited 3 working days/);
    const open = buttons(nudge!).find((button) => button.title === 'Open the request')!;
    await t.click(adele, 'nudge', open.verb, open.data);
    expect(buttons(cardOf(t.connector.to(adele.conversationId).at(-1))).map((button) => button.title)).toEqual(['Approve ✓', 'Refuse X']);
    expect(about(linda, before)).toEqual([]);
  });

  it('tells the chair of governors on the sixth working day, once', async () => {
    now = Date.parse('2026-11-27T07:40:00Z');
    const before = t.connector.sent.length;
    await trigger();
    expect(about(linda, before).map(allText)).toEqual([
      expect.stringMatching(/has waited too long \(with the headteacher\)[\s\S]*6 working days/),
    ]);
    now = Date.parse('2026-11-30T07:40:00Z');
    const again = t.connector.sent.length;
    await trigger();
    expect(about(linda, again)).toEqual([]);
    expect(about(adele, again)).toHaveLength(1);
  });
});

describe('the job trigger outside local mode', () => {
  async function serverWith(secret: string | undefined) {
    const server = restify.createServer();
    const started: string[] = [];
    registerJobTrigger(
      server,
      { names: ['policy-reviews'], start: async (name) => (started.push(name), 'started'), ...(secret ? { secret } : {}) },
      false,
      { info() {}, warn() {}, error() {} },
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/jobs/policy-reviews`;
    return { url, started, close: () => new Promise<void>((done) => server.close(() => done())) };
  }

  it('is off without JOB_SECRET', async () => {
    const s = await serverWith(undefined);
    expect((await fetch(s.url, { method: 'POST' })).status).toBe(404);
    expect(s.started).toEqual([]);
    await s.close();
  });

  it('needs the shared secret in X-Job-Secret', async () => {
    const secret = 'a'.repeat(40);
    const s = await serverWith(secret);
    expect((await fetch(s.url, { method: 'POST' })).status).toBe(401);
    expect((await fetch(s.url, { method: 'POST', headers: { 'x-job-secret': 'b'.repeat(40) } })).status).toBe(401);
    expect((await fetch(s.url, { method: 'POST', headers: { 'x-job-secret': secret } })).status).toBe(202);
    expect(s.started).toEqual(['policy-reviews']);
    await s.close();
  });
});
