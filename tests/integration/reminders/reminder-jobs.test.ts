/**
 * The reminder jobs through the running app: started by the HTTP trigger (as a cloud timer would),
 * sent through the Bot Connector stand-in to the people who installed the app, reported to the
 * online safety lead for those who did not, and never sent twice for the same period.
 */
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { registerJobTrigger } from '../../../bot/src/adapters/http/job-trigger-route';
import { PLAYGROUND_DEFAULT_AAD_ID } from '../../../bot/src/app/demo-school';
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const aad = (n: number) => `00000000-0000-0000-0000-00000000000${20 + n}`;
const megan = teamsUser('Megan Bowen', aad(1));
const adele = teamsUser('Adele Vance', aad(2));
const alex = teamsUser('Alex Wilber', PLAYGROUND_DEFAULT_AAD_ID);

describe('reminder jobs in the running app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [megan, adele, alex]) await t.install(user);
  });
  afterAll(() => t.stop());

  async function trigger(job: string): Promise<number> {
    const response = await fetch(`${t.app.url}/api/jobs/${job}`, { method: 'POST' });
    await t.app.background.idle();
    return response.status;
  }

  const cardsTo = (user: { conversationId: string }, since: number) => t.connector.sent.slice(since).filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update').map((entry) => cardOf(entry));

  it('reminds the headteacher and the online safety lead that the policy review is overdue, once per week, with a link to act', async () => {
    const before = t.connector.sent.length;
    expect(await trigger('policy-reviews')).toBe(202);
    for (const user of [megan, adele]) {
      const cards = cardsTo(user, before);
      expect(cards).toHaveLength(1);
      expect(allText(cards[0]!)).toContain('A policy review is overdue');
      expect(allText(cards[0]!)).toContain('Social Media Policy');
      expect(JSON.stringify(cards[0]!.actions)).toContain('/tab/?view=training');
    }
    expect(cardsTo(alex, before)).toEqual([]);
    // The day's slot is done: a second trigger (a cloud timer firing twice) runs nothing.
    const again = t.connector.sent.length;
    expect(await trigger('policy-reviews')).toBe(200);
    expect(t.connector.sent.length).toBe(again);
  });

  it('reminds staff whose training is due, and tells the online safety lead who could not be reached', async () => {
    const before = t.connector.sent.length;
    expect(await trigger('training-reminders')).toBe(202);
    expect(allText(cardsTo(alex, before)[0]!)).toContain('online safety training');
    expect(await trigger('training-digest')).toBe(202);
    const digest = cardsTo(megan, before).map(allText).find((text) => text.includes('this week'))!;
    // The governors never installed the app (policy review reminders); staff such as Priya Shah neither.
    expect(digest).toContain('Linda Davis has not opened Online Safety Desk in Teams.');
    expect(digest).toContain('Priya Shah has not opened Online Safety Desk in Teams.');
  });

  it('refuses an unknown job', async () => {
    expect(await trigger('delete-everything')).toBe(404);
  });
});

describe('the job trigger outside local mode', () => {
  async function serverWith(secret: string | undefined) {
    const server = restify.createServer();
    const started: string[] = [];
    registerJobTrigger(server, { names: ['policy-reviews'], start: async (name) => (started.push(name), 'started'), ...(secret ? { secret } : {}) }, false, { info() {}, warn() {}, error() {} });
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
