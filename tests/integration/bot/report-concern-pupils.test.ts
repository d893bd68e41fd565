/**
 * Naming pupils in a concern (policy s.8), through the real bot endpoint: the form's pupil picker
 * goes class by class as the posting form's does, in the chat and in the message action's dialog;
 * the pupils named are linked to the concern with their part "not yet confirmed", for the DSL to
 * confirm. The reporter's answer names nobody. A possibly illegal act by a pupil also goes to the
 * DSL (s.8), who alone records the decision on the police.
 */
import { allText, button, inputIds } from '../../fixtures/cards';
import { messagePayload, submitActionInvoke } from '../../fixtures/message-extension-activities';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const adele = teamsUser('Adele Vance', '00000000-0000-0000-0000-0000000000022');
const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024');

type Json = Record<string, unknown>;
const FORM = {
  whatHappened: 'Pupils shared a video of a fight',
  occurredOn: '2026-11-20',
  where: 'platform',
  platform: 'Snapchat',
  involved: 'pupil',
  category: 'cyberbullying',
};
/** The choices of a card's input, as "title=value". */
const choicesOf = (card: Json, id: string) => JSON.stringify(card).match(new RegExp(`"id":"${id}"[^\\]]*\\]`))?.[0] ?? '';

describe.each<StoreKind>(['sqlite', 'sharepoint'])('pupils named in a concern (records in %s)', (store) => {
  let t: TestApp;
  let pupils: Map<string, string>;
  let people: Map<string, string>;
  beforeAll(async () => {
    t = await new TestApp(store).start();
    for (const user of [alex, adele, patti]) await t.install(user);
    pupils = new Map((await t.app.stores.pupils.find({ limit: 100 })).items.map((pupil) => [pupil.displayName, pupil.id]));
    people = new Map((await t.app.stores.people.find({ limit: 100 })).items.map((person) => [person.displayName, person.id]));
  });
  afterAll(() => t.stop());

  const api = (as: string, path: string, body?: object) =>
    fetch(`${t.app.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-demo-person': people.get(as)! },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('offers the classes, then the pupils of the chosen class, keeping what was typed', async () => {
    const { card } = await t.say(alex, 'report a concern');
    expect(inputIds(card)).toContain('classes');
    expect(choicesOf(card, 'classes')).toMatch(/4B[\s\S]*6A/);
    expect(inputIds(card)).not.toContain('pupilIds');
    const show = button(card, /Show pupils/);
    const shown = await t.click(alex, 'form-1', show.verb, { ...show.data, ...FORM, classes: '4B' });
    expect(choicesOf(shown, 'pupilIds')).toMatch(/Amelia Khan \(4B\)[\s\S]*Zain Ahmed \(4B\)/);
    expect(choicesOf(shown, 'pupilIds')).not.toContain('6A');
    expect(JSON.stringify(shown)).toContain(FORM.whatHappened);
    expect((await t.app.stores.incidents.find({ where: { submissionKey: String(show.data.submissionKey) }, limit: 1 })).items).toHaveLength(
      0,
    );
  });

  it('links the pupils named, their part not yet confirmed, and names none of them to the reporter', async () => {
    const named = [pupils.get('Amelia Khan')!, pupils.get('Oliver Bennett')!];
    const reply = await t.click(alex, 'form-2', 'reportConcern', {
      submissionKey: 'named-1',
      ...FORM,
      classes: '4B',
      pupilIds: named.join(','),
    });
    expect(allText(reply)).toMatch(/saved as C-\d{5}/);
    expect(JSON.stringify(reply)).not.toMatch(/Amelia|Oliver/);
    const incident = (await t.app.stores.incidents.find({ where: { submissionKey: 'named-1' }, limit: 1 })).items[0]!;
    const detail = (await (await api('Patti Fernandez', `/api/incidents/${incident.id}`)).json()) as {
      links: { name: string; roleLabel: string; id: string }[];
      chronology: { text: string }[];
    };
    expect(detail.links.map((link) => [link.name, link.roleLabel])).toEqual([
      ['Amelia Khan', 'named by the reporter, part not yet confirmed'],
      ['Oliver Bennett', 'named by the reporter, part not yet confirmed'],
    ]);
    expect(detail.chronology[0]!.text).toMatch(
      /Pupils named by the reporter, their part to be confirmed: Amelia Khan \(4B\), Oliver Bennett \(4B\)/,
    );

    // The DSL confirms each part: a chronology entry, and the part shown from then on.
    const version = ((await (await api('Patti Fernandez', `/api/incidents/${incident.id}`)).json()) as { incident: { version: number } })
      .incident.version;
    expect(
      (
        await api('Patti Fernandez', `/api/incidents/${incident.id}/steps`, {
          type: 'linkRole',
          linkId: detail.links[0]!.id,
          role: 'affected',
          version,
        })
      ).status,
    ).toBe(201);
    const after = (await (await api('Patti Fernandez', `/api/incidents/${incident.id}`)).json()) as typeof detail;
    expect(after.links.map((link) => link.roleLabel)).toEqual(['affected', 'named by the reporter, part not yet confirmed']);
    expect(after.chronology.map((entry) => entry.text)).toContain('Confirmed Amelia Khan (pupil, 4B), named by the reporter, as affected');
  });

  it('keeps the form, with an error under the pupils, when a pupil named is not on the roster', async () => {
    const reply = await t.click(alex, 'form-3', 'reportConcern', { submissionKey: 'named-2', ...FORM, pupilIds: '999999' });
    expect(allText(reply)).toMatch(/no longer on the roster: choose the pupils again/);
    expect((await t.app.stores.incidents.find({ where: { submissionKey: 'named-2' }, limit: 1 })).items).toHaveLength(0);
  });

  it('in the message action\'s dialog, "Show pupils" brings the same dialog back with the pupils, and nothing is saved', async () => {
    const payload = messagePayload(
      { name: 'Jordan Parent', aadObjectId: 'b130c271-d2eb-45f9-83ab-9eb3fe3788bc' },
      '<p>look at this fight video</p>',
    );
    const response = await t.post(
      submitActionInvoke(alex, t.serviceUrl, payload, {
        submissionKey: 'dialog-pupils',
        showPupils: 'yes',
        ...FORM,
        sourceAuthor: 'Jordan Parent',
        sourceLink: payload.linkToMessage,
        classes: '6A',
      }),
    );
    const card = (response.body as { task: { value: { card: { content: Json } } } }).task.value.card.content;
    expect(choicesOf(card, 'pupilIds')).toMatch(/Mia Thompson \(6A\)/);
    expect(allText(card)).toMatch(/Reported from a Teams message by\nJordan Parent/);
    expect((await t.app.stores.incidents.find({ where: { submissionKey: 'dialog-pupils' }, limit: 1 })).items).toHaveLength(0);
  });

  it('tells the DSL as well as the headteacher of a possibly illegal act by a pupil, and only the DSL records the decision on the police (s.8)', async () => {
    const before = t.connector.sent.length;
    const reply = await t.click(alex, 'form-4', 'reportConcern', { submissionKey: 'illegal-1', ...FORM, category: 'illegalActivity' });
    expect(allText(reply)).toMatch(/gone to the headteacher/);
    for (const user of [adele, patti]) {
      expect(
        t.connector.sent
          .slice(before)
          .filter((entry) => entry.conversationId === user.conversationId)
          .map((entry) => JSON.stringify(entry.activity)),
      ).toEqual([expect.stringContaining('A new concern needs your attention')]);
    }
    const incident = (await t.app.stores.incidents.find({ where: { submissionKey: 'illegal-1' }, limit: 1 })).items[0]!;
    const byHead = await api('Adele Vance', `/api/incidents/${incident.id}/steps`, {
      type: 'police',
      contacted: true,
      reason: 'Images of a fight',
    });
    expect(byHead.status).toBe(422);
    expect(((await byHead.json()) as { error: string }).error).toMatch(/The DSL decides whether to involve the police/);
    expect(
      (
        await api('Patti Fernandez', `/api/incidents/${incident.id}/steps`, {
          type: 'police',
          contacted: false,
          reason: 'Inadvertent: the pupils did not know sharing it was an offence',
        })
      ).status,
    ).toBe(201);
    const detail = (await (await api('Patti Fernandez', `/api/incidents/${incident.id}`)).json()) as {
      incident: { police: Json };
      chronology: { text: string }[];
    };
    expect(detail.incident.police).toMatchObject({
      contacted: false,
      decidedBy: 'Patti Fernandez',
      decidedAs: 'dsl',
      decidedAsLabel: 'Designated safeguarding lead',
      recordedAt: expect.any(String),
    });
    expect(detail.chronology.map((entry) => entry.text)).toContain(
      'Police not contacted (decided by Patti Fernandez as Designated safeguarding lead): Inadvertent: the pupils did not know sharing it was an offence',
    );
  });
});
