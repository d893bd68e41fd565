/**
 * The access-request flow off the happy path, through the real HTTP endpoint: returns and
 * resubmissions, withdrawal, strangers, people the bot cannot reach, older clients, a store that is
 * down, and two clicks at once.
 */
import { StoreUnavailableError } from '../../../bot/src/ports/collection.port';
import { allText, button, buttons, errorUnder } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { submitFallbackActivity, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022');
const stranger = teamsUser('Visiting Supply Teacher', '99999999-0000-0000-0000-000000000000');

const FORM = {
  url: 'https://www.example.org/',
  siteContent: 'Phonics games',
  reasons: 'Reception phonics',
  risksAndControls: 'Adverts: teacher screen only',
  scope: 'staff',
};

async function submit(
  t: TestApp,
  form: Record<string, string> = FORM,
): Promise<{ card: Record<string, unknown>; requestId: string; formMessage: string }> {
  const { card: formCard, activityId } = await t.say(alex, 'request access');
  const key = button(formCard, /Send/).data.submissionKey;
  const card = await t.click(alex, activityId, 'submitAccessRequest', { submissionKey: key, ...form });
  const requestId = /request A-(\d+)/.exec(allText(card))?.[1] ?? '';
  return { card, requestId, formMessage: activityId };
}

describe('with everyone reachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan, adele]) await t.install(user);
  });
  afterAll(() => t.stop());

  it('the lead returns a request with a reason; the requester edits and resubmits it', async () => {
    const { requestId } = await submit(t);
    const noReason = await t.click(megan, 'm', 'returnAccessRequest', { requestId, note: '' });
    expect(errorUnder(noReason, 'note')).toMatch(/Say why/);

    const before = t.connector.sent.length;
    await t.click(megan, 'm', 'returnAccessRequest', { requestId, note: 'Please give the exact page, not the home page.' });
    const toAlex = cardOf(
      t.connector.sent.slice(before).find((entry) => entry.conversationId === alex.conversationId && entry.kind !== 'update'),
    );
    expect(allText(toAlex)).toContain('Please give the exact page, not the home page.');
    expect(buttons(toAlex).map((b) => b.title)).toEqual(['Withdraw request', 'Edit and resubmit']);

    const form = await t.click(alex, 'a', 'editAccessRequest', { requestId });
    expect(JSON.stringify(form)).toContain('"value":"https://www.example.org/"');
    const bad = await t.click(alex, 'a', 'resubmitAccessRequest', { requestId, ...FORM, url: 'example.org/phonics' });
    expect(errorUnder(bad, 'url')).toMatch(/full web address/);

    const again = t.connector.sent.length;
    const done = await t.click(alex, 'a', 'resubmitAccessRequest', { requestId, ...FORM, url: 'https://www.example.org/phonics' });
    expect(allText(done)).toMatch(/Status:\*\* With the online safety lead/);
    const toMegan = t.connector.sent
      .slice(again)
      .filter((entry) => entry.conversationId === megan.conversationId && entry.kind !== 'update');
    expect(allText(cardOf(toMegan[0]))).toContain('https://www.example.org/phonics');
  });

  it("the requester withdraws; the lead's card loses its buttons", async () => {
    const { requestId } = await submit(t);
    const leadCard = t.connector.to(megan.conversationId).at(-1)!;
    expect(buttons(cardOf(leadCard)).length).toBe(2);
    const card = await t.click(alex, 'a', 'withdrawAccessRequest', { requestId });
    expect(allText(card)).toMatch(/Status:\*\* Withdrawn/);
    const updated = t.connector.sent.filter((entry) => entry.kind === 'update' && entry.activityId === leadCard.activityId).at(-1);
    expect(allText(cardOf(updated))).toMatch(/Withdrawn/);
    expect(buttons(cardOf(updated))).toEqual([]);
    const late = await t.click(megan, leadCard.activityId, 'forwardAccessRequest', { requestId });
    expect(allText(late)).toMatch(/already "Withdrawn", so nothing was changed/);
  });

  it('two headteacher clicks at the same moment make one decision', async () => {
    const { requestId } = await submit(t);
    await t.click(megan, 'm', 'forwardAccessRequest', { requestId });
    const [first, second] = await Promise.all([
      t.click(adele, 'h', 'approveAccessRequest', { requestId }),
      t.click(adele, 'h', 'refuseAccessRequest', { requestId, reasons: 'No' }),
    ]);
    const texts = [allText(first), allText(second)];
    expect(texts.filter((text) => /so nothing was changed/.test(text))).toHaveLength(1);
    const decisions = (await t.app.stores.audit.forRecord('accessRequest', requestId)).filter((entry) =>
      /approve$|refuse$/.test(entry.action),
    );
    expect(decisions).toHaveLength(1);
  });

  it("an older client's Action.Submit fallback works too, updating the card it came from", async () => {
    const { requestId } = await submit(t);
    const leadCard = t.connector.to(megan.conversationId).at(-1)!;
    const before = t.connector.sent.length;
    const response = await t.post(
      submitFallbackActivity(megan, t.serviceUrl, leadCard.activityId, { verb: 'forwardAccessRequest', requestId, note: '' }),
    );
    expect(response.status).toBe(200);
    await t.app.background.idle();
    const update = t.connector.sent.slice(before).find((entry) => entry.kind === 'update' && entry.activityId === leadCard.activityId);
    expect(allText(cardOf(update))).toMatch(/Sent to the headteacher/);
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withHeadteacher');
  });

  it('shows typed markdown and card syntax exactly as typed to the reviewer, and keeps it out of the logs', async () => {
    const sneaky = '**URGENT** [approve here](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}}';
    await submit(t, { ...FORM, siteContent: sneaky });
    const review = cardOf(t.connector.to(megan.conversationId).at(-1));
    expect(JSON.stringify(review)).toContain(JSON.stringify({ type: 'TextRun', text: sneaky.replace('{{', '{\u200B{') }));
    expect(JSON.stringify(t.logs)).not.toContain('URGENT');
  });

  it('tells the user plainly when the store is down, keeps what they typed and saves nothing', async () => {
    const insert = jest.spyOn(t.app.stores.together, 'insert').mockRejectedValue(new StoreUnavailableError('disk unavailable'));
    try {
      const { card } = await submit(t, { ...FORM, url: 'https://down.example.org/' });
      expect(allText(card)).toMatch(/was NOT saved/);
      expect(JSON.stringify(card)).toContain('"value":"https://down.example.org/"');
    } finally {
      insert.mockRestore();
    }
    const mine = await t.say(alex, 'my requests');
    expect(allText(mine.card)).not.toContain('down.example.org');
  });

  it.each([
    ['help', /request access/],
    ['<at>Online Safety Desk</at> Help!', /request access/],
    ['hello', /Hello Alex/],
    ['can I borrow a laptop?', /didn't understand.*request access.*my requests.*help/s],
  ])('answers "%s" helpfully', async (typed, expected) => {
    expect(allText((await t.say(alex, typed)).card)).toMatch(expected);
  });

  it('politely tells someone the school has not added who they can ask', async () => {
    expect(allText((await t.say(stranger, 'request access')).card)).toMatch(/I don't know you yet.*the school office \(Lynne Robbins\)/);
    const card = await t.click(stranger, 'x', 'approveAccessRequest', { requestId: '1' });
    expect(allText(card)).toMatch(/I don't know you yet/);
  });
});

describe('when people have not installed the bot, or blocked it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    await t.install(alex);
  });
  afterAll(() => t.stop());

  it('tells the requester who could not be reached; the request stays pending and visible', async () => {
    const before = t.connector.sent.length;
    const { requestId } = await submit(t);
    const told = t.connector.sent
      .slice(before)
      .filter((entry) => entry.conversationId === alex.conversationId && entry.kind !== 'update')
      .map((entry) => allText(cardOf(entry)));
    expect(told.some((text) => /couldn't reach Megan Bowen \(Online safety lead\)/.test(text) && /saved and waiting/.test(text))).toBe(
      true,
    );
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withOnlineSafetyLead');
    expect(allText((await t.say(alex, 'my requests')).card)).toContain(`A-${requestId}`);
  });

  it('treats a person who blocked the bot (403) as unreachable too', async () => {
    await t.install(megan);
    t.connector.blocked.add(megan.conversationId);
    const before = t.connector.sent.length;
    await submit(t);
    const told = t.connector.sent
      .slice(before)
      .filter((entry) => entry.conversationId === alex.conversationId)
      .map((entry) => allText(cardOf(entry)));
    expect(told.some((text) => /couldn't reach Megan Bowen/.test(text))).toBe(true);
  });
});
