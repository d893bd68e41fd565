/**
 * Asking staff to read a new policy version, through the running app and the reminder machinery,
 * on a fixed school day: a card when it is published, a reminder a week later to those who have
 * not signed (not to those who have), a new starter asked when they join, nobody twice.
 */
import { cardOf } from '../../fixtures/connector-stand-in';
import { allText } from '../../fixtures/cards';
import { pdfDocument } from '../../fixtures/media-files';
import { teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';
import { TestClock } from '../../fixtures/test-clock';

const aad = (n: number) => `00000000-0000-0000-0000-00000000000${20 + n}`;
const alex = teamsUser('Alex Wilber', aad(0));
const megan = teamsUser('Megan Bowen', aad(1));
const linda = teamsUser('Linda Davis', 'd0000000-0000-0000-0000-000000000004');
const newStarter = teamsUser('Nia Jones', 'e0000000-0000-0000-0000-000000000001');

describe('asking staff to read a new policy version (reminder jobs on a fixed school day)', () => {
  const clock = new TestClock();
  let t: TestApp;
  let versionId: string;
  const who = new Map<string, string>();
  beforeAll(async () => {
    t = await new TestApp('sqlite', {}, undefined, clock).start();
    for (const user of [alex, megan, linda]) await t.install(user);
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
  });
  afterAll(() => t.stop());

  const titlesTo = (user: TeamsUser, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => allText(cardOf(entry)));

  it('sends each member of staff a card to open it when it is published, with the change summary; not the governors, for a version for staff', async () => {
    const before = t.connector.sent.length;
    const policyId = (await t.app.stores.policies.find({ limit: 50 })).items.find((policy) => policy.title === 'Social Media Policy')!.id;
    const details = { number: '3', approvedOn: '2026-11-20', changes: 'Photos only on approved school devices.', mustRead: 'staff' };
    const response = await fetch(`${t.app.url}/api/policy-library/${policyId}/versions`, {
      method: 'POST',
      headers: {
        'x-demo-person': who.get('Adele Vance')!,
        'x-file-name': 'policy.pdf',
        'x-version-details': encodeURIComponent(JSON.stringify(details)),
      },
      body: pdfDocument(),
    });
    expect(response.status).toBe(201);
    versionId = ((await response.json()) as { version: { id: string } }).version.id;
    await t.app.background.idle();
    for (const user of [alex, megan]) {
      const cards = titlesTo(user, before);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('Please read the Social Media Policy (version 3)');
      expect(cards[0]).toContain('Photos only on approved school devices.');
    }
    expect(titlesTo(linda, before)).toEqual([]);
  });

  it('takes "I have read and understood it" on the card; reminds, a week later, only those who have not signed it; and not again that week', async () => {
    // Megan signs on the card itself.
    const toMegan = t.connector.sent
      .filter(
        (entry) =>
          entry.conversationId === megan.conversationId &&
          entry.kind !== 'update' &&
          allText(cardOf(entry)).includes('Please read the Social Media Policy'),
      )
      .at(-1)!;
    expect(JSON.stringify(cardOf(toMegan))).toContain('/tab/?view=policies');
    const signed = await t.click(megan, toMegan.activityId, 'readPolicyVersion', { versionId });
    expect(allText(signed)).toContain('Thank you: you have read and understood it.');
    expect((await t.app.stores.policyReads.find({ where: { versionId }, limit: 5 })).items.map((entry) => entry.personName)).toEqual([
      'Megan Bowen',
    ]);
    clock.set('2026-11-30T10:00:00Z');
    let before = t.connector.sent.length;
    expect(await t.triggerJob('policy-reads')).toBe(202);
    expect(titlesTo(alex, before)).toEqual([]);
    clock.set('2026-12-01T10:00:00Z');
    before = t.connector.sent.length;
    expect(await t.triggerJob('policy-reads')).toBe(202);
    expect(titlesTo(alex, before).map((text) => text.includes('Reminder: please read the Social Media Policy (version 3)'))).toEqual([
      true,
    ]);
    expect(titlesTo(megan, before)).toEqual([]);
    clock.set('2026-12-02T10:00:00Z');
    before = t.connector.sent.length;
    expect(await t.triggerJob('policy-reads')).toBe(202);
    expect(titlesTo(alex, before)).toEqual([]);
  });

  it('asks a new starter to read the version in force when they join (induction), once', async () => {
    await t.app.stores.people.insert({
      displayName: 'Nia Jones',
      aadObjectId: newStarter.aadObjectId,
      roles: ['staff'],
      startedOn: '2026-12-03',
    });
    await t.install(newStarter);
    clock.set('2026-12-03T10:00:00Z');
    const before = t.connector.sent.length;
    expect(await t.triggerJob('policy-reads')).toBe(202);
    expect(titlesTo(newStarter, before).map((text) => text.includes('Please read the Social Media Policy (version 3)'))).toEqual([true]);
    expect(titlesTo(alex, before)).toEqual([]);
    clock.set('2026-12-04T10:00:00Z');
    const next = t.connector.sent.length;
    expect(await t.triggerJob('policy-reads')).toBe(202);
    expect(titlesTo(newStarter, next)).toEqual([]);
  });
});
