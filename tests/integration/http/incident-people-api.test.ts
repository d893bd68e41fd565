/**
 * The incident log's API for the people involved, the body map, follow-ups and the 72-hour clock,
 * on a fixed school day (Tuesday 24 November 2026, 10:00). Every change is a chronology entry;
 * a change made on an out-of-date view is refused and the person shown the incident as it now is.
 */
import { incident } from '../../contract/incident-contract';
import { TestApp } from '../../fixtures/test-app';

const NOW = new Date('2026-11-24T10:00:00Z');
type Json = Record<string, unknown>;
type Detail = {
  incident: Json & { version: number; bodyMap: Json[]; followUps: Json[] };
  links: { id: string; name: string; kind: string; roleLabel: string; role: string }[];
  chronology: { text: string; byName: string; kind: string }[];
  late: string[];
  ico?: { deadline: string; hoursPassed: number };
};

describe('people, body map and timescales in the incident log API', () => {
  let t: TestApp;
  const who = new Map<string, string>();
  const pupil = new Map<string, string>();
  beforeAll(async () => {
    t = await new TestApp('sqlite', {}, undefined, { now: () => NOW }).start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    for (const one of (await t.app.stores.pupils.find({ limit: 50 })).items) pupil.set(one.displayName, one.id);
  });
  afterAll(() => t.stop());

  const call = (as: string, path: string, body?: object) =>
    fetch(`${t.app.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', 'x-demo-person': who.get(as)! },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const detail = async (id: string, as = 'Patti Fernandez') => (await (await call(as, `/api/incidents/${id}`)).json()) as Detail;
  const step = async (id: string, body: Json, as = 'Patti Fernandez') => {
    const { incident: current } = await detail(id, as);
    return call(as, `/api/incidents/${id}/steps`, { ...body, version: current.version });
  };
  const add = async (overrides: Parameters<typeof incident>[0] = {}) =>
    (await t.app.stores.incidents.insert(incident({ assigneeId: who.get('Patti Fernandez'), reportedAt: NOW.toISOString(), ...overrides })))
      .id;

  it('links pupils (one who has left too), staff and others, each with the part they had, every change in the chronology', async () => {
    const id = await add();
    const left = (await t.app.stores.pupils.get(pupil.get('Zain Ahmed')!))!;
    await t.app.stores.pupils.update({ ...left, onRollTo: '2026-07-22' });
    expect((await step(id, { type: 'link', who: { pupilId: pupil.get('Amelia Khan') }, role: 'affected' })).status).toBe(201);
    expect((await step(id, { type: 'link', who: { pupilId: left.id }, role: 'causedHarm' })).status).toBe(201);
    expect((await step(id, { type: 'link', who: { personId: who.get("Tom O'Neill") }, role: 'witness' })).status).toBe(201);
    expect((await step(id, { type: 'link', who: { name: "Mrs Khan (Amelia's mother)" }, role: 'other' })).status).toBe(201);
    const linked = await detail(id);
    expect(linked.links.map((link) => [link.kind, link.name, link.roleLabel])).toEqual([
      ['pupil', 'Amelia Khan', 'affected'],
      ['pupil', 'Zain Ahmed', 'alleged to have caused harm'],
      ['staff', "Tom O'Neill", 'witness'],
      ['other', "Mrs Khan (Amelia's mother)", 'other part'],
    ]);

    const zain = linked.links[1]!;
    expect((await step(id, { type: 'linkRole', linkId: zain.id, role: 'witness' })).status).toBe(201);
    expect((await step(id, { type: 'unlink', linkId: linked.links[3]!.id })).status).toBe(201);
    const after = await detail(id);
    expect(after.links.map((link) => [link.name, link.role])).toEqual([
      ['Amelia Khan', 'affected'],
      ['Zain Ahmed', 'witness'],
      ["Tom O'Neill", 'witness'],
    ]);
    expect(after.chronology.filter((entry) => entry.kind === 'people').map((entry) => entry.text)).toEqual([
      'Linked Amelia Khan (pupil, 4B) as affected',
      'Linked Zain Ahmed (pupil, 4B) as alleged to have caused harm',
      "Linked Tom O'Neill (staff) as witness",
      "Linked Mrs Khan (Amelia's mother) (named) as other part",
      'Changed the part of Zain Ahmed (pupil, 4B) from alleged to have caused harm to witness',
      "Unlinked Mrs Khan (Amelia's mother) (named) (was: other part)",
    ]);
  });

  it('never links without a part, nor the same pupil twice, nor a pupil not on the roster', async () => {
    const id = await add();
    const missing = await step(id, { type: 'link', who: { pupilId: pupil.get('Amelia Khan') } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe(
      'Choose their part: affected, alleged to have caused harm, witness or other.',
    );
    expect((await step(id, { type: 'link', who: { pupilId: pupil.get('Amelia Khan') }, role: 'victim' })).status).toBe(400);
    expect((await step(id, { type: 'link', who: { pupilId: pupil.get('Amelia Khan') }, role: 'affected' })).status).toBe(201);
    const twice = await step(id, { type: 'link', who: { pupilId: pupil.get('Amelia Khan') }, role: 'witness' });
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as { error: string }).error).toMatch(/already linked.*change their part/);
    expect((await step(id, { type: 'link', who: { pupilId: '999999' }, role: 'witness' })).status).toBe(422);
    expect((await detail(id)).links).toHaveLength(1);
  });

  it('refuses a change made on an out-of-date view, writes nothing, and answers with the incident as it is now', async () => {
    const id = await add();
    const seen = (await detail(id)).incident.version;
    // Another DSL links a pupil first.
    expect(
      (
        await call('Sam Okafor', `/api/incidents/${id}/steps`, {
          type: 'link',
          who: { pupilId: pupil.get('Isla Nowak') },
          role: 'causedHarm',
          version: seen,
        })
      ).status,
    ).toBe(201);
    const late = await call('Patti Fernandez', `/api/incidents/${id}/steps`, {
      type: 'link',
      who: { pupilId: pupil.get('Isla Nowak') },
      role: 'affected',
      version: seen,
    });
    expect(late.status).toBe(409);
    const body = (await late.json()) as { error: string; detail: Detail };
    expect(body.error).toMatch(/Someone else changed this incident.*as it is now/);
    expect(body.detail.links.map((link) => [link.name, link.roleLabel])).toEqual([['Isla Nowak', 'alleged to have caused harm']]);
    expect(body.detail.chronology.filter((entry) => entry.kind === 'people').map((entry) => entry.byName)).toEqual(['Sam Okafor']);
    // Adding to the chronology needs no version: it changes nothing already written.
    expect(
      (await call('Patti Fernandez', `/api/incidents/${id}/steps`, { type: 'action', text: 'Spoke to Isla', version: seen })).status,
    ).toBe(201);
  });

  it('keeps the body map: marks with notes, moved and removed, each change in the chronology, never off the outline', async () => {
    const id = await add();
    expect(
      (
        await step(id, {
          type: 'bodyMap',
          marks: [
            { view: 'front', x: 73, y: 80, note: 'Bruise about 3 cm, yellowish' },
            { view: 'back', x: 50, y: 50, note: 'Red mark' },
          ],
        })
      ).status,
    ).toBe(201);
    const first = (await detail(id)).incident.bodyMap as { id: string; label: string }[];
    expect(first.map((mark) => mark.label)).toEqual(['left forearm, front', 'upper back, back']);
    expect(
      (
        await step(id, {
          type: 'bodyMap',
          marks: [{ id: first[0]!.id, view: 'front', x: 73, y: 69, note: 'Bruise about 3 cm, yellowish' }],
        })
      ).status,
    ).toBe(201);
    const lines = (await detail(id)).chronology.filter((entry) => entry.kind === 'bodyMap').map((entry) => entry.text);
    expect(lines).toEqual([
      'Body map: marked left forearm, front: Bruise about 3 cm, yellowish',
      'Body map: marked upper back, back: Red mark',
      'Body map: the mark at left forearm, front moved to left elbow, front',
      'Body map: the mark at upper back, back removed (it said: Red mark)',
    ]);
    const off = await step(id, { type: 'bodyMap', marks: [{ view: 'front', x: 2, y: 2, note: 'x' }] });
    expect([off.status, ((await off.json()) as { error: string }).error]).toEqual([
      422,
      'A mark is off the outline (off the outline, front): move it onto the body.',
    ]);
    expect((await step(id, { type: 'bodyMap', marks: [{ view: 'front', x: 50, y: 50, note: ' ' }] })).status).toBe(400);
    expect((await step(id, { type: 'bodyMap', marks: [{ view: 'side', x: 50, y: 50, note: 'x' }] })).status).toBe(400);
  });

  it('gives an action a follow-up date in working days, for someone who may see the incident, and marks it done', async () => {
    const id = await add();
    expect(
      (
        await step(id, {
          type: 'action',
          text: 'Referral to early help',
          followUp: { inWorkingDays: 1, assigneeId: who.get('Sam Okafor') },
        })
      ).status,
    ).toBe(201);
    expect(
      (await step(id, { type: 'action', text: 'Call the parent', followUp: { on: '2026-11-30', assigneeId: who.get('Alex Wilber') } }))
        .status,
    ).toBe(422);
    expect(
      (await step(id, { type: 'action', text: 'Call the parent', followUp: { on: '2026-11-23', assigneeId: who.get('Sam Okafor') } }))
        .status,
    ).toBe(422);
    expect(
      (
        await step(id, {
          type: 'action',
          text: 'Call the parent',
          followUp: { inWorkingDays: 1, on: '2026-11-30', assigneeId: who.get('Sam Okafor') },
        })
      ).status,
    ).toBe(400);
    const { incident: record, chronology } = await detail(id);
    expect(record.followUps).toEqual([
      expect.objectContaining({ id: 'f1', text: 'Referral to early help', dueOn: '2026-11-25', assigneeName: 'Sam Okafor' }),
    ]);
    expect(chronology.map((entry) => entry.text)).toContain('Referral to early help (follow-up by Sam Okafor, due 25 November 2026)');
    expect((await step(id, { type: 'followUpDone', followUpId: 'f1' })).status).toBe(201);
    expect((await step(id, { type: 'followUpDone', followUpId: 'f1' })).status).toBe(422);
    expect((await detail(id)).chronology.map((entry) => entry.text)).toContain('Follow-up done: Referral to early help');
  });

  it("shows a breach's 72-hour ICO deadline, and records the decision on reporting it", async () => {
    const id = await add({
      category: 'dataProtectionBreach',
      routedTo: 'dataProtectionLead',
      reportedAt: '2026-11-23T10:00:00.000Z',
      assigneeId: who.get('Lynne Robbins'),
    });
    const seen = await detail(id, 'Lynne Robbins');
    expect(seen.ico).toEqual({ deadline: '2026-11-26T10:00:00.000Z', hoursPassed: 24, remindersDue: [24] });
    expect(
      (await step(id, { type: 'ico', reported: true, reason: 'Dates of birth of 30 pupils: a risk to them' }, 'Lynne Robbins')).status,
    ).toBe(201);
    const after = await detail(id, 'Lynne Robbins');
    expect(after.ico).toBeUndefined();
    expect(after.chronology.map((entry) => entry.text)).toContain('Reported to the ICO: Dates of birth of 30 pupils: a risk to them');
    expect((await step(await add(), { type: 'ico', reported: false, reason: 'x' })).status).toBe(422);
  });

  it('records who opened a concern first, once', async () => {
    const id = await add();
    await detail(id, 'Adele Vance');
    await detail(id, 'Patti Fernandez');
    const { incident: record, chronology } = await detail(id);
    expect(record.firstOpened).toEqual({ at: NOW.toISOString(), byId: who.get('Adele Vance'), byName: 'Adele Vance' });
    expect(chronology.filter((entry) => entry.kind === 'opened').map((entry) => entry.byName)).toEqual(['Adele Vance']);
  });
});
