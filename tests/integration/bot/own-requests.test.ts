/**
 * Nobody decides a request they made or a record about themselves: the step goes to another holder
 * of the role and, where there is none, to the role the policy puts above (the headteacher for the
 * online safety lead; the chair of governors for the headteacher). The cards say so. Through the
 * real bot endpoint, on the demo school (one online safety lead, one headteacher, one chair).
 */
import { allText, button, buttons } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { cardActionInvoke, teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104'); // chair of governors
const sam = teamsUser('Sam Okafor', '00000000-0000-0000-0000-000000000101'); // a deputy DSL, later a second lead

const FORM = {
  url: 'https://example.org/own',
  siteContent: 'Safeguarding training videos',
  reasons: 'Staff INSET',
  risksAndControls: 'Adverts: staff laptops only',
};

describe('nobody decides their own request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [megan, adele, linda, sam]) await t.install(user);
  });
  afterAll(() => t.stop());

  const cardsTo = (user: TeamsUser, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId && entry.activity.attachments)
      .map((entry) => cardOf(entry));

  async function submitAs(user: TeamsUser, key: string): Promise<string> {
    const done = await t.click(user, 'form', 'submitAccessRequest', { submissionKey: key, ...FORM });
    return /request A-(\d+)/.exec(allText(done))![1]!;
  }

  it("sends the headteacher's own request to the chair of governors, and refuses the headteacher's own approval", async () => {
    const requestId = await submitAs(adele, 'head-own');
    await t.click(megan, `card-${requestId}`, 'forwardAccessRequest', { requestId });
    const before = t.connector.sent.length;
    const own = await t.click(adele, `card-${requestId}`, 'approveAccessRequest', { requestId });
    expect(allText(own)).toMatch(/Nobody decides on their own request[\s\S]*chair of governors/);
    expect((await t.app.stores.accessRequests.get(requestId))!.state).toBe('withHeadteacher');
    expect(buttons(await t.click(adele, `card-${requestId}`, 'refreshAccessRequest', { requestId })).map((b) => b.title)).not.toContain(
      'Approve ✓',
    );
    expect(t.connector.sent.slice(before)).toEqual([]);

    // The chair was asked when the lead sent it on; her card has the decision and says why it is hers.
    const chairCard = await t.click(linda, `card-${requestId}`, 'refreshAccessRequest', { requestId });
    expect(allText(chairCard)).toMatch(/Adele Vance made this request and nobody else is headteacher, so it comes to you/);
    const approved = await t.click(linda, `card-${requestId}`, button(chairCard, /Approve/).verb, { requestId });
    expect(allText(approved)).toMatch(/Approved/);
    const request = (await t.app.stores.accessRequests.get(requestId))!;
    expect([request.state, request.decision?.signature.name]).toEqual(['approved', 'Linda Davis']);
  });

  it("asks the chair, not the headteacher, when the lead sends on the headteacher's request", async () => {
    const requestId = await submitAs(adele, 'head-own-2');
    const before = t.connector.sent.length;
    await t.click(megan, `card-${requestId}`, 'forwardAccessRequest', { requestId });
    expect(cardsTo(linda, before).map(allText)).toEqual([expect.stringMatching(/needs your decision/)]);
    expect(cardsTo(adele, before).map(allText).join('\n')).not.toMatch(/needs your decision/);
  });

  it("sends the online safety lead's own request to the headteacher for review, and says so on her card", async () => {
    const before = t.connector.sent.length;
    const requestId = await submitAs(megan, 'lead-own');
    expect(cardsTo(adele, before).map(allText)).toEqual([expect.stringMatching(/needs your review/)]);
    const hers = await t.click(megan, `card-${requestId}`, 'refreshAccessRequest', { requestId });
    expect(allText(hers)).toMatch(
      /You made this request, so you cannot decide it: another online safety lead does, or the headteacher if there is none/,
    );
    expect(buttons(hers).map((b) => b.verb)).not.toContain('forwardAccessRequest');
    const refused = await t.click(megan, `card-${requestId}`, 'forwardAccessRequest', { requestId });
    expect(allText(refused)).toMatch(/Nobody decides on their own request/);
    await t.click(adele, `card-${requestId}`, 'forwardAccessRequest', { requestId });
    expect((await t.app.stores.accessRequests.get(requestId))!.leadReview?.signature.name).toBe('Adele Vance');
  });

  it('goes to another online safety lead first, when there is one', async () => {
    const person = (await t.app.stores.people.find({ limit: 50 })).items.find((p) => p.displayName === 'Sam Okafor')!;
    await t.app.stores.people.update({ ...person, roles: [...person.roles, 'onlineSafetyLead'] });
    try {
      const before = t.connector.sent.length;
      const requestId = await submitAs(megan, 'lead-own-2');
      expect(cardsTo(sam, before).map(allText)).toEqual([expect.stringMatching(/needs your review/)]);
      expect(cardsTo(adele, before)).toEqual([]);
      const headCard = await t.click(adele, `card-${requestId}`, 'refreshAccessRequest', { requestId });
      expect(buttons(headCard).map((b) => b.verb)).not.toContain('forwardAccessRequest');
    } finally {
      const now = (await t.app.stores.people.get(person.id))!;
      await t.app.stores.people.update({ ...now, roles: now.roles.filter((role) => role !== 'onlineSafetyLead') });
    }
  });

  it("sends the online safety lead's own training to the headteacher to confirm, and refuses her own confirmation", async () => {
    const before = t.connector.sent.length;
    await t.click(megan, 'my-training', 'logTraining', { completedOn: '2026-11-20', evidence: 'INSET certificate' });
    const claim = (await t.app.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 50 })).items.find(
      (r) => r.subjectName === 'Megan Bowen',
    )!;
    expect(cardsTo(megan, before).map(allText).join('\n')).not.toMatch(/Please confirm/);
    const asked = cardsTo(adele, before).map(allText);
    expect(asked).toEqual([expect.stringMatching(/Please confirm[\s\S]*someone else confirms it/)]);
    const response = await t.post(cardActionInvoke(megan, t.serviceUrl, 'm', 'confirmTraining', { recordId: claim.id }));
    expect(JSON.stringify(response.body)).toMatch(/Nobody decides on their own request or record/);
    expect((await t.app.stores.trainingRecords.get(claim.id))!.status).toBe('awaitingConfirmation');
    await t.click(adele, 'm', 'confirmTraining', { recordId: claim.id });
    expect(await t.app.stores.trainingRecords.get(claim.id)).toMatchObject({ status: 'confirmed', confirmedByName: 'Adele Vance' });
  });

  it("keeps the lead's own attendance at a session she records for someone else to confirm", async () => {
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    const [lead, alex] = ['Megan Bowen', 'Alex Wilber'].map((name) => people.find((p) => p.displayName === name)!);
    const before = t.connector.sent.length;
    const response = await fetch(`${t.app.url}/api/training/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': lead!.id },
      body: JSON.stringify({
        requirementId: 'staff-online-safety',
        completedOn: '2026-11-21',
        evidence: 'INSET day',
        subjectIds: [lead!.id, alex!.id],
      }),
    });
    expect(response.status).toBe(201);
    await t.app.background.idle();
    const session = (await t.app.stores.trainingRecords.find({ limit: 500 })).items.filter((r) => r.completedOn === '2026-11-21');
    expect(Object.fromEntries(session.map((r) => [r.subjectName, r.status]))).toEqual({
      'Megan Bowen': 'awaitingConfirmation',
      'Alex Wilber': 'confirmed',
    });
    expect(cardsTo(adele, before).map(allText)).toEqual([expect.stringMatching(/Please confirm[\s\S]*Megan Bowen/)]);
  });

  it("sends the headteacher's own request to post to the chair of governors", async () => {
    const account = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    const before = t.connector.sent.length;
    const saved = await t.click(adele, 'form', 'submitPostingRequest', {
      submissionKey: 'head-post',
      kind: 'parentReminder',
      accountId: account.id,
      text: 'Trip slips back by Friday, please.',
      postingDate: t.today,
    });
    const requestId = /request P-(\d+)/i.exec(allText(saved))![1]!;
    expect(cardsTo(linda, before).map(allText)).toEqual([expect.stringMatching(/needs your decision/)]);
    expect(allText(await t.click(adele, `posting-${requestId}`, 'approvePostingRequest', { requestId }))).toMatch(
      /Nobody decides on their own request/,
    );
    await t.click(linda, `posting-${requestId}`, 'approvePostingRequest', { requestId });
    expect((await t.app.stores.postingRequests.get(requestId))!.decision?.signature.name).toBe('Linda Davis');
  });
});
