/**
 * Permission to post on a school account (Social Media Policy s.4, s.5, s.6) end to end, through
 * the bot's real HTTP endpoint with Teams activity JSON. The demo school's consent is the fixture:
 * Freya Jones withdrew image consent in writing; Oliver Bennett has images only.
 */
import { allText, button, buttons, errorUnder, inputIds } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';
import { cardOf } from '../../fixtures/connector-stand-in';
import { jpegPhoto } from '../../fixtures/media-files';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024'); // DSL

type Card = Record<string, unknown>;

/** The choices an input offers, title → value. */
function choices(card: Card, inputId: string): Map<string, string> {
  const found: Map<string, string> = new Map();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Card;
      if (element.id === inputId && Array.isArray(element.choices))
        for (const choice of element.choices as { title: string; value: string }[]) found.set(choice.title, choice.value);
      Object.values(element).forEach(visit);
    }
  };
  visit(card.body);
  return found;
}

describe.each<StoreKind>(['sqlite', 'sharepoint'])('permission to post through Teams (s.4–6), records in %s', (store) => {
  let t: TestApp;
  let form: Card;
  let formMessage: string;
  let submissionKey: string;
  let requestId: string;
  let pupilId: (name: string) => string;
  let accountId: string;
  let deviceId: string;

  beforeAll(async () => {
    t = await new TestApp(store).start();
    for (const user of [alex, megan, adele, patti]) await t.install(user);
  });
  afterAll(() => t.stop());

  const cardsTo = (user: typeof alex, since: number) =>
    t.connector.sent.slice(since).filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update');
  const today = () => t.today;
  /** The requester attaches a photo on the request in the tab (s.4: the headteacher sees what will be posted). */
  async function attachPhoto(id: string): Promise<void> {
    const requester = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Alex Wilber')!;
    const response = await fetch(`${t.app.url}/api/posting-requests/${id}/media`, {
      method: 'POST',
      headers: { 'x-demo-person': requester.id, 'content-type': 'image/jpeg', 'x-file-name': 'sports-day.jpg' },
      body: jpegPhoto(64, 48),
    });
    expect(response.status).toBe(201);
    await t.app.background.idle();
  }

  it('answers "request to post" with the form: registered accounts and classes to pick pupils from', async () => {
    const reply = await t.say(alex, 'request to post');
    form = reply.card;
    formMessage = reply.activityId;
    expect(inputIds(form)).toEqual([
      'kind',
      'accountId',
      'text',
      'media',
      'deviceId',
      'facesBlurred',
      'groupLabel',
      'postingDate',
      'classes',
    ]);
    // s.4: the approved devices in use, never a retired one.
    expect([...choices(form, 'deviceId').keys()]).toEqual(['Class 4B iPad', 'Year 6 camera']);
    deviceId = choices(form, 'deviceId').get('Class 4B iPad')!;
    accountId = choices(form, 'accountId').get('X @RiversidePrimary')!;
    expect(accountId).toBeDefined();
    expect([...choices(form, 'classes').keys()]).toEqual(['4B', '6A']);
    submissionKey = String(button(form, /Run the checks and send/).data.submissionKey);
  });

  it('lists the pupils on roll of the chosen classes, keeping what was typed', async () => {
    form = await t.click(alex, formMessage, 'showPostingPupils', { submissionKey, classes: '4B', text: 'Sports day!', media: 'images' });
    const pupils = choices(form, 'pupilIds');
    expect(pupils.size).toBe(8);
    expect([...pupils.keys()]).toContain('Freya Jones (4B)');
    pupilId = (name) => [...pupils.entries()].find(([title]) => title.startsWith(name))![1];
    expect(JSON.stringify(form)).toContain('Sports day!');
  });

  it('shows each wrong field next to it and saves nothing', async () => {
    const card = await t.click(alex, formMessage, 'submitPostingRequest', {
      submissionKey,
      kind: 'post',
      accountId,
      text: '',
      media: '',
      pupilIds: pupilId('Amelia'),
      postingDate: '2020-01-01',
    });
    expect(errorUnder(card, 'text')).toMatch(/text of the post is required/);
    expect(errorUnder(card, 'media')).toMatch(/images, videos or both/);
    expect(allText(card)).toMatch(/Nothing has been saved/);
    expect((await t.app.stores.postingRequests.find({ where: { submissionKey }, limit: 5 })).items).toHaveLength(0);
  });

  it('saves a request that fails the checks, says exactly what to fix, and does not ask the headteacher', async () => {
    const before = t.connector.sent.length;
    const card = await t.click(alex, formMessage, 'submitPostingRequest', {
      submissionKey,
      kind: 'post',
      accountId,
      text: 'Well done amelia KHAN and everyone! Questions? Call 01632 960123.',
      media: 'images,videos',
      pupilIds: [pupilId('Amelia'), pupilId('Freya'), pupilId('Oliver')].join(','),
      groupLabel: 'sports day',
      facesBlurred: 'false',
      postingDate: today(),
    });
    const shown = allText(card);
    requestId = /request P-(\d+)/.exec(shown)![1]!;
    expect(shown).toMatch(/Status:\*\* Needs your changes/);
    expect(shown).toMatch(/Freya Jones \(4B\): consent was withdrawn for images/);
    expect(shown).toMatch(/Oliver Bennett \(4B\): consent was refused for videos/);
    expect(shown).toMatch(/The text names Amelia Khan/);
    expect(shown).toMatch(/a phone number \("01632 960123"\)/);
    expect(shown).toMatch(/You said the post has images, but none are attached/);
    expect(shown).toMatch(/Say which school device the photos or videos were taken on/);
    expect(buttons(card).map((b) => b.title)).toEqual(['Withdraw request', 'Edit and resubmit']);
    expect(cardsTo(adele, before)).toHaveLength(0);
  });

  it('lets the requester edit and resubmit; once every check passes it goes to the headteacher', async () => {
    const edit = await t.click(alex, formMessage, 'editPostingRequest', { requestId });
    expect(JSON.stringify(edit)).toContain('Well done amelia KHAN');
    expect(choices(edit, 'pupilIds').size).toBe(8); // the class of the pupils already picked
    await attachPhoto(requestId);
    const before = t.connector.sent.length;
    const card = await t.click(alex, formMessage, 'resubmitPostingRequest', {
      requestId,
      kind: 'post',
      accountId,
      text: 'A wonderful sports day for 4B!',
      media: 'images',
      deviceId,
      pupilIds: [pupilId('Amelia'), pupilId('Oliver')].join(','),
      groupLabel: 'sports day',
      facesBlurred: 'true',
      postingDate: today(),
    });
    expect(allText(card)).toMatch(/Every check passed/);
    const toAdele = cardsTo(adele, before);
    expect(toAdele).toHaveLength(1);
    const adeleCard = cardOf(toAdele[0]);
    expect(allText(adeleCard)).toMatch(/needs your decision/);
    expect(allText(adeleCard)).toMatch(/Amelia Khan \(4B\), Oliver Bennett \(4B\)/);
    expect(allText(adeleCard)).toMatch(/Class 4B iPad \(tablet\)/);
    expect(allText(adeleCard)).toMatch(/Faces blurred:\*\* yes \(the requester's own statement/);
    // The photo itself, small, and the way to see it in full in the tab.
    expect(JSON.stringify(adeleCard)).toMatch(/"type":"Image","url":"data:image\/jpeg;base64,/);
    expect(JSON.stringify(adeleCard)).toMatch(new RegExp(`/tab/\\?view=posting&id=${requestId}`));
    expect(buttons(adeleCard).map((b) => b.title)).toEqual(['See the photos and videos in full', 'Approve ✓', 'Refuse X']);
  });

  it('refuses an approval from anyone but the headteacher, and a refusal without reasons', async () => {
    const version = String((await t.app.stores.postingRequests.get(requestId))!.version);
    const byLead = await t.click(megan, 'elsewhere', 'approvePostingRequest', { requestId, version });
    expect(allText(byLead)).toMatch(/You don't have access to request to post P-\d+/);
    const byDsl = await t.click(patti, 'elsewhere', 'approvePostingRequest', { requestId, version });
    expect(allText(byDsl)).toMatch(/Only the headteacher can approve a post/);
    const noReasons = await t.click(adele, 'card-1', 'refusePostingRequest', { requestId, version, reasons: ' ' });
    expect(errorUnder(noReasons, 'reasons')).toMatch(/refusal needs reasons/);
    expect((await t.app.stores.postingRequests.get(requestId))!.state).toBe('withHeadteacher');
  });

  it('records the approval signed by the headteacher and asks the requester to post and confirm', async () => {
    const version = String((await t.app.stores.postingRequests.get(requestId))!.version);
    const before = t.connector.sent.length;
    const card = await t.click(adele, 'card-1', 'approvePostingRequest', { requestId, version });
    expect(allText(card)).toMatch(/Approved and signed/);
    expect(allText(card)).toMatch(/signed in Teams by Adele Vance/);
    const toAlex = cardsTo(alex, before).map(cardOf);
    expect(toAlex.map(allText).join('\n')).toMatch(/Your post was approved/);
    expect(inputIds(toAlex[0]!)).toContain('link');
  });

  it('registers the post with its pupils once the requester confirms it with its link, once only', async () => {
    const version = String((await t.app.stores.postingRequests.get(requestId))!.version);
    const bad = await t.click(alex, 'card-2', 'confirmPosted', { requestId, version, link: 'not a link' });
    expect(errorUnder(bad, 'link')).toMatch(/starting with https/);
    const card = await t.click(alex, 'card-2', 'confirmPosted', {
      requestId,
      version,
      link: 'https://x.example/RiversidePrimary/status/99',
    });
    expect(allText(card)).toMatch(/post is registered with its pupils/);
    const again = await t.click(alex, 'card-2', 'confirmPosted', { requestId, link: 'https://x.example/RiversidePrimary/status/99' });
    expect(allText(again)).toMatch(/already "Posted and registered"/);
    const posts = (await t.app.stores.posts.find({ where: { accountId }, limit: 50 })).items.filter(
      (post) => post.postingRequestId === requestId,
    );
    expect(posts).toEqual([
      expect.objectContaining({
        media: ['images'],
        pupilIds: [pupilId('Amelia'), pupilId('Oliver')],
        link: 'https://x.example/RiversidePrimary/status/99',
        postedOn: today(),
      }),
    ]);
  });

  it('makes a later withdrawal of consent find the post as a takedown task for the account owner (s.4)', async () => {
    const before = t.connector.sent.length;
    const admin = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.roles.includes('admin'))!;
    const response = await fetch(`${t.app.url}/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': admin.id },
      body: JSON.stringify({
        pupilId: pupilId('Oliver'),
        media: 'images',
        decision: 'refused',
        effectiveFrom: today(),
        source: 'written notice',
      }),
    });
    expect(response.status).toBe(201);
    const { takedowns } = (await response.json()) as { takedowns: { id: string; link: string; urgent: boolean }[] };
    // Posted today, withdrawn from today: it went up without consent, so its task is urgent.
    expect(takedowns.map((task) => [task.link, task.urgent])).toContainEqual(['https://x.example/RiversidePrimary/status/99', true]);
    // Patti owns the account (and is the DSL): she is told in Teams, and opens the task from the notice.
    const told = cardsTo(patti, before).map(cardOf);
    expect(told.map(allText).join('\n')).toMatch(/Urgent: a post shows a pupil without consent[\s\S]*Possible data-protection breach/);
    const taskId = takedowns.find((task) => task.link.endsWith('/99'))!.id;
    expect(told.flatMap((card) => buttons(card)).map((b) => b.data.taskId)).toContain(taskId);
    const clicked = t.connector.sent.length;
    await t.click(patti, 'notice', 'openTakedown', { taskId });
    const card =
      cardsTo(patti, clicked)
        .map(cardOf)
        .map(allText)
        .find((text) => /Take down a post/.test(text)) ?? '';
    expect(card).toMatch(/Urgent: this post went up[\s\S]*Consent for images of Oliver Bennett \(4B\) was withdrawn/);
    expect(card).toContain('https://x.example/RiversidePrimary/status/99');
  });

  it('lets the owner close a takedown task, with a reason when it cannot be removed; nobody else', async () => {
    const { card } = await t.say(patti, 'takedowns');
    expect(allText(card)).toMatch(/Posts to take down/);
    const open = buttons(card).length ? buttons(card) : [];
    expect(open).toEqual([]); // rows open on click, no button bar
    const task = (await t.app.stores.takedowns.find({ where: { status: 'to do' }, limit: 50 })).items.find(
      (candidate) => candidate.pupilId === pupilId('Oliver'),
    )!;
    const byStaff = await t.click(alex, 'takedown-card', 'takedownRemoved', { taskId: task.id });
    expect(allText(byStaff)).toMatch(/You don't have access to takedown task/);
    const noReason = await t.click(patti, 'takedown-card', 'takedownCannotRemove', { taskId: task.id, reason: '' });
    expect(allText(noReason)).toMatch(/Say why the post cannot be removed/);
    const closed = await t.click(patti, 'takedown-card', 'takedownCannotRemove', {
      taskId: task.id,
      reason: 'The platform keeps shared copies; the original is deleted.',
    });
    expect(allText(closed)).toMatch(/Status:\*\* cannot be removed/);
    expect(buttons(closed)).toEqual([]);
    expect((await t.app.stores.takedowns.get(task.id))!).toMatchObject({
      status: 'cannot be removed',
      reason: 'The platform keeps shared copies; the original is deleted.',
    });
    const again = await t.click(patti, 'takedown-card', 'takedownRemoved', { taskId: task.id });
    expect(allText(again)).toMatch(/already closed/);
  });

  it('makes the urgent takedown at once when a post is registered after consent was withdrawn since its approval (s.4)', async () => {
    const submit = await t.say(alex, 'request to post');
    const key = String(button(submit.card, /Run the checks and send/).data.submissionKey);
    const saved = await t.click(alex, submit.activityId, 'submitPostingRequest', {
      submissionKey: key,
      kind: 'post',
      accountId,
      text: 'Reading buddies',
      media: 'images',
      deviceId,
      pupilIds: pupilId('Noah'),
      groupLabel: 'reading buddies',
      postingDate: today(),
    });
    const id = /request P-(\d+)/.exec(allText(saved))![1]!;
    await attachPhoto(id);
    await t.click(adele, 'card-4', 'approvePostingRequest', { requestId: id });
    expect((await t.app.stores.postingRequests.get(id))!.state).toBe('approved');
    const admin = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.roles.includes('admin'))!;
    const withdrawal = await fetch(`${t.app.url}/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': admin.id },
      body: JSON.stringify({
        pupilId: pupilId('Noah'),
        media: 'images',
        decision: 'refused',
        effectiveFrom: today(),
        source: 'written notice',
      }),
    });
    expect(((await withdrawal.json()) as { takedowns: unknown[] }).takedowns).toEqual([]);

    const before = t.connector.sent.length;
    await t.click(alex, 'card-5', 'confirmPosted', { requestId: id, link: 'https://x.example/RiversidePrimary/status/120' });
    await t.app.background.idle();
    const tasks = (await t.app.stores.takedowns.find({ limit: 100 })).items.filter((task) => task.pupilId === pupilId('Noah'));
    const post = (await t.app.stores.posts.find({ where: { accountId }, limit: 50 })).items.find(
      (candidate) => candidate.postingRequestId === id,
    )!;
    expect(tasks).toEqual([expect.objectContaining({ postId: post.id, urgent: true, status: 'to do' })]);
    expect(cardsTo(patti, before).map(cardOf).map(allText).join('\n')).toMatch(/Urgent: a post shows a pupil without consent/);
  });

  it('blocks an approval when consent was withdrawn after the request was made, and sends it back', async () => {
    const submit = await t.say(alex, 'request to post');
    const key = String(button(submit.card, /Run the checks and send/).data.submissionKey);
    const saved = await t.click(alex, submit.activityId, 'submitPostingRequest', {
      submissionKey: key,
      kind: 'post',
      accountId,
      text: 'Our class assembly',
      media: 'images',
      deviceId,
      pupilIds: pupilId('Isla'),
      groupLabel: 'class assembly',
      postingDate: today(),
    });
    const id = /request P-(\d+)/.exec(allText(saved))![1]!;
    await attachPhoto(id);
    expect((await t.app.stores.postingRequests.get(id))!.state).toBe('withHeadteacher');
    const admin = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.roles.includes('admin'))!;
    await fetch(`${t.app.url}/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': admin.id },
      body: JSON.stringify({
        pupilId: pupilId('Isla'),
        media: 'images',
        decision: 'refused',
        effectiveFrom: today(),
        source: 'written notice',
      }),
    });
    const before = t.connector.sent.length;
    const card = await t.click(adele, 'card-3', 'approvePostingRequest', { requestId: id });
    expect(allText(card)).toMatch(/Not approved: the checks, run again just now, found problems/);
    expect(allText(card)).toMatch(/Isla Nowak \(4B\): consent was withdrawn for images/);
    expect((await t.app.stores.postingRequests.get(id))!.state).toBe('checksFailed');
    expect(cardsTo(alex, before).map(cardOf).map(allText).join('\n')).toMatch(/found problems: fix them/);
  });

  it('takes a reminder for parents the same way: text only, checked, then to the headteacher', async () => {
    const submit = await t.say(alex, 'reminder for parents');
    const key = String(button(submit.card, /Run the checks and send/).data.submissionKey);
    const before = t.connector.sent.length;
    const card = await t.click(alex, submit.activityId, 'submitPostingRequest', {
      submissionKey: key,
      kind: 'parentReminder',
      accountId,
      text: 'Please return Year 6 trip slips by Friday.',
      media: '',
      pupilIds: '',
      postingDate: today(),
    });
    expect(allText(card)).toMatch(/Reminder for parents P-\d+/);
    expect(allText(card)).toMatch(/Every check passed/);
    expect(cardsTo(adele, before)).toHaveLength(1);
  });

  it('lists the person\'s posting requests under "my requests"', async () => {
    const { card } = await t.say(alex, 'my requests');
    expect(allText(card)).toMatch(/Permission to post/);
    expect(allText(card)).toMatch(/Posted and registered/);
  });
});
