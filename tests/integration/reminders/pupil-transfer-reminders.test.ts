/**
 * The DSL's task for a leaver's safeguarding file through the reminder machinery (the weekday
 * waiting-nudges job, run by its trigger as the scheduler would) on a fixed school week with the
 * app's clock injected: the DSL is told once that a file waits, reminded after 3 working days
 * (KCSIE asks for it within 5), and not again once the transfer is recorded. The notice names no
 * pupil and no concern, in the chat or in the outbox.
 */
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';
import { linkKey } from '../../../bot/src/domain/incidents/incident-people';
import { incident } from '../../contract/incident-contract';

const aad = (n: number) => `00000000-0000-0000-0000-00000000000${n}`;
const patti = teamsUser('Patti Fernandez', aad(24));
const sam = teamsUser('Sam Okafor', '00000000-0000-0000-0000-000000000101');
const adele = teamsUser('Adele Vance', aad(22));
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104');

describe("a leaver's safeguarding file to send on, through the reminder machinery", () => {
  let t: TestApp;
  let now = new Date('2026-11-24T10:00:00Z'); // Tuesday 24 November 2026, in term
  let pupilId = '';
  beforeAll(async () => {
    t = await new TestApp('sqlite', {}, undefined, { now: () => now }).start();
    for (const user of [patti, sam, adele, linda]) await t.install(user);
    const pupil = (await t.app.stores.pupils.find({ where: { className: '4B' }, limit: 1 })).items[0]!;
    pupilId = pupil.id;
    const id = (await t.app.stores.incidents.insert(incident({ whatHappened: 'Unkind messages in a group chat' }))).id;
    await t.app.stores.incidentLinks.insert({
      incidentId: id,
      kind: 'pupil',
      linkKey: linkKey(id, 'pupil', pupil.id),
      pupilId: pupil.id,
      name: pupil.displayName,
      className: pupil.className,
      yearGroup: pupil.yearGroup,
      role: 'affected',
      linked: true,
      updatedAt: now.toISOString(),
    });
    // Left on Monday: marked by an import that stopped before it made the task, so the job makes it.
    await t.app.stores.pupils.update({ ...pupil, onRollTo: '2026-11-23' });
  });
  afterAll(() => t.stop());

  const at = (iso: string) => (now = new Date(iso));
  /** Starts the day's run (202), or finds it done already (200): a second trigger the same day sends nothing again. */
  async function runJob(expected: 200 | 202 = 202): Promise<void> {
    expect((await fetch(`${t.app.url}/api/jobs/waiting-nudges`, { method: 'POST' })).status).toBe(expected);
    await t.app.background.idle();
  }
  const cardsTo = (user: TeamsUser, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => allText(cardOf(entry)));

  it('tells the DSL once that a file waits, with no name, and nobody else', async () => {
    const start = t.connector.sent.length;
    await runJob();
    await runJob(200);
    const told = cardsTo(patti, start).filter((text) => text.includes('safeguarding file'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('A safeguarding file to send on');
    expect(told[0]).toContain('within 5 school days');
    expect(told[0]).not.toContain((await t.app.stores.pupils.get(pupilId))!.displayName);
    expect(told[0]).not.toMatch(/Unkind|group chat/);
    expect(
      [...cardsTo(sam, start), ...cardsTo(adele, start), ...cardsTo(linda, start)].filter((text) => text.includes('safeguarding file')),
    ).toEqual([]);
    expect((await t.app.stores.pupilTransfers.find({ where: { pupilId }, limit: 5 })).items).toHaveLength(1);
  });

  it('reminds the DSL once the file has waited more than 3 working days, not before', async () => {
    let start = t.connector.sent.length;
    at('2026-11-27T10:00:00Z'); // Friday: 3 working days
    await runJob();
    expect(cardsTo(patti, start).filter((text) => text.includes('safeguarding file'))).toEqual([]);
    start = t.connector.sent.length;
    at('2026-11-30T10:00:00Z'); // Monday: 4 working days (the weekend does not count)
    await runJob();
    await runJob(200);
    const reminded = cardsTo(patti, start).filter((text) => text.includes('safeguarding file'));
    expect(reminded).toHaveLength(1);
    expect(reminded[0]).toContain('A safeguarding file is still to send on');
    expect(reminded[0]).toContain('It has waited 4 working days.');
  });

  it('stops reminding once the transfer is recorded', async () => {
    const [task] = (await t.app.stores.pupilTransfers.find({ where: { pupilId }, limit: 1 })).items;
    const response = await fetch(`${t.app.url}/api/incidents/transfers/${pupilId}/sent`, {
      method: 'POST',
      headers: {
        'x-demo-person': (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Patti Fernandez')!
          .id,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        on: '2026-11-30',
        toSchool: 'Oakfield Academy',
        toDsl: 'Jo Baxter',
        how: 'secureEmail',
        version: task!.version,
      }),
    });
    expect(response.status).toBe(200);
    const start = t.connector.sent.length;
    at('2026-12-04T10:00:00Z'); // Friday: 8 working days since, a reminder were it still open
    await runJob();
    expect(cardsTo(patti, start).filter((text) => text.includes('safeguarding file'))).toEqual([]);
  });

  it('keeps no pupil or concern in the outbox', async () => {
    const pupil = (await t.app.stores.pupils.get(pupilId))!;
    const entries = (await t.app.stores.outbox.find({ limit: 500 })).items.filter((entry) =>
      JSON.stringify(entry).includes('safeguarding file'),
    );
    expect(entries.length).toBe(2);
    expect(JSON.stringify(entries)).not.toContain(pupil.displayName);
    expect(JSON.stringify(entries)).not.toMatch(/Unkind|group chat|Oakfield/);
  });
  it('does not tell a headteacher who is also the DSL of a leaver linked only to a concern about them', async () => {
    // A pupil linked to no incident yet, then only to a concern about the headteacher.
    const linked = new Set((await t.app.stores.incidentLinks.find({ limit: 500 })).items.map((one) => one.pupilId));
    const pupil = (await t.app.stores.pupils.find({ limit: 500 })).items.find((one) => !linked.has(one.id) && !one.onRollTo)!;
    const id = (
      await t.app.stores.incidents.insert(
        incident({ involved: 'headteacher', aboutHeadteacher: true, routedTo: 'chairOfGovernors', whatHappened: 'About the head' }),
      )
    ).id;
    await t.app.stores.incidentLinks.insert({
      incidentId: id,
      kind: 'pupil',
      linkKey: linkKey(id, 'pupil', pupil.id),
      pupilId: pupil.id,
      name: pupil.displayName,
      className: pupil.className,
      yearGroup: pupil.yearGroup,
      role: 'witness',
      linked: true,
      updatedAt: now.toISOString(),
    });
    await t.app.stores.pupils.update({ ...pupil, onRollTo: '2026-12-04' });
    // The headteacher also holds the DSL role here.
    const head = (await t.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Adele Vance')!;
    await t.app.stores.people.update({ ...head, roles: [...head.roles, 'dsl'] });
    const start = t.connector.sent.length;
    at('2026-12-07T10:00:00Z'); // Monday
    await runJob();
    const [task] = (await t.app.stores.pupilTransfers.find({ where: { pupilId: pupil.id }, limit: 1 })).items;
    expect(task).toBeDefined();
    // The DSL sees concerns about the headteacher and is told; the headteacher, DSL or not, is not.
    expect(cardsTo(patti, start).filter((text) => text.includes('safeguarding file'))).toHaveLength(1);
    expect(cardsTo(adele, start).filter((text) => text.includes('safeguarding file'))).toEqual([]);
    const entries = (await t.app.stores.outbox.find({ limit: 500 })).items.filter((entry) => entry.reason.includes(`transfer:${task!.id}`));
    expect(entries.map((entry) => entry.personId)).toEqual([expect.not.stringMatching(`^${head.id}$`)]);
  });

  it('tells a deputy, or else the chair of governors (s.8), when the only DSL is the headteacher and the concern is about them', async () => {
    // The leaver of the test above, linked only to a concern about the headteacher: the school's
    // DSL role now held by the headteacher alone, with a deputy.
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    const byName = (name: string) => people.find((person) => person.displayName === name)!;
    const without = (name: string, role: string) =>
      t.app.stores.people.update({ ...byName(name), roles: byName(name).roles.filter((one) => one !== role) });
    await without('Patti Fernandez', 'dsl');
    const task = (await t.app.stores.pupilTransfers.find({ where: { status: 'toSend' }, limit: 5 })).items.find(
      (one) => one.pupilId !== pupilId,
    )!;
    const toldOf = (user: TeamsUser, since: number) =>
      cardsTo(user, since).filter((text) => text.includes('A safeguarding file to send on'));
    let start = t.connector.sent.length;
    at('2026-12-08T10:00:00Z'); // Tuesday
    await runJob();
    expect(toldOf(sam, start)).toHaveLength(1);
    expect([...toldOf(linda, start), ...toldOf(adele, start), ...toldOf(patti, start)]).toEqual([]);

    // No deputy either: the chair of governors, who deals with concerns about the headteacher.
    await without('Sam Okafor', 'deputyDsl');
    start = t.connector.sent.length;
    at('2026-12-09T10:00:00Z'); // Wednesday
    await runJob();
    expect(toldOf(linda, start)).toHaveLength(1);
    expect([...toldOf(adele, start), ...toldOf(sam, start)]).toEqual([]);
    const entries = (await t.app.stores.outbox.find({ limit: 500 })).items.filter((entry) => entry.reason === `transfer:${task.id}`);
    // Patti while she was the DSL, then the deputy, then the chair; never the headteacher.
    expect(entries.map((entry) => entry.personId).sort()).toEqual(
      ['Patti Fernandez', 'Sam Okafor', 'Linda Davis'].map((name) => byName(name).id).sort(),
    );
    expect(JSON.stringify(entries)).not.toContain((await t.app.stores.pupils.get(task.pupilId))!.displayName);

    // And the chair can do it: the leaver listed, the file made, the transfer recorded.
    const as = { 'x-demo-person': byName('Linda Davis').id };
    const list = (await (await fetch(`${t.app.url}/api/incidents/transfers`, { headers: as })).json()) as { rows: { pupilId: string }[] };
    expect(list.rows.map((row) => row.pupilId)).toEqual([task.pupilId]);
    expect((await fetch(`${t.app.url}/api/incidents/transfers/${task.pupilId}/file.pdf`, { headers: as })).status).toBe(200);
    const recorded = await fetch(`${t.app.url}/api/incidents/transfers/${task.pupilId}/sent`, {
      method: 'POST',
      headers: { ...as, 'content-type': 'application/json' },
      body: JSON.stringify({ on: '2026-12-09', toSchool: 'Oakfield Academy', toDsl: 'Jo Baxter', how: 'cpoms', version: task.version }),
    });
    expect(recorded.status).toBe(200);
  });

  it('tells the headteacher-DSL and the chair of a leaver linked to a concern about the headteacher and to another', async () => {
    // The school as the test above left it: the headteacher the only DSL, no deputy.
    const linked = new Set((await t.app.stores.incidentLinks.find({ limit: 500 })).items.map((one) => one.pupilId));
    const pupil = (await t.app.stores.pupils.find({ limit: 500 })).items.find((one) => !linked.has(one.id) && !one.onRollTo)!;
    const ordinary = await t.app.stores.incidents.insert(incident({ whatHappened: 'Ordinary concern' }));
    const aboutHead = await t.app.stores.incidents.insert(
      incident({ involved: 'headteacher', aboutHeadteacher: true, routedTo: 'chairOfGovernors', whatHappened: 'About the head again' }),
    );
    for (const id of [ordinary.id, aboutHead.id])
      await t.app.stores.incidentLinks.insert({
        incidentId: id,
        kind: 'pupil',
        linkKey: linkKey(id, 'pupil', pupil.id),
        pupilId: pupil.id,
        name: pupil.displayName,
        className: pupil.className,
        yearGroup: pupil.yearGroup,
        role: 'witness',
        linked: true,
        updatedAt: now.toISOString(),
      });
    await t.app.stores.pupils.update({ ...pupil, onRollTo: '2026-12-09' });
    const start = t.connector.sent.length;
    at('2026-12-10T10:00:00Z'); // Thursday
    await runJob();
    const toldOf = (user: TeamsUser) => cardsTo(user, start).filter((text) => text.includes('A safeguarding file to send on'));
    // Each sees a part the other may not: the headteacher the ordinary concern, the chair the one about the headteacher.
    expect(toldOf(adele)).toHaveLength(1);
    expect(toldOf(linda)).toHaveLength(1);
    expect([...toldOf(patti), ...toldOf(sam)]).toEqual([]);
  });
});
