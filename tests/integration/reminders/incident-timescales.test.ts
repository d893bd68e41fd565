/**
 * The incident log's timescales through the reminder machinery (the incident-timescales job, run by
 * its trigger as the scheduler would every quarter of an hour) on a fixed school week, with the
 * app's clock injected: a concern nobody opens goes to the deputy DSLs after 4 working hours and to
 * the headteacher after 8 (the chair of governors for a concern about the headteacher, s.8);
 * follow-ups are reminded when due and when overdue; a breach's 72-hour clock at 24, 48 and 66
 * hours. Every notice goes through the outbox, once, and says nothing of what the concern is.
 */
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser, type TeamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const aad = (n: number) => `00000000-0000-0000-0000-00000000000${n}`;
const alex = teamsUser('Alex Wilber', aad(20));
const adele = teamsUser('Adele Vance', aad(22));
const patti = teamsUser('Patti Fernandez', aad(24));
const lynne = teamsUser('Lynne Robbins', aad(25));
const sam = teamsUser('Sam Okafor', '00000000-0000-0000-0000-000000000101');
const linda = teamsUser('Linda Davis', '00000000-0000-0000-0000-000000000104');

const SECRET = 'A pupil is being threatened in a gaming chat';
const FORM = {
  whatHappened: SECRET,
  occurredOn: '2026-11-23',
  where: 'platform',
  platform: 'Roblox',
  involved: 'pupil',
  category: 'cyberbullying',
};

describe('timescales in the incident log, on a fixed school week', () => {
  let t: TestApp;
  let now = new Date('2026-11-24T09:00:00Z'); // Tuesday, in term, 09:00 (GMT)
  const people = new Map<string, string>();
  beforeAll(async () => {
    t = await new TestApp('sqlite', {}, undefined, { now: () => now }).start();
    for (const user of [alex, adele, patti, lynne, sam, linda]) await t.install(user);
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) people.set(person.displayName, person.id);
    // The demo school's own concerns are closed, so that only this test's are on the clock.
    for (const incident of (await t.app.stores.incidents.find({ limit: 50 })).items)
      await t.app.stores.incidents.update({ ...incident, status: 'closed' });
  });
  afterAll(() => t.stop());

  const at = (iso: string) => (now = new Date(iso));
  async function runJob(): Promise<void> {
    expect((await fetch(`${t.app.url}/api/jobs/incident-timescales`, { method: 'POST' })).status).toBe(202);
    await t.app.background.idle();
  }
  const cardsTo = (user: TeamsUser, since: number) =>
    t.connector.sent
      .slice(since)
      .filter((entry) => entry.conversationId === user.conversationId && entry.kind !== 'update')
      .map((entry) => allText(cardOf(entry)));
  async function report(key: string, form: object = FORM): Promise<string> {
    const reply = await t.click(alex, `form-${key}`, 'reportConcern', { submissionKey: key, ...form });
    expect(allText(reply)).toMatch(/saved as C-\d{5}/);
    return (await t.app.stores.incidents.find({ where: { submissionKey: key }, limit: 1 })).items[0]!.id;
  }
  const open = (id: string, as: string) => fetch(`${t.app.url}/api/incidents/${id}`, { headers: { 'x-demo-person': people.get(as)! } });

  it('escalates a concern nobody opens to the deputy DSLs after 4 working hours, then the headteacher after 8, each once', async () => {
    at('2026-11-24T09:00:00Z');
    const id = await report('unopened');
    const start = t.connector.sent.length;
    at('2026-11-24T12:59:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toEqual([]);

    at('2026-11-24T13:00:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toEqual([expect.stringContaining('A concern has not been opened yet')]);
    expect(cardsTo(adele, start)).toEqual([]);
    at('2026-11-24T13:15:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toHaveLength(1);

    at('2026-11-24T17:00:00Z'); // 8 working hours: 09:00 to 17:00
    await runJob();
    expect(cardsTo(adele, start)).toEqual([expect.stringContaining('more than 8 working hours ago has not been opened')]);
    expect(cardsTo(sam, start)).toHaveLength(1);
    for (const text of [...cardsTo(sam, start), ...cardsTo(adele, start)])
      for (const detail of [SECRET, 'Roblox', 'bullying', 'Alex', 'C-0']) expect(text).not.toContain(detail);

    const lines = (await t.app.stores.incidentChronology.forIncident(id))
      .filter((entry) => entry.kind === 'escalated')
      .map((entry) => entry.text);
    expect(lines).toEqual([
      'Not opened within 4 working hours: escalated to the deputy DSL (Sam Okafor)',
      'Not opened within 8 working hours: escalated to the headteacher (Adele Vance)',
    ]);
    // The log shows it as past its timescales, until someone opens it.
    const late = (await (
      await fetch(`${t.app.url}/api/incidents?late=1`, { headers: { 'x-demo-person': people.get('Patti Fernandez')! } })
    ).json()) as { items: { id: string; late: string[] }[] };
    expect(late.items.find((item) => item.id === id)?.late).toEqual(['Not opened within 4 working hours']);
    await open(id, 'Patti Fernandez');
    const after = (await (
      await fetch(`${t.app.url}/api/incidents?late=1`, { headers: { 'x-demo-person': people.get('Patti Fernandez')! } })
    ).json()) as { items: { id: string }[] };
    expect(after.items.map((item) => item.id)).not.toContain(id);
  });

  it('counts working hours only: a concern reported late on Friday is escalated on Monday morning', async () => {
    at('2026-11-27T16:00:00Z');
    const id = await report('friday');
    const start = t.connector.sent.length;
    at('2026-11-28T12:00:00Z'); // Saturday
    await runJob();
    at('2026-11-30T10:59:00Z'); // Monday: 1 hour on Friday, 2 hours 59 minutes on Monday
    await runJob();
    expect(cardsTo(sam, start)).toEqual([]);
    at('2026-11-30T11:00:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toEqual([expect.stringContaining('A concern has not been opened yet')]);
    await open(id, 'Sam Okafor');
  });

  it('sends a concern about the headteacher to the chair of governors at the second escalation, never to the headteacher', async () => {
    at('2026-12-01T09:00:00Z');
    const id = await report('about-head', { ...FORM, involved: 'headteacher', category: 'staffConduct' });
    const start = t.connector.sent.length;
    at('2026-12-01T17:00:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toEqual([expect.stringContaining('A concern has not been opened yet')]);
    expect(cardsTo(linda, start)).toEqual([expect.stringContaining('more than 8 working hours ago has not been opened')]);
    expect(cardsTo(adele, start)).toEqual([]);
    await open(id, 'Linda Davis');
  });

  it('does not escalate a concern someone who may see it opened in time', async () => {
    at('2026-12-02T09:00:00Z');
    const id = await report('opened');
    const start = t.connector.sent.length;
    at('2026-12-02T10:00:00Z');
    expect((await open(id, 'Adele Vance')).status).toBe(200);
    at('2026-12-02T17:00:00Z'); // 8 working hours after it was reported: both escalations would be due
    await runJob();
    expect([...cardsTo(sam, start), ...cardsTo(adele, start)].filter((text) => /not been opened/.test(text))).toEqual([]);
  });

  it('reminds the assignee of a follow-up on the day it is due and on each working day it is overdue, in working hours', async () => {
    at('2026-12-02T11:00:00Z');
    const id = await report('follow-up');
    await open(id, 'Patti Fernandez');
    const version = (await t.app.stores.incidents.get(id))!.version;
    const set = await fetch(`${t.app.url}/api/incidents/${id}/steps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': people.get('Patti Fernandez')! },
      body: JSON.stringify({
        type: 'action',
        text: 'Referral follow-up',
        followUp: { inWorkingDays: 1, assigneeId: people.get('Sam Okafor') },
        version,
      }),
    });
    expect(set.status).toBe(201);
    const start = t.connector.sent.length;
    at('2026-12-03T07:00:00Z'); // due today, before the working day starts
    await runJob();
    expect(cardsTo(sam, start)).toEqual([]);
    at('2026-12-03T08:15:00Z');
    await runJob();
    at('2026-12-03T08:30:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toEqual([expect.stringContaining('A follow-up is due today')]);
    at('2026-12-04T08:15:00Z');
    await runJob();
    expect(cardsTo(sam, start)).toEqual([expect.stringContaining('due today'), expect.stringContaining('A follow-up is overdue')]);
    at('2026-12-05T10:00:00Z'); // Saturday
    await runJob();
    expect(cardsTo(sam, start)).toHaveLength(2);
    expect(cardsTo(sam, start).join('\n')).not.toContain('Referral follow-up');
  });

  it("reminds the data protection lead and the headteacher of a breach's 72-hour clock at 24, 48 and 66 hours, until it is decided", async () => {
    at('2026-12-07T10:00:00Z');
    const id = await report('breach', {
      ...FORM,
      category: 'dataProtectionBreach',
      whatHappened: 'Class list emailed to the wrong parent',
    });
    await open(id, 'Lynne Robbins');
    const start = t.connector.sent.length;
    for (const hours of [23, 24, 30, 48, 66, 70]) {
      at(new Date(Date.parse('2026-12-07T10:00:00Z') + hours * 3_600_000).toISOString());
      await runJob();
    }
    for (const user of [lynne, adele])
      expect(cardsTo(user, start).map((text) => /(\d+) hours have passed/.exec(text)?.[1])).toEqual(['24', '48', '66']);
    expect(cardsTo(patti, start).filter((text) => /hours have passed/.test(text))).toEqual([]);
  });
});
