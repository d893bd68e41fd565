/**
 * What keeps the process trustworthy: out-of-date cards, other people's requests, text that is too
 * long, a store that fails mid-step, Teams throttling, and local mode refusing strangers.
 */
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { startApp } from '../../../bot/src/main';
import { StoreUnavailableError } from '../../../bot/src/ports/collection.port';
import { allText, button, buttons, errorUnder } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { cardActionInvoke, messageActivity, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022');
const priya = teamsUser('Priya Shah', '00000000-0000-0000-0000-000000000102'); // another staff member

const FORM = {
  url: 'https://www.example.org/',
  siteContent: 'Phonics games',
  reasons: 'Reception phonics',
  risksAndControls: 'Adverts: teacher screen only',
  scope: 'staff',
};

describe('keeping the process trustworthy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan, adele, priya]) await t.install(user);
  });
  afterAll(() => t.stop());

  async function submit(): Promise<{ requestId: string; formMessage: string }> {
    const { card, activityId } = await t.say(alex, 'request access');
    const done = await t.click(alex, activityId, 'submitAccessRequest', {
      submissionKey: button(card, /Send/).data.submissionKey,
      ...FORM,
    });
    return { requestId: /request A-(\d+)/.exec(allText(done))![1]!, formMessage: activityId };
  }
  const leadCard = () => cardOf(t.connector.to(megan.conversationId).at(-1));

  it("keeps the requester's confirmation on their card instead of overwriting it at once", async () => {
    const { formMessage } = await submit();
    expect(t.connector.sent.filter((entry) => entry.kind === 'update' && entry.activityId === formMessage)).toEqual([]);
  });

  it('does not act on a card showing an older version of the request, even if the step is allowed', async () => {
    const { requestId } = await submit();
    const oldForward = button(leadCard(), /Send to the headteacher/);
    await t.click(megan, 'm', 'returnAccessRequest', { requestId, note: 'Which page exactly?' });
    await t.click(alex, 'a', 'resubmitAccessRequest', { requestId, ...FORM, url: 'https://www.example.org/other-site' });
    const card = await t.click(megan, 'old', oldForward.verb, oldForward.data);
    expect(allText(card)).toMatch(/This card was out of date, so nothing was changed/);
    expect(allText(card)).toContain('https://www.example.org/other-site');
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withOnlineSafetyLead');
    const fresh = button(leadCard(), /Send to the headteacher/);
    expect(allText(await t.click(megan, 'new', fresh.verb, fresh.data))).toMatch(/Sent to the headteacher/);
  });

  it("shows another staff member nothing of someone else's request", async () => {
    const { requestId } = await submit();
    for (const verb of ['refreshAccessRequest', 'openAccessRequest', 'editAccessRequest', 'withdrawAccessRequest']) {
      const card = await t.click(priya, 'p', verb, { requestId });
      expect(JSON.stringify(card)).not.toContain('Phonics games');
    }
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withOnlineSafetyLead');
  });

  it('refuses over-long text next to its field instead of silently dropping it', async () => {
    const { requestId } = await submit();
    const card = await t.click(megan, 'm', 'forwardAccessRequest', {
      requestId,
      note: 'n'.repeat(6000),
      addedRisksAndControls: 'r'.repeat(1001),
    });
    expect(errorUnder(card, 'note')).toBe('Note must be 1000 characters or fewer.');
    expect(errorUnder(card, 'addedRisksAndControls')).toBe('Further risks and control measures must be 1000 characters or fewer.');
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withOnlineSafetyLead');
  });

  it('when the store fails mid-step, answers with a message that leaves the card as it was', async () => {
    const { requestId } = await submit();
    const update = jest.spyOn(t.app.stores.together, 'update').mockRejectedValue(new StoreUnavailableError('disk unavailable'));
    try {
      const response = await t.post(cardActionInvoke(megan, t.serviceUrl, 'm', 'forwardAccessRequest', { requestId }));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Nothing was changed because the school records could not be reached. Please try again in a few minutes.',
      });
    } finally {
      update.mockRestore();
    }
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withOnlineSafetyLead');
    expect(buttons(leadCard()).length).toBe(2);
  });

  it('retries a throttled send (429 without Retry-After) and delivers it exactly once', async () => {
    t.connector.failNext.push({ conversationId: megan.conversationId, status: 429 });
    const before = t.connector.to(megan.conversationId).length;
    await submit();
    expect(t.connector.to(megan.conversationId).length - before).toBe(1);
    expect(t.connector.attempts.filter((a) => a.conversationId === megan.conversationId && a.status === 429)).toHaveLength(1);
  });

  it('a 500 from Teams is retried by the Bot Framework client and the card arrives once', async () => {
    t.connector.failNext.push({ conversationId: megan.conversationId, status: 500 });
    const before = t.connector.to(megan.conversationId).length;
    await submit();
    expect(t.connector.to(megan.conversationId).length - before).toBe(1);
  });
});

describe('local mode refuses what only a stranger would send', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
  });
  afterAll(() => t.stop());

  it('refuses an activity whose serviceUrl would send replies to another machine', async () => {
    const response = await t.post(messageActivity(alex, 'https://attacker.example/', 'my requests'));
    expect(response.status).toBe(403);
    expect(t.connector.sent).toEqual([]);
  });

  it.each(['x-forwarded-for', 'forwarded', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip', 'via'])(
    'refuses a request that came through a proxy or tunnel (%s)',
    async (header) => {
      const response = await fetch(`${t.app.url}/api/incidents`, { headers: { [header]: '203.0.113.9', 'x-demo-person': '5' } });
      expect(response.status).toBe(403);
      expect(await response.text()).not.toMatch(/C-\d{5}|WhatsApp/);
    },
  );

  /** A raw request, so the Host header can be what a rebinding page's browser would send. */
  function withHost(host: string, path: string): Promise<{ status: number; body: string }> {
    const { port } = new URL(t.app.url);
    return new Promise((done, fail) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers: { host, 'x-demo-person': '5' } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', fail);
      request.end();
    });
  }

  it('answers only when addressed by a loopback name and its own port, so a DNS-rebinding page cannot read the incident log', async () => {
    const { port } = new URL(t.app.url);
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost:${Number(port) + 1}`]) {
      const answer = await withHost(host, '/api/incidents');
      expect({ host, status: answer.status }).toEqual({ host, status: 403 });
      expect(answer.body).not.toMatch(/C-\d{5}|WhatsApp/);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect({ host, status: (await withHost(host, '/api/incidents')).status }).toEqual({ host, status: 200 });
    }
  });
});

describe("local mode on a school's real records", () => {
  it('refuses to start: local mode never runs on SharePoint through Microsoft Graph', async () => {
    const config = loadConfig(
      {
        PORT: '0',
        STORE: 'sharepoint',
        SHAREPOINT_SITE_ID: 'site',
        SHAREPOINT_RECORDS_SITE_ID: 'records',
        GRAPH_TENANT_ID: 'tenant',
        GRAPH_CLIENT_ID: 'client',
        GRAPH_CLIENT_SECRET: 'secret',
      },
      resolve(__dirname, '..', '..', '..'),
    );
    expect(config.mode).toBe('local');
    await expect(startApp({ config, log: { info: () => undefined, warn: () => undefined, error: () => undefined } })).rejects.toThrow(
      /Refusing to start: local mode/,
    );
  });
});
