/**
 * The policy's smaller permissions end to end, through the bot's real HTTP endpoint with Teams
 * activity JSON: a personal account at school (s.5), pupils on the school WiFi (s.7) and sharing a
 * school account's password (s.5). Each is asked for in the chat, decided by the headteacher,
 * completed by whoever the policy names, listed in "waiting for me", and every card parses.
 */
import { allText, button, buttons, errorUnder, inputIds, parseWarnings, rows } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'); // staff
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021'); // online safety lead
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022'); // headteacher
const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024'); // DSL

type Card = Record<string, unknown>;

/** The value of the choice with this title in the form's input: what Teams sends when it is picked. */
function choice(card: Card, inputId: string, title: string): string {
  const input = (card.body as Card[]).find((element) => element.id === inputId) as
    { choices: { title: string; value: string }[] } | undefined;
  const found = input?.choices.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`${title} is not offered in ${inputId}`);
  return found.value;
}

describe.each<StoreKind>(['sqlite', 'sharepoint'])('the smaller permissions through Teams, records in %s', (store) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await new TestApp(store, {}, undefined, clock).start();
    for (const user of [alex, megan, adele, patti]) await t.install(user);
  });
  afterAll(() => t.stop());

  const cardsTo = (user: TeamsUser, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => cardOf(entry));
  const everyCardSince = (since: number) => t.connector.sent.slice(since).map((entry) => cardOf(entry));

  describe('a personal account on a school device (s.5)', () => {
    let form: { card: Card; activityId: string };
    let requestId: string;

    it('"personal account" opens the form, requester and date filled in', async () => {
      form = await t.say(alex, 'I need my personal account on the school iPad');
      expect(inputIds(form.card)).toEqual(['where', 'device', 'platform', 'purpose', 'lasts', 'startDate', 'endDate']);
      expect(allText(form.card)).toContain('Alex Wilber');
      expect(parseWarnings(form.card)).toEqual([]);
    });

    it('shows each wrong field next to it (a password typed in among them) and saves nothing', async () => {
      const submissionKey = String(button(form.card, /Send to the headteacher/).data.submissionKey);
      const card = await t.click(alex, form.activityId, 'submitStaffPersonalAccount', {
        submissionKey,
        where: 'schoolDevice',
        platform: 'YouTube',
        purpose: 'Log in with password: Kestrel42',
        lasts: 'period',
        startDate: '2026-11-30',
      });
      expect(errorUnder(card, 'device')).toMatch(/Say which school device/);
      expect(errorUnder(card, 'purpose')).toMatch(/Never type a password here/);
      expect(errorUnder(card, 'endDate')).toMatch(/needs an end date/);
      // The password is not sent back in the form either (what else was typed is kept).
      expect(JSON.stringify(card)).not.toContain('Kestrel42');
      expect(JSON.stringify(card)).toContain('YouTube');
      expect(allText(card)).toMatch(/Nothing has been saved/);
    });

    it('saves a valid request and asks the headteacher, nobody else', async () => {
      const before = t.connector.sent.length;
      const submissionKey = String(button(form.card, /Send to the headteacher/).data.submissionKey);
      const card = await t.click(alex, form.activityId, 'submitStaffPersonalAccount', {
        submissionKey,
        where: 'both',
        device: 'iPad 14',
        platform: 'YouTube',
        purpose: 'Showing our class channel in Year 4 computing',
        lasts: 'standing',
      });
      requestId = /request PA-(\d+)/.exec(allText(card))![1]!;
      expect(allText(card)).toMatch(/Status:\*\* With the headteacher/);
      expect(buttons(card).map((b) => b.title)).toEqual(['Withdraw request']);
      const [decision] = cardsTo(adele, before);
      expect(allText(decision!)).toMatch(/Personal account at school PA-\d+[\s\S]*On a school device, on the school WiFi[\s\S]*iPad 14/);
      expect(buttons(decision!).map((b) => b.title)).toEqual(['Approve ✓', 'Refuse X']);
      expect(cardsTo(megan, before)).toEqual([]);
      expect(everyCardSince(before).flatMap(parseWarnings)).toEqual([]);
    });

    it('the requester cannot approve it, and the online safety lead cannot complete it before the decision', async () => {
      expect(allText(await t.click(alex, 'any', 'approveStaffPersonalAccount', { requestId, reasons: 'fine' }))).toMatch(
        /Only the headteacher can approve this request/,
      );
      expect(allText(await t.click(megan, 'any', 'completeStaffPersonalAccount', { requestId }))).toMatch(/already "With the headteacher"/);
    });

    it('the headteacher approves: signed, the online safety lead asked to apply the controls, the requester told', async () => {
      const before = t.connector.sent.length;
      const card = await t.click(adele, 'decision', 'approveStaffPersonalAccount', { requestId, reasons: 'Curriculum use, Year 4.' });
      expect(allText(card)).toMatch(/Approved\?\*\* ✓ Approved[\s\S]*Adele Vance/);
      const [ask] = cardsTo(megan, before);
      expect(allText(ask!)).toMatch(/please apply the network security controls/);
      expect(buttons(ask!).map((b) => b.title)).toEqual(['Controls applied']);
      expect(allText(cardsTo(alex, before)[0]!)).toMatch(/Approved — waiting for the online safety lead/);
    });

    it('the online safety lead records the controls: the requester told, nothing more waits', async () => {
      const before = t.connector.sent.length;
      const card = await t.click(megan, 'ask', 'completeStaffPersonalAccount', {
        requestId,
        note: 'Allowed for her device on the staff SSID only.',
      });
      expect(allText(card)).toMatch(/Status:\*\* Controls applied[\s\S]*Allowed for her device/);
      expect(allText(cardsTo(alex, before)[0]!)).toMatch(/Controls applied/);
      expect(allText((await t.say(megan, 'waiting for me')).card)).not.toContain(`PA-${requestId}`);
    });
  });

  describe('pupils on the school WiFi (s.7)', () => {
    it('a class on roll and a supervising member of staff chosen from the school\'s records; found in "waiting for me" and decided from there', async () => {
      const form = await t.say(alex, 'can my class use padlet on the wifi');
      expect(inputIds(form.card)).toEqual(['className', 'group', 'platform', 'purpose', 'startDate', 'endDate', 'supervisorId']);
      // Governors are not offered as supervisors: the list is the school's staff.
      expect(() => choice(form.card, 'supervisorId', 'Linda Davis')).toThrow();
      const submissionKey = String(button(form.card, /Send to the headteacher/).data.submissionKey);
      const values = {
        submissionKey,
        className: choice(form.card, 'className', '6A'),
        platform: 'Padlet',
        purpose: 'Sharing book reviews with the class',
        startDate: '2026-11-30',
        endDate: '2026-12-18',
        supervisorId: choice(form.card, 'supervisorId', 'Priya Shah'),
      };
      const saved = await t.click(alex, form.activityId, 'submitPupilWifi', values);
      const reference = /request (PW-\d+)/.exec(allText(saved))![1]!;
      expect(allText(saved)).toMatch(/Class 6A[\s\S]*Priya Shah/);

      const { card: list, activityId } = await t.say(adele, 'waiting for me');
      expect(allText(list)).toMatch(/pupil WiFi request/);
      const row = rows(list).find((candidate) => candidate.title === `Open ${reference}`)!;
      await t.click(adele, activityId, row.verb, row.data);
      const opened = cardOf(
        t.connector
          .to(adele.conversationId)
          .filter((entry) => entry.kind !== 'update')
          .at(-1),
      );
      expect(buttons(opened).map((b) => b.title)).toEqual(['Approve ✓', 'Refuse X']);
      const refused = await t.click(adele, 'opened', 'refusePupilWifi', {
        requestId: reference.slice(3),
        reasons: 'Use the class blog instead.',
      });
      expect(allText(refused)).toMatch(/Status:\*\* Refused[\s\S]*Use the class blog instead/);
    });

    it('a class that is not on roll is refused on that field', async () => {
      const form = await t.say(alex, 'pupils wifi');
      const submissionKey = String(button(form.card, /Send to the headteacher/).data.submissionKey);
      const card = await t.click(alex, form.activityId, 'submitPupilWifi', {
        submissionKey,
        className: '9Z',
        platform: 'Padlet',
        purpose: 'x',
        startDate: '2026-11-30',
        endDate: '2026-12-18',
        supervisorId: choice(form.card, 'supervisorId', 'Priya Shah'),
      });
      expect(errorUnder(card, 'className')).toMatch(/class on roll now/);
    });
  });

  describe("sharing a school account's password (s.5)", () => {
    let requestId: string;

    it('the form says in bold that the password is never typed here', async () => {
      const form = await t.say(alex, 'share password');
      expect(allText(form.card)).toMatch(/\*\*Never type the password here, in any field\./);
      expect(inputIds(form.card)).toEqual(['accountId', 'sharedWithId', 'reason', 'until']);
      const submissionKey = String(button(form.card, /Send to the headteacher/).data.submissionKey);
      const before = t.connector.sent.length;
      const card = await t.click(alex, form.activityId, 'submitAccountPassword', {
        submissionKey,
        accountId: choice(form.card, 'accountId', 'X @RiversidePrimary'),
        sharedWithId: choice(form.card, 'sharedWithId', 'Priya Shah'),
        reason: 'Covering the account on the Year 6 trip',
        until: '2026-11-25',
      });
      requestId = /request PS-(\d+)/.exec(allText(card))![1]!;
      expect(allText(cardsTo(adele, before)[0]!)).toMatch(/X @RiversidePrimary[\s\S]*Priya Shah/);
    });

    it('approved: the requester is told, with the button to confirm the password changed', async () => {
      const before = t.connector.sent.length;
      await t.click(adele, 'decision', 'approveAccountPassword', { requestId, reasons: 'For the trip only.' });
      const [told] = cardsTo(alex, before);
      expect(allText(told!)).toMatch(/the password is to be changed when the period ends/);
      expect(buttons(told!).map((b) => b.title)).toEqual(['Password changed']);
      expect(cardsTo(patti, before)).toEqual([]);
    });

    it('reminded to change it on the first working day after the period, not before', async () => {
      const nudge = async () => {
        expect((await fetch(`${t.app.url}/api/jobs/waiting-nudges`, { method: 'POST' })).status).toBe(202);
        await t.app.background.idle();
      };
      const about = (since: number) => cardsTo(alex, since).filter((card) => allText(card).includes(`PS-${requestId}`));
      clock.set('2026-11-25T07:40:00Z');
      let before = t.connector.sent.length;
      await nudge();
      expect(about(before)).toEqual([]);
      clock.set('2026-11-26T07:40:00Z');
      before = t.connector.sent.length;
      await nudge();
      expect(about(before).map(allText)).toEqual([
        expect.stringMatching(
          /Sharing an account password PS-\d+ is waiting for you[\s\S]*X @RiversidePrimary with Priya Shah[\s\S]*change the account's password/,
        ),
      ]);
    });

    it('the requester confirms it changed (a password typed in the note is refused); the headteacher is told', async () => {
      const refused = await t.click(alex, 'told', 'completeAccountPassword', { requestId, note: 'new password is Kestrel43!' });
      expect(errorUnder(refused, 'note')).toMatch(/Never type a password here/);
      const before = t.connector.sent.length;
      const card = await t.click(alex, 'told', 'completeAccountPassword', { requestId, note: 'Changed and saved in the Drive.' });
      expect(allText(card)).toMatch(/Status:\*\* Password changed/);
      expect(allText(cardsTo(adele, before)[0]!)).toMatch(/Password changed/);
    });
  });
});
