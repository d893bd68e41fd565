/**
 * In a group chat or a team channel everyone there sees the bot's answers: no card, card action,
 * form or reply there shows a pupil's name, consent, a request's details or a concern, and nothing
 * is taken there. The help card carries no buttons; anything that arrives anyway is refused with a
 * pointer to the private chat, and nothing is saved.
 */
import { CARD_ACTIONS } from '../../../bot/src/adapters/teams/features/registry';
import { DEMO_PUPILS } from '../../../bot/src/app/demo-school';
import { allText, buttons } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { cardActionInvoke, installActivity, messageActivity, submitFallbackActivity, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');

const SHARED = [
  { kind: 'group chat', conversation: { conversationType: 'groupChat', isGroup: true, id: '19:meeting_abc@thread.v2' } },
  { kind: 'team channel', conversation: { conversationType: 'channel', isGroup: true, id: '19:general@thread.tacv2;messageid=17' } },
];

/** Data for every verb, enough for each handler to do its work if it were allowed to. */
const DATA: Record<string, unknown> = {
  submissionKey: 'shared-key',
  url: 'https://example.org/games',
  siteContent: 'Maths games',
  reasons: 'Year 3 lessons',
  risksAndControls: 'Adverts: teacher screen only',
  kind: 'post',
  text: 'Sports day!',
  media: 'images',
  classes: '4B',
  pupilIds: '1,2',
  postingDate: '2026-12-01',
  whatHappened: 'A worrying message',
  occurredOn: '2026-11-20',
  where: 'platform',
  involved: 'pupil',
  category: 'cyberbullying',
  requestId: '1',
  taskId: '1',
  recordId: '1',
  recordType: 'accessRequest',
  completedOn: '2026-11-20',
};

const PUPIL_NAMES = new RegExp(DEMO_PUPILS.map((pupil) => pupil.displayName.replace(/[.*+?^${}()|[\]\\']/g, '.')).join('|'));

describe.each(SHARED)('in a $kind', ({ conversation }) => {
  let t: TestApp;
  const counts = async () => ({
    access: (await t.app.stores.accessRequests.find({ limit: 500 })).items.length,
    posting: (await t.app.stores.postingRequests.find({ limit: 500 })).items.length,
    incidents: (await t.app.stores.incidents.find({ limit: 500 })).items.length,
    training: (await t.app.stores.trainingRecords.find({ limit: 500 })).items.length,
  });

  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [alex, megan]) await t.install(user);
  });
  afterAll(() => t.stop());

  const inShared = <T extends { conversation: object }>(activity: T): T => ({
    ...activity,
    conversation: { ...activity.conversation, ...conversation },
  });
  const repliesHere = (since: number) => t.connector.sent.slice(since).filter((entry) => entry.conversationId === conversation.id);

  it('greets the chat with the help card, without buttons that open forms or lists', async () => {
    const before = t.connector.sent.length;
    expect((await t.post(inShared(installActivity(alex, t.serviceUrl)))).status).toBe(200);
    const card = cardOf(repliesHere(before)[0]);
    expect(allText(card)).toMatch(/private chat/);
    expect(buttons(card)).toEqual([]);
  });

  it('answers "help" without buttons that open forms or lists', async () => {
    const before = t.connector.sent.length;
    await t.post(inShared(messageActivity(alex, t.serviceUrl, 'help')));
    const card = cardOf(repliesHere(before)[0]);
    expect(allText(card)).toMatch(/Type one of these/);
    expect(buttons(card)).toEqual([]);
  });

  it.each([...CARD_ACTIONS.keys()])(
    'refuses the card action %s with a pointer to the private chat, showing and saving nothing',
    async (verb) => {
      const before = await counts();
      for (const user of [alex, megan]) {
        const response = await t.post(inShared(cardActionInvoke(user, t.serviceUrl, 'card-in-chat', verb, DATA)));
        expect(response.status).toBe(200);
        const card = JSON.stringify((response.body as { value: unknown }).value);
        expect({ verb, pointer: /private chat/.test(card), inputs: /Input\./.test(card), pupils: PUPIL_NAMES.test(card) }).toEqual({
          verb,
          pointer: true,
          inputs: false,
          pupils: false,
        });
      }
      await t.app.background.idle();
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses a form sent the older way (Action.Submit as a message) too', async () => {
    const before = await counts();
    const sent = t.connector.sent.length;
    await t.post(inShared(submitFallbackActivity(alex, t.serviceUrl, 'card-in-chat', { verb: 'submitAccessRequest', ...DATA })));
    await t.app.background.idle();
    const reply = JSON.stringify(repliesHere(sent).map((entry) => entry.activity));
    expect(reply).toMatch(/private chat/);
    expect(reply).not.toMatch(PUPIL_NAMES);
    expect(await counts()).toEqual(before);
  });
});
