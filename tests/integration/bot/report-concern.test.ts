/**
 * Reporting a concern (policy s.8): from the bot's form and from "Report as a concern" on any Teams
 * message, through the real bot endpoint. The person it is routed to is told that a concern needs
 * their attention and nothing else; the reporter gets a reference and nothing more.
 */
import { allText, inputIds } from '../../fixtures/cards';
import { fetchTaskInvoke, messagePayload, submitActionInvoke } from '../../fixtures/message-extension-activities';
import { cardActionInvoke, messageActivity, teamsUser } from '../../fixtures/teams-activities';
import { cardOf } from '../../fixtures/connector-stand-in';
import { TestApp, type StoreKind } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022');
const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024');
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104');
const stranger = teamsUser('Nobody Known', '99999999-0000-0000-0000-000000000001');

const SECRET = 'Year 5 pupil sent a nude selfie to the class group chat';
const FORM = {
  whatHappened: SECRET,
  occurredOn: '2026-11-20',
  where: 'platform',
  platform: 'Snapchat',
  involved: 'pupil',
  category: 'pupilDisclosure',
};

type Json = Record<string, unknown>;
type TaskAnswer = { task: { type: string; value: string | { title: string; card: { contentType: string; content: Json } } } };

describe.each<StoreKind>(['sqlite', 'sharepoint'])('reporting a concern (records in %s)', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp(store).start();
    for (const user of [alex, adele, patti, linda]) await t.install(user);
  });
  afterAll(() => t.stop());

  const sentTo = (user: typeof alex, since: number) =>
    t.connector.sent.slice(since).filter((entry) => entry.conversationId === user.conversationId);

  it('"report a concern" opens the form with every field the issue asks for', async () => {
    const { card } = await t.say(alex, 'report a concern');
    expect(allText(card)).toMatch(/Report a concern/);
    expect(inputIds(card)).toEqual(['whatHappened', 'occurredOn', 'where', 'platform', 'involved', 'category', 'classes']);
  });

  it('saves it, gives the reporter a reference, and tells the DSL only that a concern needs attention', async () => {
    const before = t.connector.sent.length;
    const reply = await t.click(alex, 'form-1', 'reportConcern', { submissionKey: 'concern-1', ...FORM });
    const reference = /saved as (C-\d{5})/.exec(allText(reply))?.[1];
    expect(reference).toBeDefined();
    expect(allText(reply)).toMatch(/gone to the designated safeguarding lead/);
    expect(allText(reply)).not.toContain(SECRET);

    const notices = sentTo(patti, before);
    expect(notices).toHaveLength(1);
    const notice = JSON.stringify(notices[0]!.activity);
    expect(notice).toContain('A new concern needs your attention');
    expect(notice).toMatch(/\/tab\/\?view=incidents/);
    for (const detail of [SECRET, 'Snapchat', 'disclosed', 'Alex', reference!]) expect(notice).not.toContain(detail);
    expect(sentTo(alex, before)).toHaveLength(0);

    const stored = (await t.app.stores.incidents.find({ where: { submissionKey: 'concern-1' }, limit: 1 })).items[0]!;
    expect(stored).toMatchObject({
      routedTo: 'dsl',
      status: 'new',
      reporterName: 'Alex Wilber',
      assigneeName: 'Patti Fernandez',
      whatHappened: SECRET,
    });
    expect((await t.app.stores.incidentChronology.forIncident(stored.id)).map((entry) => entry.kind)).toEqual(['reported']);
  });

  it('takes no concern in a group chat or channel, where the answering card would be shown to everyone', async () => {
    const invoke = cardActionInvoke(alex, t.serviceUrl, 'form-in-channel', 'reportConcern', {
      submissionKey: 'concern-channel',
      ...FORM,
      category: '',
    });
    const response = await t.post({
      ...invoke,
      conversation: { ...invoke.conversation, conversationType: 'channel', isGroup: true, id: '19:abc@thread.skype;messageid=1' },
    });
    const card = (response.body as { value: Json }).value;
    expect(allText(card)).toMatch(/use your private chat[\s\S]*Report as a concern/);
    expect(JSON.stringify(card)).not.toContain(SECRET);
    expect((await t.app.stores.incidents.find({ where: { submissionKey: 'concern-channel' }, limit: 1 })).items).toHaveLength(0);
  });

  it.each(['report a concern', 'request to post', 'consent 4B', 'my requests'])(
    'answers "%s" typed in a channel with a pointer to the private chat, and no form or names',
    async (typed) => {
      const before = t.connector.sent.length;
      const message = messageActivity(alex, t.serviceUrl, typed);
      const channel = { ...message.conversation, conversationType: 'channel', isGroup: true, id: '19:abc@thread.skype;messageid=2' };
      expect((await t.post({ ...message, conversation: channel })).status).toBe(200);
      const reply = t.connector.sent.slice(before).find((entry) => entry.conversationId === channel.id)!;
      const card = cardOf(reply);
      expect(allText(card)).toMatch(/use your private chat/);
      expect(JSON.stringify(card)).not.toMatch(/Input\.|Amelia/);
    },
  );

  it('still answers "help" in a channel', async () => {
    const before = t.connector.sent.length;
    const message = messageActivity(alex, t.serviceUrl, 'help');
    const channel = { ...message.conversation, conversationType: 'channel', isGroup: true, id: '19:abc@thread.skype;messageid=3' };
    await t.post({ ...message, conversation: channel });
    expect(allText(cardOf(t.connector.sent.slice(before).find((entry) => entry.conversationId === channel.id)))).toMatch(
      /Type one of these/,
    );
  });

  it('saves a form sent twice once', async () => {
    const again = await t.click(alex, 'form-1', 'reportConcern', { submissionKey: 'concern-1', ...FORM });
    expect(allText(again)).toMatch(/already sent as C-\d{5}; nothing new was saved/);
    expect((await t.app.stores.incidents.find({ where: { submissionKey: 'concern-1' }, limit: 5 })).items).toHaveLength(1);
  });

  it('keeps what was typed and marks the fields to correct; nothing is saved', async () => {
    const reply = await t.click(alex, 'form-2', 'reportConcern', {
      submissionKey: 'concern-2',
      ...FORM,
      category: '',
      occurredOn: '2099-01-01',
    });
    expect(allText(reply)).toMatch(/Nothing has been saved yet[\s\S]*That date is in the future[\s\S]*Choose a category/);
    expect(JSON.stringify(reply)).toContain(SECRET);
    expect((await t.app.stores.incidents.find({ where: { submissionKey: 'concern-2' }, limit: 5 })).items).toHaveLength(0);
  });

  describe('"Report as a concern" on a Teams message', () => {
    const payload = messagePayload(
      { name: 'Jordan Parent', aadObjectId: 'b130c271-d2eb-45f9-83ab-9eb3fe3788bc' },
      '<div><div>The head is a <b>disgrace</b> &amp; should be sacked<br>everyone share this</div>\n</div>',
    );

    it('opens the form in a dialog, pre-filled with the message text, author and link', async () => {
      const response = await t.post(fetchTaskInvoke(alex, t.serviceUrl, payload));
      expect(response.status).toBe(200);
      const task = (response.body as TaskAnswer).task;
      expect(task.type).toBe('continue');
      const value = task.value as { title: string; card: { contentType: string; content: Json } };
      expect(value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const card = value.card.content;
      const text = JSON.stringify(card);
      expect(text).toContain('The head is a disgrace & should be sacked\\neveryone share this');
      expect(allText(card)).toMatch(/Reported from a Teams message by\nJordan Parent/);
      const action = (card.actions as Json[])[0]!;
      expect(action.type).toBe('Action.Submit');
      expect(action.data).toMatchObject({
        sourceAuthor: 'Jordan Parent',
        sourceLink: payload.linkToMessage,
        submissionKey: expect.any(String),
      });
      expect(text).toContain('"value":"2026-11-22"');
    });

    it('saves it from the dialog, routes a concern about the headteacher to the chair of governors and not the headteacher', async () => {
      const before = t.connector.sent.length;
      const data = {
        submissionKey: 'dialog-1',
        sourceAuthor: 'Jordan Parent',
        sourceLink: payload.linkToMessage,
        whatHappened: 'The head is a disgrace',
        occurredOn: '2026-11-22',
        where: 'platform',
        platform: 'Teams',
        involved: 'headteacher',
        category: 'abuseAboutSchool',
      };
      const response = await t.post(submitActionInvoke(alex, t.serviceUrl, payload, data));
      expect(response.status).toBe(200);
      await t.app.background.idle();
      const value = (response.body as TaskAnswer).task.value as { card: { content: Json } };
      expect(allText(value.card.content)).toMatch(/Your concern is saved as C-\d{5}[\s\S]*gone to the chair of governors/);

      const stored = (await t.app.stores.incidents.find({ where: { submissionKey: 'dialog-1' }, limit: 1 })).items[0]!;
      expect(stored).toMatchObject({
        routedTo: 'chairOfGovernors',
        aboutHeadteacher: true,
        assigneeName: 'Linda Davis',
        sourceMessage: { author: 'Jordan Parent', link: payload.linkToMessage },
      });
      expect(sentTo(linda, before).map((entry) => JSON.stringify(entry.activity))).toEqual([
        expect.stringContaining('A new concern needs your attention'),
      ]);
      expect(sentTo(adele, before)).toHaveLength(0);
    });

    it('keeps a copy of the message as Teams gave it (text, author, time), whatever the form says, and shows it in the record', async () => {
      const forged = {
        submissionKey: 'dialog-copy',
        sourceAuthor: 'Someone else',
        sourceLink: 'https://example.org/x',
        whatHappened: 'A parent was rude about the head (my words)',
        occurredOn: '2026-11-22',
        where: 'platform',
        platform: 'Teams',
        involved: 'parent',
        category: 'abuseAboutSchool',
      };
      expect((await t.post(submitActionInvoke(alex, t.serviceUrl, payload, forged))).status).toBe(200);
      await t.app.background.idle();
      const stored = (await t.app.stores.incidents.find({ where: { submissionKey: 'dialog-copy' }, limit: 1 })).items[0]!;
      const copy = {
        author: 'Jordan Parent',
        link: payload.linkToMessage,
        text: 'The head is a disgrace & should be sacked\neveryone share this',
        sentAt: '2026-11-22T12:52:24.833Z',
      };
      expect(stored.whatHappened).toBe('A parent was rude about the head (my words)');
      expect(stored.sourceMessage).toEqual(copy);
      const dsl = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Patti Fernandez')!;
      const shown = (await (await fetch(`${t.app.url}/api/incidents/${stored.id}`, { headers: { 'x-demo-person': dsl.id } })).json()) as {
        incident: { sourceMessage: unknown };
      };
      expect(shown.incident.sourceMessage).toEqual(copy);
    });

    it('shows the form again with its errors inside the dialog', async () => {
      const response = await t.post(
        submitActionInvoke(alex, t.serviceUrl, payload, { submissionKey: 'dialog-2', whatHappened: 'x', occurredOn: '2026-11-22' }),
      );
      const value = (response.body as TaskAnswer).task.value as { card: { content: Json } };
      expect(allText(value.card.content)).toMatch(/Choose where it happened/);
      expect((await t.app.stores.incidents.find({ where: { submissionKey: 'dialog-2' }, limit: 1 })).items).toHaveLength(0);
    });

    it('tells someone the school has not added that it cannot act for them', async () => {
      const response = await t.post(fetchTaskInvoke(stranger, t.serviceUrl, payload));
      expect((response.body as TaskAnswer).task).toEqual({ type: 'message', value: expect.stringMatching(/I don't know you yet/) });
    });
  });

  it('never writes what happened into the logs', () => {
    expect(JSON.stringify(t.logs)).not.toMatch(/nude|disgrace|Snapchat/);
  });

  it('the card-action and message-action answers are real invoke responses (HTTP 200 within the request)', async () => {
    const response = await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-3', 'newConcern', {}));
    expect(response.status).toBe(200);
    expect(allText((response.body as { value: Json }).value)).toMatch(/Report a concern/);
  });
});

describe.each<StoreKind>(['sqlite', 'sharepoint'])('a concern nobody who may see it can be told of (records in %s)', (store) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await new TestApp(store, {}, undefined, clock).start();
    // A small school: the headteacher is also the DSL, there is no deputy, and the chair has not opened the bot.
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) {
      const roles =
        person.displayName === 'Adele Vance'
          ? [...person.roles, 'dsl' as const]
          : person.roles.filter((role) => role !== 'dsl' && role !== 'deputyDsl');
      await t.app.stores.people.update({ ...person, roles });
    }
    for (const user of [alex, adele, patti]) await t.install(user);
  });
  afterAll(() => t.stop());

  const sentTo = (user: typeof alex, since = 0) =>
    t.connector.sent.slice(since).filter((entry) => entry.conversationId === user.conversationId);

  it('tells the reporter the truth, tells the headteacher nothing, and keeps trying until the chair is told', async () => {
    const before = t.connector.sent.length;
    const reply = await t.click(alex, 'form-1', 'reportConcern', {
      submissionKey: 'about-head',
      ...FORM,
      involved: 'headteacher',
      category: 'staffConduct',
    });
    const reference = /saved as (C-\d{5})/.exec(allText(reply))?.[1];
    expect(reference).toBeDefined();
    expect(allText(reply)).toMatch(/nobody could be told yet/i);
    expect(allText(reply)).not.toMatch(/gone to/);
    expect(sentTo(adele, before)).toEqual([]);
    expect(sentTo(patti, before)).toEqual([]);

    // The Incidents tab shows the chair that nobody has been told.
    const chair = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Linda Davis')!;
    const id = String(Number(reference!.slice(2)));
    const seen = (await (await fetch(`${t.app.url}/api/incidents/${id}`, { headers: { 'x-demo-person': chair.id } })).json()) as {
      incident: { nobodyToldYet: boolean };
    };
    expect(seen.incident.nobodyToldYet).toBe(true);
    const head = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Adele Vance')!;
    expect((await fetch(`${t.app.url}/api/incidents/${id}`, { headers: { 'x-demo-person': head.id } })).status).toBe(404);

    // Runs of the concern-notices job (a quarter of an hour apart, on the app's clock) while the chair is still unreachable tell nobody
    // else.
    const runJobAfter = async (minutes: number) => {
      clock.advance(minutes * 60_000);
      expect((await fetch(`${t.app.url}/api/jobs/concern-notices`, { method: 'POST' })).status).toBe(202);
      await t.app.background.idle();
    };
    await runJobAfter(15);
    expect(sentTo(adele, before)).toEqual([]);

    // The chair opens the bot; the next run tells her, once, and the concern is no longer marked.
    await t.install(linda);
    const installed = t.connector.sent.length;
    await runJobAfter(15);
    expect(sentTo(linda, installed).map((entry) => JSON.stringify(entry.activity))).toEqual([
      expect.stringContaining('A new concern needs your attention'),
    ]);
    expect((await t.app.stores.incidents.get(id))!.nobodyToldYet).toBe(false);
    await runJobAfter(15);
    expect(sentTo(linda, installed)).toHaveLength(1);
    expect(sentTo(adele, before)).toEqual([]);
  });
});
