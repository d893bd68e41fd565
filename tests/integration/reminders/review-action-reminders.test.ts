/**
 * The actions agreed at the filtering and monitoring review as tracked tasks, through the running
 * app, its reminder job and the Bot Connector stand-in, from the fixed school day (Tuesday 24
 * November 2026): the assignee is told when the review is recorded, reminded on the due day and
 * when overdue (once a week), never after it is done, and no notice says what the action is.
 */
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023');
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');

describe('reminders of the actions agreed at the filtering review', () => {
  const clock = new TestClock();
  const t = new TestApp('sqlite', {}, () => undefined, clock);
  const who = new Map<string, string>();
  beforeAll(async () => {
    await t.start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    for (const user of [isaiah, megan]) await t.install(user);
  });
  afterAll(() => t.stop());

  const cardsFor = (user: { conversationId: string }, from: number) =>
    t.connector.sent
      .slice(from)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => allText(cardOf(entry)));
  const runJob = async () => {
    const before = t.connector.sent.length;
    expect((await fetch(`${t.app.url}/api/jobs/waiting-nudges`, { method: 'POST' })).status).toBe(202);
    await t.app.background.idle();
    return before;
  };

  it('tells each assignee when the review is recorded, with the reference and due date but not what the action says', async () => {
    const before = t.connector.sent.length;
    const response = await fetch(`${t.app.url}/api/filtering-review/record`, {
      method: 'POST',
      headers: { 'x-demo-person': who.get('Mark Green')!, 'content-type': 'application/json' },
      body: JSON.stringify({
        year: '2026-27',
        reviewedOn: '2026-11-24',
        seniorLeaderId: who.get('Adele Vance'),
        governorId: who.get('Mark Green'),
        outcome: 'Leo Murphy reached a proxy site: proxies now blocked.',
        actions: [
          { description: 'Block proxies for Leo Murphy on the guest Wi-Fi', assigneeId: who.get('Isaiah Langer'), due: '2026-11-24' },
          { description: 'Brief staff on reporting', assigneeId: who.get('Megan Bowen'), due: '2026-12-04' },
        ],
      }),
    });
    expect(response.status).toBe(201);
    await t.app.background.idle();
    const told = cardsFor(isaiah, before);
    expect(told).toEqual([
      expect.stringMatching(/An action from the filtering and monitoring review is yours[\s\S]*FR-\d+[\s\S]*due by 24 November 2026/),
    ]);
    expect(cardsFor(megan, before)).toEqual([expect.stringContaining('due by 4 December 2026')]);
    for (const text of [...told, ...cardsFor(megan, before)]) expect(text).not.toMatch(/Leo|Murphy|proxies|Brief staff/);
  });

  it('reminds the assignee on the due day, and not one whose action is due later', async () => {
    const before = await runJob();
    expect(cardsFor(isaiah, before)).toEqual([expect.stringContaining('An action from the filtering and monitoring review is due today')]);
    expect(cardsFor(megan, before)).toEqual([]);
  });

  it('reminds them the day after, not again within the week (each reminder once), then a week later, and never once it is done', async () => {
    clock.set('2026-11-25T08:00:00Z');
    expect(cardsFor(isaiah, await runJob())).toEqual([expect.stringContaining('is overdue')]);
    clock.set('2026-11-30T08:00:00Z');
    expect(cardsFor(isaiah, await runJob())).toEqual([]);
    clock.set('2026-12-02T08:00:00Z');
    expect(cardsFor(isaiah, await runJob())).toEqual([expect.stringContaining('is overdue')]);
    const task = (await t.app.stores.reviewActions.find({ where: { assigneeId: who.get('Isaiah Langer')! }, limit: 1 })).items[0]!;
    const done = await fetch(`${t.app.url}/api/review-actions/${task.id}/steps`, {
      method: 'POST',
      headers: { 'x-demo-person': who.get('Isaiah Langer')!, 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'done', note: 'Blocked and tested.', version: task.version }),
    });
    expect(done.status).toBe(200);
    clock.set('2026-12-09T08:00:00Z');
    expect(cardsFor(isaiah, await runJob())).toEqual([]);
  });
});
