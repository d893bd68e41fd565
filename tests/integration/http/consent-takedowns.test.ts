/**
 * A withdrawal reaches every post that shows the pupil (s.4), through the real HTTP API on the demo
 * school: whatever the post's date, once per post, pupil and medium, and repaired after a run that
 * stopped part-way. A post made after consent stopped is urgent, the DSL is told, it is audited
 * as a possible data-protection breach, and a breach concern is opened in the incident log for the
 * data protection lead and the headteacher, with the pupil linked as affected.
 */
import { localDate } from '../../../bot/src/domain/calendar/zoned-time';
import type { Media } from '../../../bot/src/domain/consent/consent';
import { StoreUnavailableError } from '../../../bot/src/ports/collection.port';
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

const patti = teamsUser('Patti Fernandez', '00000000-0000-0000-0000-0000000000024'); // DSL, owns the school account

describe.each<StoreKind>(['sqlite', 'sharepoint'])('takedowns after a withdrawal (records in %s)', (store) => {
  let t: TestApp;
  let adminId = '';
  let accountId = '';
  const pupil: Record<string, string> = {};

  beforeAll(async () => {
    t = await new TestApp(store).start();
    await t.install(patti);
    adminId = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.roles.includes('admin'))!.id;
    accountId = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!.id;
    for (const item of (await t.app.stores.pupils.find({ limit: 100 })).items) pupil[item.displayName] = item.id;
  });
  afterAll(() => t.stop());

  const post = (names: string[], media: Media[], postedOn: string, n: number) =>
    t.app.stores.posts.insert({
      accountId,
      postedOn,
      media,
      pupilIds: names.map((name) => pupil[name]!),
      link: `https://x.example/RiversidePrimary/status/${n}`,
    });
  const withdraw = (name: string, media: Media, effectiveFrom: string) =>
    fetch(`${t.app.url}/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': adminId },
      body: JSON.stringify({ pupilId: pupil[name], media, decision: 'refused', effectiveFrom, source: 'written notice' }),
    });
  const tasksFor = async (name: string) =>
    (await t.app.stores.takedowns.find({ limit: 1000 })).items.filter((task) => task.pupilId === pupil[name]);
  const daysAgo = (days: number) => localDate(new Date(t.clock.now().getTime() - days * 86_400_000));
  const sentToPatti = (since: number) => t.connector.sent.slice(since).filter((entry) => entry.conversationId === patti.conversationId);

  it('makes an urgent task for a post registered this morning when the withdrawal, received yesterday, is recorded today; the DSL is told and it is audited', async () => {
    const before = t.connector.sent.length;
    const morning = await post(['Leo Murphy', 'Ava Patel'], ['images'], t.today, 101);
    const older = await post(['Leo Murphy'], ['images'], '2026-01-20', 102);
    const response = await withdraw('Leo Murphy', 'images', daysAgo(1));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { takedowns: { link: string; urgent: boolean }[] };
    expect(body.takedowns.map((task) => [task.link, task.urgent])).toEqual([
      [morning.link, true],
      [older.link, false],
    ]);
    const told = sentToPatti(before).map(cardOf).map(allText).join('\n');
    expect(told).toMatch(/Urgent: a post shows a pupil without consent/);
    expect(told).toMatch(/Possible data-protection breach/);
    expect(told).not.toMatch(/Leo Murphy/);
    const urgent = (await tasksFor('Leo Murphy')).find((task) => task.postId === morning.id)!;
    expect((await t.app.stores.audit.forRecord('takedown', urgent.id)).map((entry) => entry.action)).toEqual(['takedown.possible-breach']);

    const breach = (await t.app.stores.incidents.find({ where: { submissionKey: `takedown-breach:${urgent.id}` }, limit: 5 })).items;
    expect(breach).toEqual([
      expect.objectContaining({
        category: 'dataProtectionBreach',
        routedTo: 'dataProtectionLead',
        assigneeName: 'Lynne Robbins',
        reporterName: 'Online Safety Desk',
        where: 'schoolAccount',
        status: 'new',
      }),
    ]);
    expect(breach[0]!.whatHappened).not.toMatch(/Leo/);
    expect(
      (await t.app.stores.incidentLinks.find({ where: { incidentId: breach[0]!.id }, limit: 5 })).items.map((link) => [
        link.name,
        link.role,
      ]),
    ).toEqual([['Leo Murphy', 'affected']]);
    // Through the outbox: the data protection lead and the headteacher have not opened the app here, so the DSL and deputy are told
    // instead.
    const notices = (await t.app.stores.outbox.find({ limit: 500 })).items.filter((entry) => entry.reason === `concern:${breach[0]!.id}`);
    expect(notices.map((entry) => [entry.personName, entry.status]).sort()).toEqual([
      ['Adele Vance', 'notInstalled'],
      ['Lynne Robbins', 'notInstalled'],
      ['Patti Fernandez', 'sent'],
      ['Sam Okafor', 'notInstalled'],
    ]);
  });

  it('makes nothing new when the same withdrawal is recorded twice, and never reopens a task already closed', async () => {
    const [first] = await tasksFor('Leo Murphy');
    await t.app.stores.takedowns.update({ ...first!, status: 'removed', updatedAt: t.clock.now().toISOString() });
    const before = t.connector.sent.length;
    const tasks = (await tasksFor('Leo Murphy')).map((task) => [task.id, task.status]);
    expect((await withdraw('Leo Murphy', 'images', daysAgo(1))).status).toBe(201);
    expect((await tasksFor('Leo Murphy')).map((task) => [task.id, task.status])).toEqual(tasks);
    expect(sentToPatti(before)).toEqual([]);
    expect(
      (await t.app.stores.incidents.find({ where: { category: 'dataProtectionBreach' }, limit: 50 })).items.filter((incident) =>
        incident.submissionKey.startsWith('takedown-breach:'),
      ),
    ).toHaveLength(1);
  });

  it('repairs a withdrawal saved while some of its tasks failed to save: the daily job makes the rest, exactly once', async () => {
    await post(['Mia Thompson'], ['videos'], '2026-02-01', 103);
    await post(['Mia Thompson', 'Harry Evans'], ['videos'], '2026-04-01', 104);
    await post(['Mia Thompson'], ['videos'], '2026-05-01', 105);
    const insert = t.app.stores.takedowns.insert.bind(t.app.stores.takedowns);
    let calls = 0;
    const failing = jest.spyOn(t.app.stores.takedowns, 'insert').mockImplementation(async (task) => {
      if (++calls === 2) throw new StoreUnavailableError('The records could not be reached.');
      return insert(task);
    });
    const response = await withdraw('Mia Thompson', 'videos', daysAgo(0));
    failing.mockRestore();
    expect(response.status).toBe(201);
    expect(((await response.json()) as { takedownsPending: boolean }).takedownsPending).toBe(true);
    expect(await tasksFor('Mia Thompson')).toHaveLength(1);

    // The day's run makes the rest; a second trigger the same day finds the slot done and runs nothing.
    for (const status of [202, 200]) {
      expect((await fetch(`${t.app.url}/api/jobs/takedowns`, { method: 'POST' })).status).toBe(status);
      await t.app.background.idle();
    }
    const tasks = await tasksFor('Mia Thompson');
    expect(tasks.map((task) => task.postId).sort()).toHaveLength(3);
    expect(new Set(tasks.map((task) => task.postId)).size).toBe(3);
  });
});
