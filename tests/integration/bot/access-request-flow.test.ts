/**
 * The blocked-content access request (Social Media Policy s.9 and Appendix A) end to end, through
 * the bot's real HTTP endpoint with Teams activity JSON, and what the bot sent to the Bot Connector.
 */
import { cardOf } from '../../fixtures/connector-stand-in';
import { allText, button, buttons, errorUnder, inputIds } from '../../fixtures/cards';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023'); // ICT technician

const FORM = {
  url: 'https://www.example.org/romans/video',
  siteContent: 'Short history videos about Roman Britain.',
  reasons: 'Year 4 history lessons this half term.',
  risksAndControls: 'Comments below videos: played from the teacher screen only.',
};

describe.each<StoreKind>(['sqlite', 'sharepoint'])(
  'blocked-content access request through Teams (s.9, Appendix A), records in %s',
  (store) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await new TestApp(store).start();
      for (const user of [alex, megan, adele, isaiah]) await t.install(user);
    });
    afterAll(() => t.stop());

    let formMessage: string;
    let submissionKey: string;
    let requestId: string;

    const newMessagesTo = (user: typeof alex, since: number) =>
      t.connector.sent.slice(since).filter((entry) => entry.conversationId === user.conversationId);
    // Proactive messages arrive as 'send' or 'reply' (botbuilder replies to its continuation activity).
    const newCardsTo = (user: typeof alex, since: number) => newMessagesTo(user, since).filter((entry) => entry.kind !== 'update');

    it('welcomes each person on install with what the bot can do', () => {
      const welcome = cardOf(t.connector.to(alex.conversationId)[0]);
      expect(allText(welcome)).toMatch(/Hello Alex/);
      expect(allText(welcome)).toMatch(/request access/);
    });

    it('answers "request access" with the Appendix A form, requester and date filled in', async () => {
      const { card, activityId } = await t.say(alex, 'request access');
      formMessage = activityId;
      expect(inputIds(card)).toEqual(['url', 'siteContent', 'reasons', 'risksAndControls']);
      expect(allText(card)).toContain('Alex Wilber');
      const send = button(card, /Send to the online safety lead/);
      submissionKey = String(send.data.submissionKey);
      expect(submissionKey).toMatch(/[0-9a-f-]{36}/);
    });

    it('shows each wrong field next to it and saves nothing', async () => {
      const card = await t.click(alex, formMessage, 'submitAccessRequest', {
        submissionKey,
        ...FORM,
        url: 'javascript:alert(1)',
        siteContent: '   ',
      });
      expect(errorUnder(card, 'url')).toMatch(/full web address/);
      expect(errorUnder(card, 'siteContent')).toMatch(/required/);
      expect(errorUnder(card, 'reasons')).toBeUndefined();
      expect(allText(card)).toMatch(/Nothing has been saved/);
      const mine = await t.say(alex, 'my requests');
      expect(allText(mine.card)).not.toContain('example.org/romans');
    });

    it('saves a valid request, shows its status and asks the online safety lead to review it', async () => {
      const before = t.connector.sent.length;
      const card = await t.click(alex, formMessage, 'submitAccessRequest', { submissionKey, ...FORM });
      expect(allText(card)).toMatch(/Status:\*\* With the online safety lead/);
      requestId = /request A-(\d+)/.exec(allText(card))![1]!;
      expect(buttons(card).map((b) => b.title)).toEqual(['Withdraw request']);

      const toMegan = newCardsTo(megan, before);
      expect(toMegan).toHaveLength(1);
      const review = cardOf(toMegan[0]);
      expect(allText(review)).toContain(FORM.url);
      expect(buttons(review).map((b) => b.title)).toEqual(['Send to the headteacher', 'Return to requester']);
      expect((review.refresh as { userIds: string[] }).userIds).toEqual([megan.teamsId]);
      expect(newMessagesTo(adele, before)).toHaveLength(0);
    });

    it('files one request when the form is sent twice', async () => {
      const card = await t.click(alex, formMessage, 'submitAccessRequest', { submissionKey, ...FORM });
      expect(allText(card)).toMatch(new RegExp(`already sent as request A-${requestId}`));
      const mine = await t.say(alex, 'my requests');
      expect(allText(mine.card).match(/example\.org\/romans/g)).toHaveLength(1);
    });

    it('refuses a step from someone who does not hold the role, and changes nothing', async () => {
      const card = await t.click(alex, formMessage, 'approveAccessRequest', { requestId, reasons: 'I approve myself' });
      expect(allText(card)).toMatch(/Only the headteacher can approve/);
      expect(allText(card)).toMatch(/With the online safety lead/);
      const early = await t.click(adele, 'any', 'approveAccessRequest', { requestId });
      expect(allText(early)).toMatch(/already "With the online safety lead"/);
    });

    it('the lead forwards it: the headteacher is asked to decide, the requester told, old cards updated', async () => {
      const before = t.connector.sent.length;
      const reviewMessage = t.connector.to(megan.conversationId).at(-1)!.activityId;
      const card = await t.click(megan, reviewMessage, 'forwardAccessRequest', {
        requestId,
        note: 'Low risk.',
        addedRisksAndControls: 'Mute autoplay.',
      });
      expect(allText(card)).toMatch(/Sent to the headteacher/);
      expect(buttons(card)).toEqual([]);

      const decision = cardOf(newCardsTo(adele, before)[0]);
      expect(buttons(decision).map((b) => b.title)).toEqual(['Approve ✓', 'Refuse X']);
      expect(allText(decision)).toContain('Mute autoplay.');
      expect(allText(cardOf(newMessagesTo(alex, before).find((entry) => entry.kind !== 'update')))).toMatch(/With the headteacher/);
      const updatedForm = newMessagesTo(alex, before).find((entry) => entry.kind === 'update' && entry.activityId === formMessage);
      expect(allText(cardOf(updatedForm))).toMatch(/Status:\*\* With the headteacher/);
    });

    it('a refusal without reasons is refused, with the error next to the reasons field', async () => {
      const card = await t.click(adele, 'decision', 'refuseAccessRequest', { requestId, reasons: '  ' });
      expect(errorUnder(card, 'reasons')).toMatch(/refusal needs reasons/);
      expect(allText(card)).toMatch(/With the headteacher/);
    });

    it('the headteacher approves: the decision is signed, ICT is asked to act, the requester told', async () => {
      const before = t.connector.sent.length;
      const card = await t.click(adele, 'decision', 'approveAccessRequest', { requestId, reasons: 'Curriculum use.' });
      const shown = allText(card);
      expect(shown).toMatch(/Approved\?\*\* ✓ Approved/);
      expect(shown).toMatch(/signed in Teams by Adele Vance on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
      expect(buttons(card)).toEqual([]);
      const toIct = cardOf(newMessagesTo(isaiah, before).find((entry) => entry.kind !== 'update'));
      expect(buttons(toIct).map((b) => b.title)).toEqual(['Done — site opened']);
      expect(allText(cardOf(newMessagesTo(alex, before).find((entry) => entry.kind !== 'update')))).toMatch(/Approved — waiting for ICT/);
    });

    it('a second click on a decided request changes nothing and says so', async () => {
      const card = await t.click(adele, 'decision', 'refuseAccessRequest', { requestId, reasons: 'Changed my mind' });
      expect(allText(card)).toMatch(/already "Approved — waiting for ICT", so nothing was changed/);
      const audit = await t.app.stores.audit.forRecord('accessRequest', requestId);
      expect(audit.map((entry) => entry.action)).toEqual([
        'access-request.submitted',
        'access-request.approve.denied',
        'access-request.forward',
        'access-request.approve',
      ]);
      const approval = audit.find((entry) => entry.action === 'access-request.approve')!;
      expect(approval.actorName).toBe('Adele Vance');
    });

    it('ICT marks it done and the requester is told the site is open', async () => {
      const before = t.connector.sent.length;
      const card = await t.click(isaiah, 'ict', 'markAccessRequestDone', { requestId, note: 'Allowed on the filter.' });
      expect(allText(card)).toMatch(/Site opened/);
      expect(allText(cardOf(newMessagesTo(alex, before).find((entry) => entry.kind !== 'update')))).toMatch(/Site opened/);
      const stored = await t.app.stores.accessRequests.get(requestId);
      expect(stored!.decision!.signature).toMatchObject({ name: 'Adele Vance', aadObjectId: adele.aadObjectId });
      expect(stored!.actioned!.signature.name).toBe('Isaiah Langer');
    });

    it('a refresh shows each person their own view; the finished request is read-only for all', async () => {
      for (const user of [alex, megan, adele, isaiah]) {
        const card = await t.click(user, 'any', 'refreshAccessRequest', { requestId });
        expect(allText(card)).toMatch(/Status:\*\* Site opened/);
        expect(buttons(card)).toEqual([]);
      }
    });

    it('"my requests" lists the requester\'s requests with their states', async () => {
      const { card } = await t.say(alex, 'my requests');
      expect(allText(card)).toMatch(new RegExp(`A-${requestId}\\*\\* · Site opened`));
    });
  },
);
