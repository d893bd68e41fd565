/**
 * "waiting for me" in the private chat, through the bot's real HTTP endpoint with Teams activity
 * JSON: each person finds what waits for them, newest first with counts, and each item opens its
 * card with the buttons for them. The whole access-request chain is walked from it.
 */
import { cardWeight, CARD_BUDGET } from '../../../bot/src/adapters/teams/cards/fit-card';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { allText, button, buttons, rows } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { messageActivity, teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023'); // ICT technician
const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024'); // DSL, owner of the school account

const FORM = {
  url: 'https://www.example.org/romans/video',
  siteContent: 'Short history videos about Roman Britain.',
  reasons: 'Year 4 history lessons this half term.',
  risksAndControls: 'Comments below videos: played from the teacher screen only.',
};

describe('"waiting for me" in the private chat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan, adele, isaiah, patti]) await t.install(user);
  });
  afterAll(() => t.stop());

  /** Opens a row of the waiting list: the record's card arrives as a new message, and the list comes back. */
  async function open(
    user: TeamsUser,
    reference: string,
  ): Promise<{ card: Record<string, unknown>; activityId: string; list: Record<string, unknown> }> {
    const { card: list, activityId: listMessage } = await t.say(user, 'waiting for me');
    const row = rows(list).find((candidate) => candidate.title === `Open ${reference}`);
    if (!row) throw new Error(`${reference} is not in ${user.name}'s list: ${allText(list)}`);
    const before = t.connector.sent.length;
    const after = await t.click(user, listMessage, row.verb, row.data);
    const sent = t.connector.sent.slice(before).find((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')!;
    return { card: cardOf(sent), activityId: sent.activityId, list: after };
  }

  it('mentions it on the welcome card and in help', async () => {
    expect(allText(cardOf(t.connector.to(alex.conversationId)[0]))).toMatch(/waiting for me/);
    expect(allText((await t.say(isaiah, 'help')).card)).toMatch(/\*\*waiting for me\*\* — everything waiting for you/);
  });

  it('tells someone with nothing waiting so, kindly', async () => {
    const { card } = await t.say(megan, 'Waiting for me?');
    expect(allText(card)).toMatch(/Nothing is waiting for you\. ✓/);
    expect(rows(card)).toEqual([]);
  });

  it('walks a request to open a site from the teacher to the ICT technician, each finding it in "waiting for me"', async () => {
    const { activityId: form } = await t.say(alex, 'request access');
    const saved = allText(await t.click(alex, form, 'submitAccessRequest', { submissionKey: 'waiting-chain', ...FORM }));
    const reference = /request (A-\d+)/.exec(saved)![1]!;
    const id = reference.slice(2);
    // The teacher may withdraw it, but it is not waiting for them.
    expect(allText((await t.say(alex, 'waiting for me')).card)).toMatch(/Nothing is waiting for you/);

    const lead = await open(megan, reference);
    expect(allText(lead.list)).toMatch(/One thing waits for you: 1 blocked website request\./);
    expect(rows(lead.list)[0]!.text).toMatch(
      new RegExp(`${reference}\\*\\* · blocked website request · since [\\s\\S]*example\\.org/romans/video — from Alex Wilber`),
    );
    expect(allText(lead.card)).toContain(`request ${reference}`);
    expect(buttons(lead.card).map((b) => b.title)).toEqual(['Send to the headteacher', 'Return to requester']);
    const forward = button(lead.card, /Send to the headteacher/);
    expect(allText(await t.click(megan, lead.activityId, forward.verb, { ...forward.data, note: 'Fine for lessons.' }))).toMatch(
      /Sent to the headteacher/,
    );
    expect(rows((await t.say(megan, 'waiting for me')).card)).toEqual([]);

    const head = await open(adele, reference);
    // The demo school's request to open Scratch and its request to post wait for the headteacher too; newest first (the Scratch request
    // waited since yesterday).
    expect(allText(head.list)).toMatch(/3 things wait for you: 2 blocked website requests, 1 request to post\./);
    expect(rows(head.list).map((row) => row.title)).toEqual([`Open ${reference}`, 'Open P-1', 'Open A-2']);
    const approve = button(head.card, /Approve/);
    expect(allText(await t.click(adele, head.activityId, approve.verb, { ...approve.data, reasons: 'Curriculum content.' }))).toMatch(
      /Approved and signed/,
    );

    const ict = await open(isaiah, reference);
    const done = button(ict.card, /Done — site opened/);
    expect(allText(await t.click(isaiah, ict.activityId, done.verb, { ...done.data, note: 'Allowed for staff devices.' }))).toMatch(
      /Marked as done/,
    );

    const request = (await t.app.stores.accessRequests.get(id))!;
    expect(request.state).toBe('unblocked');
    expect([request.leadReview!.signature.name, request.decision!.signature.name, request.actioned!.signature.name]).toEqual([
      'Megan Bowen',
      'Adele Vance',
      'Isaiah Langer',
    ]);
    for (const user of [alex, megan, adele, isaiah]) expect(allText((await t.say(user, 'waiting for me')).card)).not.toContain(reference);
  });

  it('opens a takedown task and a training claim with their own buttons', async () => {
    const account = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    const pupil = (await t.app.stores.pupils.find({ where: { className: '4B' }, limit: 1 })).items[0]!;
    const task = await t.app.stores.takedowns.insert({
      postId: '1',
      pupilId: pupil.id,
      media: 'images',
      noticeId: '1',
      ownerId: account.ownerId,
      status: 'to do',
      reason: '',
      updatedAt: t.clock.now().toISOString(),
    });
    const takedown = await open(patti, `T-${task.id}`);
    expect(allText(takedown.card)).toContain(`Take down a post — T-${task.id}`);
    expect(buttons(takedown.card).map((b) => b.title)).toEqual(['Removed ✓', 'Cannot be removed']);

    await t.click(alex, 'training', 'logTraining', { completedOn: '2026-11-20', evidence: 'INSET day' });
    const claim = (await t.app.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 50 })).items.find(
      (record) => record.subjectName === 'Alex Wilber',
    )!;
    const confirm = await open(megan, `TR-${claim.id}`);
    expect(allText(confirm.card)).toMatch(
      /Alex Wilber says they completed online safety training on 20 November 2026[\s\S]*Evidence: INSET day/,
    );
    const yes = button(confirm.card, /^Confirm$/);
    expect(allText(await t.click(megan, confirm.activityId, yes.verb, yes.data))).toMatch(/Training Alex Wilber — confirmed/);
    expect(allText((await t.say(megan, 'waiting for me')).card)).not.toContain(`TR-${claim.id}`);
  });

  it('shows nobody a record they may not act on, whatever the card sends', async () => {
    const claim = await t.app.stores.trainingRecords.insert({
      requirementId: 'staff-online-safety',
      audience: 'staff',
      subjectId: '1',
      subjectName: 'Alex Wilber',
      completedOn: '2026-11-20',
      evidence: 'Certificate at https://training.example/alex',
      recordedById: '1',
      recordedByName: 'Alex Wilber',
      recordedAt: t.clock.now().toISOString(),
      status: 'awaitingConfirmation',
    });
    const before = t.connector.sent.length;
    await t.click(isaiah, 'list', 'openWaitingItem', { recordType: 'trainingRecord', recordId: claim.id });
    const shown = t.connector.sent
      .slice(before)
      .map((entry) => allText(cardOf(entry)))
      .join('\n');
    expect(shown).toMatch(/You cannot confirm this training/);
    expect(shown).not.toContain('training.example');
  });

  it('lists a long list up to what fits in Teams, says how many more and points to the tab', async () => {
    const adeleId = (await t.app.stores.people.find({ where: { aadObjectId: adele.aadObjectId }, limit: 1 })).items[0]!;
    const priya = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Priya Shah')!;
    for (let i = 0; i < 25; i++) {
      const draft = newAccessRequest(
        { ...FORM, url: `https://www.example.org/${'very-long-path/'.repeat(120)}${i}` },
        { personId: priya.id, name: priya.displayName },
        `many-${i}`,
        t.clock.now(),
      );
      await t.app.stores.accessRequests.insert({ ...draft, state: 'withHeadteacher' });
    }
    const { card } = await t.say(adele, 'waiting for me');
    expect(adeleId.roles).toContain('headteacher');
    expect(allText(card)).toMatch(/27 things wait for you: 26 blocked website requests, 1 request to post\./);
    expect(rows(card)).toHaveLength(15);
    expect(allText(card)).toMatch(/…and 12 more\. The \*Waiting for me\* page in the tab lists them all\./);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open Waiting for me in the tab', url: expect.stringMatching(/\/tab\/\?view=waiting$/) },
    ]);
    const weight = cardWeight(card as never);
    expect(weight.utf16Bytes).toBeLessThanOrEqual(CARD_BUDGET.utf16Bytes);
  });

  it('is not answered in a group chat, where everyone would see the list', async () => {
    const before = t.connector.sent.length;
    const shared = messageActivity(adele, t.serviceUrl, 'waiting for me');
    await t.post({
      ...shared,
      conversation: { ...shared.conversation, conversationType: 'groupChat', isGroup: true, id: '19:staffroom@thread.v2' },
    });
    const reply = t.connector.sent.slice(before).find((entry) => entry.conversationId === '19:staffroom@thread.v2');
    expect(allText(cardOf(reply))).toMatch(/Please use your private chat/);
  });
});
