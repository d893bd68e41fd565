/**
 * A step's notices are stored in the outbox before they are sent, as reminders are: when the app is
 * killed between saving a step and telling people, the next start tells whoever was not told yet,
 * and nobody twice; and when Teams sends the same activity again (it got a 5xx or no answer), the
 * step is not taken twice and nobody is told twice. Through the bot's real HTTP endpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { startApp } from '../../../bot/src/main';
import { allText, button } from '../../fixtures/cards';
import { startAppProcess } from '../../fixtures/app-process/app-process-runner';
import { cardOf, ConnectorStandIn, type SentActivity } from '../../fixtures/connector-stand-in';
import { cardActionInvoke, installActivity, messageActivity, teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp, testConfig } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023'); // ICT technician

const FORM = {
  url: 'https://www.example.org/roman-forts',
  siteContent: 'Videos of Roman forts.',
  reasons: 'Year 4 history.',
  risksAndControls: 'Teacher screen only.',
};

type Card = Record<string, unknown>;

async function post(url: string, activity: object): Promise<Card | undefined> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text ? ((JSON.parse(text) as { value?: Card }).value ?? undefined) : undefined;
}

/** New cards (not updates) sent to a person whose text matches. */
function cardsTo(connector: ConnectorStandIn, user: TeamsUser, text: RegExp): SentActivity[] {
  return connector.sent.filter(
    (entry) => entry.conversationId === user.conversationId && entry.kind !== 'update' && text.test(allText(cardOf(entry))),
  );
}

const isNew = (user: TeamsUser, text: RegExp) => (entry: SentActivity) =>
  entry.conversationId === user.conversationId && entry.kind !== 'update' && text.test(allText(cardOf(entry)));

describe('when the app is killed after a step is saved, before everyone is told', () => {
  const connector = new ConnectorStandIn();
  let serviceUrl: string;
  let dataDir: string;
  beforeAll(async () => {
    serviceUrl = await connector.start();
    dataDir = mkdtempSync(join(tmpdir(), 'osd-killed-'));
  });
  afterAll(async () => {
    connector.release();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the next start tells whoever was not told, and nobody twice', async () => {
    const first = await startAppProcess(dataDir);
    for (const user of [alex, megan, adele, isaiah]) await post(first.url, installActivity(user, serviceUrl));
    await post(first.url, messageActivity(alex, serviceUrl, 'request access'));
    const form = cardOf(connector.to(alex.conversationId).at(-1));
    const saved = await post(
      first.url,
      cardActionInvoke(alex, serviceUrl, 'form', 'submitAccessRequest', {
        submissionKey: button(form, /Send/).data.submissionKey,
        ...FORM,
      }),
    );
    const requestId = /request A-(\d+)/.exec(allText(saved!))![1]!;
    await connector.arrived(isNew(megan, /needs your review/));
    await post(first.url, cardActionInvoke(megan, serviceUrl, 'review', 'forwardAccessRequest', { requestId }));
    await connector.arrived(isNew(adele, /needs your decision/));
    await connector.arrived(isNew(alex, /With the headteacher/));

    // The ICT technician's card reaches Teams, but Teams' answer never comes back: the app is killed
    // while it waits, before it has told the requester.
    connector.holding.add(isaiah.conversationId);
    const approved = await post(
      first.url,
      cardActionInvoke(adele, serviceUrl, 'decision', 'approveAccessRequest', { requestId, reasons: 'Curriculum use.' }),
    );
    expect(allText(approved!)).toMatch(/Approved and signed/);
    await connector.arrived(isNew(isaiah, /please open this site/));
    await first.kill();

    // What the killed app left: the technician's card on its way (never sent again), the requester's still to go.
    const stores = createSqliteStores(dataDir);
    const version = (await stores.accessRequests.get(requestId))!.version;
    const approval = (await stores.outbox.find({ where: { run: `step accessRequest ${requestId} v${version}` }, limit: 10 })).items;
    expect(Object.fromEntries(approval.map((entry) => [entry.personName, entry.status]))).toEqual({
      'Isaiah Langer': 'sending',
      'Alex Wilber': 'pending',
    });
    await stores.close();

    const second = await startApp({
      config: testConfig(dataDir),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      clock: new TestClock(),
    });
    try {
      await second.background.idle();
      expect(cardsTo(connector, alex, /Approved — waiting for ICT/)).toHaveLength(1);
      expect(cardsTo(connector, isaiah, /please open this site/)).toHaveLength(1);
      expect(cardsTo(connector, megan, /needs your review/)).toHaveLength(1);
      expect(cardsTo(connector, adele, /needs your decision/)).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('when Teams sends the same activity twice (it had no answer, or a 5xx)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan, adele, isaiah]) await t.install(user);
  });
  afterAll(() => t.stop());

  it('files one request and asks the online safety lead once', async () => {
    const submit = cardActionInvoke(alex, t.serviceUrl, 'form', 'submitAccessRequest', { submissionKey: 'sent-twice', ...FORM });
    const cards = [await t.post(submit), await t.post(submit)].map((answer) => allText((answer.body as { value: Card }).value));
    await t.app.background.idle();
    expect(cards[1]).toMatch(/already sent as request A-\d+/);
    expect(cardsTo(t.connector, megan, new RegExp(FORM.url.replace(/[./]/g, '\\$&')))).toHaveLength(1);
  });

  it('takes a decision once, and tells the ICT technician and the requester once each', async () => {
    const requestId = /request A-(\d+)/.exec(
      allText(await t.click(alex, 'form', 'submitAccessRequest', { submissionKey: 'decided-twice', ...FORM })),
    )![1]!;
    await t.click(megan, 'review', 'forwardAccessRequest', { requestId });
    const approve = cardActionInvoke(adele, t.serviceUrl, 'decision', 'approveAccessRequest', { requestId, reasons: 'Curriculum use.' });
    const answers = [await t.post(approve), await t.post(approve)].map((answer) => allText((answer.body as { value: Card }).value));
    await t.app.background.idle();
    expect(answers[1]).toMatch(/already "Approved — waiting for ICT", so nothing was changed/);
    const about = (entry: SentActivity) => allText(cardOf(entry)).includes(`A-${requestId}`);
    expect(cardsTo(t.connector, isaiah, /please open this site/).filter(about)).toHaveLength(1);
    expect(cardsTo(t.connector, alex, /Approved — waiting for ICT/).filter(about)).toHaveLength(1);
    const decisions = (await t.app.stores.audit.forRecord('accessRequest', requestId)).filter(
      (entry) => entry.action === 'access-request.approve',
    );
    expect(decisions).toHaveLength(1);
  });
});
