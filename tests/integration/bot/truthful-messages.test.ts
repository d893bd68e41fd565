/**
 * Messages that tell the truth, to the person reading them: statuses worded for the reader,
 * references that cannot be confused, no "waiting" for what is finished, decisions on training
 * explained, nothing offered that the reader cannot do, nothing typed thrown away, cards that fit in
 * Teams, and a clear 400 for activities Teams would never send. Through the real bot endpoint.
 */
import { fitCard, cardWeight, CARD_BUDGET } from '../../../bot/src/adapters/teams/cards/fit-card';
import { postingRequestCard } from '../../../bot/src/adapters/teams/cards/posting-request-card';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { newPostingRequest } from '../../../bot/src/domain/posting/posting-request';
import { allText, buttons, parseWarnings } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { cardActionInvoke, messageActivity, teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');
const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023');
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104');
const mark = teamsUser('Mark Green', '00000000-0000-0000-0000-000000000105');

const FORM = {
  url: 'https://example.org/truth',
  siteContent: 'Coding games',
  reasons: 'Year 5 computing',
  risksAndControls: 'Adverts: teacher screen only',
};

describe('messages that tell the truth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan, isaiah, linda, mark]) await t.install(user);
  });
  afterAll(() => t.stop());

  const person = async (name: string) => (await t.app.stores.people.find({ limit: 50 })).items.find((p) => p.displayName === name)!;
  const sentTo = (user: TeamsUser, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId)
      .map(cardOf);
  async function submit(user: TeamsUser, key: string): Promise<string> {
    return /request A-(\d+)/.exec(allText(await t.click(user, 'form', 'submitAccessRequest', { submissionKey: key, ...FORM })))![1]!;
  }

  it('words a returned request for its reader: "to you" for the requester only, in cards and in the tab', async () => {
    const id = await submit(alex, 'returned');
    await t.click(megan, `card-${id}`, 'returnAccessRequest', { requestId: id, note: 'Which page exactly?' });
    expect(allText(await t.click(alex, `card-${id}`, 'refreshAccessRequest', { requestId: id }))).toMatch(
      /Status:\*\* Returned to you for changes/,
    );
    const leadsView = allText(await t.click(megan, `card-${id}`, 'refreshAccessRequest', { requestId: id }));
    expect(leadsView).toMatch(/Status:\*\* Returned to the requester for changes/);
    expect(leadsView).not.toMatch(/to you/);
    const list = async (name: string) =>
      (
        (await (await fetch(`${t.app.url}/api/access-requests`, { headers: { 'x-demo-person': (await person(name)).id } })).json()) as {
          items: { id: string; reference: string; stateLabel: string }[];
        }
      ).items.find((item) => item.id === id)!;
    expect(await list('Megan Bowen')).toMatchObject({ reference: `A-${id}`, stateLabel: 'Returned to the requester for changes' });
    expect(await list('Alex Wilber')).toMatchObject({ stateLabel: 'Returned to you for changes' });
  });

  it('names access requests A-… and requests to post P-…, so "request 1" is never ambiguous', async () => {
    const account = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    const posted = allText(
      await t.click(alex, 'form', 'submitPostingRequest', {
        submissionKey: 'numbered',
        kind: 'parentReminder',
        accountId: account.id,
        text: 'Trip slips back by Friday, please.',
        postingDate: t.today,
      }),
    );
    expect(posted).toMatch(/request P-\d+/);
    const mine = allText((await t.say(alex, 'my requests')).card);
    expect(mine).toMatch(/A-\d+/);
    expect(mine).toMatch(/P-\d+/);
    expect(mine).not.toMatch(/#\d+/);
  });

  it('never says "saved and waiting" of a finished request when the requester cannot be told', async () => {
    // Priya has never opened the bot: her request is stored as the form would have stored it.
    const priya = await person('Priya Shah');
    const id = (
      await t.app.stores.accessRequests.insert(
        newAccessRequest(FORM, { personId: priya.id, name: priya.displayName }, 'finished', t.clock.now()),
      )
    ).id;
    await t.click(megan, `card-${id}`, 'forwardAccessRequest', { requestId: id });
    await t.click(teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'), `card-${id}`, 'approveAccessRequest', {
      requestId: id,
    });
    const before = t.connector.sent.length;
    await t.click(isaiah, `card-${id}`, 'markAccessRequestDone', { requestId: id });
    const report = sentTo(isaiah, before).map(allText).join('\n');
    expect(report).toMatch(new RegExp(`Request A-${id} is saved; you may want to tell them yourself`));
    expect(report).not.toMatch(/saved and waiting/);
  });

  it('tells staff when their training is confirmed or not, and why not; a refusal without a reason is sent back', async () => {
    await t.click(alex, 'my-training', 'logTraining', { completedOn: '2026-11-20', evidence: 'Online course' });
    const claim = (await t.app.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 50 })).items.find(
      (r) => r.subjectName === 'Alex Wilber',
    )!;
    const noReason = await t.post(cardActionInvoke(megan, t.serviceUrl, 'claim', 'rejectTraining', { recordId: claim.id, reason: '' }));
    expect(JSON.stringify(noReason.body)).toMatch(/Why it is not confirmed is required/);
    expect((await t.app.stores.trainingRecords.get(claim.id))!.status).toBe('awaitingConfirmation');
    const before = t.connector.sent.length;
    await t.click(megan, 'claim', 'rejectTraining', { recordId: claim.id, reason: 'The certificate link does not open' });
    const told = sentTo(alex, before).map(allText).join('\n');
    expect(told).toMatch(
      /Your online safety training was not confirmed[\s\S]*Megan Bowen did not confirm[\s\S]*Why: The certificate link does not open/,
    );

    // Logged again with a certificate that opens: confirmed, and Alex is told so, with no reason attached.
    await t.click(alex, 'my-training', 'logTraining', { completedOn: '2026-11-20', evidence: 'https://learning.example/certificate/456' });
    const again = (await t.app.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 50 })).items.find(
      (r) => r.subjectName === 'Alex Wilber',
    )!;
    const confirming = t.connector.sent.length;
    await t.click(megan, 'claim', 'confirmTraining', { recordId: again.id });
    expect((await t.app.stores.trainingRecords.get(again.id))!.status).toBe('confirmed');
    const confirmed = sentTo(alex, confirming).map(allText).join('\n');
    expect(confirmed).toMatch(
      /Your online safety training is confirmed[\s\S]*Megan Bowen confirmed the training you did on 20 November 2026/,
    );
    expect(confirmed).not.toMatch(/Why:|not confirmed/);
  });

  it('offers a governor only what a governor can do, and takes their concern', async () => {
    const help = (await t.say(linda, 'help')).card;
    expect(buttons(help)).toEqual([]);
    expect(allText(help)).toMatch(/report a concern/);
    expect(allText(help)).not.toMatch(/request access|request to post|consent 4B/);
    const saved = allText(
      await t.click(linda, 'form', 'reportConcern', {
        submissionKey: 'governor-concern',
        whatHappened: 'A parent posted a photo of a pupil in the school group',
        occurredOn: '2026-11-20',
        where: 'platform',
        involved: 'pupil',
        category: 'abuseAboutSchool',
      }),
    );
    expect(saved).toMatch(/saved as C-\d{5}/);
  });

  it('keeps what someone typed when it is refused, so nothing is lost', async () => {
    const refused = allText(
      await t.click(mark, 'form', 'submitAccessRequest', {
        submissionKey: 'governor-access',
        ...FORM,
        reasons: "Governors' training portal",
      }),
    );
    expect(refused).toMatch(/Only staff can ask/);
    expect(refused).toMatch(
      /Nothing was saved\. Here is what you typed[\s\S]*https:\/\/example\.org\/truth[\s\S]*Governors' training portal/,
    );
  });

  it('shortens a card too big for Teams (long text in a multi-byte script) with a link to the whole record, never sending it broken', async () => {
    const long = (n: number) => '学校の写真と動画の同意。'.repeat(Math.ceil(n / 12)).slice(0, n);
    const alexPerson = await person('Alex Wilber');
    const account = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    // The longest text, sixty pupils with long names (a pupil list has no length limit on names), every check failing: as big as a request
    // to post gets.
    const pupils = Array.from({ length: 60 }, (_, i) => ({ id: String(1000 + i), displayName: `${long(90)} ${i}`, className: '4B' }));
    const checks = pupils.map((pupil) => ({
      check: 'consent' as const,
      message: `${pupil.displayName} (4B): no consent is recorded for images. Remove them from the images.`,
    }));
    const details = {
      kind: 'post' as const,
      accountId: account.id,
      accountLabel: 'X @RiversidePrimary',
      text: long(2000),
      media: ['images' as const],
      pupils,
      groupLabel: long(100),
      facesBlurred: false,
      postingDate: '2026-12-01',
    };
    const stored = await t.app.stores.postingRequests.insert({
      ...newPostingRequest(details, checks, { personId: alexPerson.id, name: alexPerson.displayName }, 'long-post', t.clock.now()),
    });
    expect(cardWeight(postingRequestCard({ request: stored, steps: [], viewerIsRequester: true })).utf8Bytes).toBeGreaterThan(
      CARD_BUDGET.utf8Bytes,
    );

    const card = await t.click(alex, `posting-${stored.id}`, 'refreshPostingRequest', { requestId: stored.id });
    const weight = cardWeight(card as never);
    expect(weight.utf8Bytes).toBeLessThanOrEqual(CARD_BUDGET.utf8Bytes);
    expect(weight.utf16Bytes).toBeLessThanOrEqual(CARD_BUDGET.utf16Bytes);
    expect(allText(card)).toMatch(/shortened here to fit in Teams/);
    expect(JSON.stringify(card)).toMatch(new RegExp(`Open P-${stored.id} in the tab[\\s\\S]*\\/tab\\/\\?view=posting&id=${stored.id}`));
    expect(buttons(card).map((b) => b.verb)).toEqual(expect.arrayContaining(['editPostingRequest', 'withdrawPostingRequest']));
    expect(parseWarnings(card)).toEqual([]);
    // A card that fits is left alone.
    const small = { type: 'AdaptiveCard', $schema: '', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello' }] } as const;
    expect(fitCard({ ...small, body: [...small.body] })).toEqual({ ...small, body: [...small.body] });
  });

  it.each([
    ['a number where Teams sends text', (body: Record<string, unknown>) => ({ ...body, text: 42 })],
    ['a sender id that is not text', (body: Record<string, unknown>) => ({ ...body, from: { id: 7 } })],
    [
      'an invoke whose value is not an object',
      (body: Record<string, unknown>) => ({ ...body, type: 'invoke', name: 'adaptiveCard/action', value: 'approve' }),
    ],
    ['an invoke with no name', (body: Record<string, unknown>) => ({ ...body, type: 'invoke', value: {} })],
    ['a value that is a list', (body: Record<string, unknown>) => ({ ...body, value: ['x'] })],
  ])('answers an activity with %s with a clear 400, never a 500 or an empty 501', async (_case, malformed) => {
    const response = await t.post(malformed(messageActivity(alex, t.serviceUrl, 'help') as unknown as Record<string, unknown>));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/not a Bot Framework activity \(/);
  });
});
