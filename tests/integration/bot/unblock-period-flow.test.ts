/**
 * A time-limited unblock end to end, through the bot's real endpoint with Teams activity JSON and
 * the tab's API: asked for one class with no last day (the end of the term), shortened by the
 * headteacher, opened by the ICT technician; on its last day the daily job asks the ICT technician,
 * once, to block the site again; past it the online safety lead sees it waiting and the register
 * flags it; blocked again, the register says so, and the CSV keeps it (formulas defused).
 * Every card is parsed with `adaptivecards`.
 */
import { cardOf } from '../../fixtures/connector-stand-in';
import { allText, button, buttons, errorUnder, parseWarnings, rows } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023'); // ICT technician

const FORM = {
  url: 'https://www.example.org/roman-forts',
  siteContent: 'Videos of Roman forts.',
  reasons: '=HYPERLINK("https://evil.example") Year 4 history',
  risksAndControls: 'Teacher screen only.',
  scope: 'class',
  scopeClass: '4B',
};

/** The demo school's classes and year groups (bot/src/app/demo-school.ts), as the form must offer them. */
const CLASSES = ['4B', '6A'];
const YEAR_GROUPS = ['Year 4', 'Year 6'];

const choicesOf = (card: Record<string, unknown>, id: string) =>
  (
    JSON.stringify(card)
      .match(new RegExp(`"id":"${id}"[^\\]]*\\]`))?.[0]
      .match(/"value":"([^"]+)"/g) ?? []
  ).map((value) => value.slice(9, -1));

describe.each<StoreKind>(['sqlite', 'sharepoint'])('a time-limited unblock, records in %s', (store) => {
  const clock = new TestClock('2026-11-24T10:00:00Z');
  let t: TestApp;
  let requestId: string;
  beforeAll(async () => {
    t = await new TestApp(store, {}, undefined, clock).start();
    for (const user of [alex, megan, adele, isaiah]) await t.install(user);
  });
  afterAll(() => t.stop());

  const cardsTo = (user: { conversationId: string }, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => cardOf(entry));
  const lastCardTo = (user: { conversationId: string }) => t.connector.to(user.conversationId).at(-1)!.activityId;
  const api = (who: string, path: string) =>
    t.app.stores.people
      .find({ limit: 50 })
      .then(({ items }) =>
        fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': items.find((person) => person.displayName === who)!.id } }),
      );
  const register = async (who: string) =>
    (
      (await (await api(who, '/api/unblocks')).json()) as {
        rows: { id: string; status: string; from: string; to: string; scope: string; approvedBy: string }[];
      }
    ).rows.find((row) => row.id === requestId);
  const runJob = async () => {
    expect((await fetch(`${t.app.url}/api/jobs/unblock-ends`, { method: 'POST' })).status).toBe(202);
    await t.app.background.idle();
  };

  it('offers the period and the classes and year groups of the pupils on roll', async () => {
    const { card } = await t.say(alex, 'request access');
    expect(parseWarnings(card)).toEqual([]);
    expect(choicesOf(card, 'scope')).toEqual(['class', 'yearGroup', 'staff', 'wholeSchool']);
    expect(choicesOf(card, 'scopeClass')).toEqual(CLASSES);
    expect(choicesOf(card, 'scopeYearGroup')).toEqual(YEAR_GROUPS);
    expect(JSON.stringify(card)).toMatch(
      /"type":"Input.Date","id":"periodTo","label":"Last day \(empty: the end of the term; at most a year\)"/,
    );
  });

  it('refuses a period longer than a year, saying so under the field, and saves nothing', async () => {
    const { card: form } = await t.say(alex, 'request access');
    const submissionKey = String(button(form, /Send to the online safety lead/).data.submissionKey);
    const card = await t.click(alex, 'form', 'submitAccessRequest', { submissionKey, ...FORM, periodTo: '2027-12-01' });
    expect(allText(card)).toContain('An unblock can last at most 12 months; ask again when it ends.');
    expect((await t.app.stores.accessRequests.find({ where: { submissionKey }, limit: 1 })).items).toEqual([]);
  });

  it('saves one class with no last day as open until the end of the term', async () => {
    const { card: form } = await t.say(alex, 'request access');
    const submissionKey = String(button(form, /Send to the online safety lead/).data.submissionKey);
    const card = await t.click(alex, 'form', 'submitAccessRequest', { submissionKey, ...FORM });
    requestId = /request A-(\d+)/.exec(allText(card))![1]!;
    expect(allText(card)).toContain('**Open for:** Class 4B');
    expect(allText(card)).toContain('**Period:** 24 November 2026 to 18 December 2026');
  });

  it('the headteacher sees the period and scope, and shortens the period on approving', async () => {
    await t.click(megan, lastCardTo(megan), 'forwardAccessRequest', { requestId });
    const decision = cardOf(t.connector.to(adele.conversationId).at(-1));
    expect(parseWarnings(decision)).toEqual([]);
    expect(allText(decision)).toMatch(/Open for:\*\* Class 4B[\s\S]*Period:\*\* 24 November 2026 to 18 December 2026/);
    expect(JSON.stringify(decision)).toContain('"type":"Input.Date","id":"endDate"');
    // A later last day than asked is refused on its field, not quietly dropped: nothing is decided.
    const later = await t.click(adele, lastCardTo(adele), 'approveAccessRequest', { requestId, endDate: '2027-01-08' });
    expect(errorUnder(later, 'endDate')).toBe('The last day can only be sooner than 18 December 2026; a longer unblock is a new request.');
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withHeadteacher');
    const approved = await t.click(adele, lastCardTo(adele), 'approveAccessRequest', { requestId, endDate: '2026-12-04' });
    expect(allText(approved)).toContain('**Period:** 24 November 2026 to 4 December 2026');
    const done = await t.click(isaiah, lastCardTo(isaiah), 'markAccessRequestDone', { requestId });
    expect(allText(done)).toContain('Site opened');
    expect(await register('Megan Bowen')).toMatchObject({
      status: 'open',
      from: '2026-11-24',
      to: '2026-12-04',
      scope: 'Class 4B',
      approvedBy: 'Adele Vance',
    });
  });

  it('before its last day nobody is asked; on it the ICT technician gets "Block … again", once', async () => {
    clock.set('2026-12-03T07:40:00Z');
    let before = t.connector.sent.length;
    await runJob();
    expect(cardsTo(isaiah, before)).toEqual([]);

    clock.set('2026-12-04T07:40:00Z');
    before = t.connector.sent.length;
    await runJob();
    const [ended] = cardsTo(isaiah, before);
    expect(parseWarnings(ended!)).toEqual([]);
    expect(allText(ended!)).toMatch(
      /Block https:\/\/www\.example\.org\/roman-forts again[\s\S]*request A-\d+ has ended \(open for: Class 4B\)[\s\S]*last day was 4 December 2026/,
    );
    expect(cardsTo(megan, before)).toEqual([]);
    // The next school day's run sends nothing new: the card is kept in the outbox under its last day.
    clock.set('2026-12-07T07:40:00Z');
    before = t.connector.sent.length;
    await runJob();
    expect(cardsTo(isaiah, before)).toEqual([]);
  });

  it('past its last day the online safety lead finds it waiting, and the register flags it', async () => {
    clock.set('2026-12-07T09:00:00Z');
    const { card } = await t.say(megan, 'waiting for me');
    expect(
      rows(card)
        .map((row) => row.text)
        .join('\n'),
    ).toContain(`A-${requestId}`);
    expect(await register('Megan Bowen')).toMatchObject({ status: 'pastEnd' });
    expect((await api('Alex Wilber', '/api/unblocks')).status).toBe(403);
  });

  it('the ICT technician blocks it again from the card: signed, closed, and the requester told', async () => {
    const ended = cardsTo(isaiah, 0).find((card) => allText(card).includes('roman-forts again'))!;
    const open = buttons(ended).find((candidate) => candidate.title === 'Open the request')!;
    await t.click(isaiah, 'ended', open.verb, open.data);
    const request = cardOf(t.connector.to(isaiah.conversationId).at(-1));
    expect(buttons(request).map((candidate) => candidate.title)).toEqual(['Done — blocked again']);
    const before = t.connector.sent.length;
    const card = await t.click(isaiah, lastCardTo(isaiah), 'reblockAccessRequest', { requestId, note: 'Removed from the allow list.' });
    expect(allText(card)).toMatch(/Blocked again — signed in Teams by Isaiah Langer/);
    expect(cardsTo(alex, before).map(allText).join('\n')).toMatch(/Blocked again/);
    expect(await register('Megan Bowen')).toMatchObject({ status: 'reblocked' });
  });

  it('exports the register as CSV, formulas shown rather than run, and audits the export', async () => {
    const response = await api('Adele Vance', '/api/unblocks.csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe(
      '"Request","Website","Reasons for access","Open for","First day","Last day","Approved by","Approved on","Opened on","Blocked again on","Status"',
    );
    expect(csv).toContain(
      `"A-${requestId}","https://www.example.org/roman-forts","'=HYPERLINK(""https://evil.example"") Year 4 history","Class 4B","2026-11-24","2026-12-04","Adele Vance","2026-11-24","2026-11-24","2026-12-07","Blocked again"`,
    );
    const audit = await t.app.stores.audit.forRecord('accessRequest', '-');
    expect(audit.map((entry) => entry.summary)).toContainEqual(
      expect.stringMatching(/^Register of unblocked sites exported \(\d+ rows\)$/),
    );
  });
});
