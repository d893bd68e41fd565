/**
 * A pupil's chronology across incidents, and the summary's counts by year group and by part, as
 * each person may see them: what someone may not see is left out without a trace. The headteacher's
 * view of a pupil linked to a concern about the headteacher shows nothing of it, not even a count.
 */
import { incident } from '../../contract/incident-contract';
import { linkKey, type LinkRole } from '../../../bot/src/domain/incidents/incident-people';
import { incidentReference } from '../../../bot/src/domain/incidents/incident';
import { TestApp } from '../../fixtures/test-app';

type Chronology = {
  pupil: { displayName: string };
  incidents: { reference: string; roleLabel: string }[];
  entries: { text: string; reference: string; roleLabel: string; byName: string; at: string }[];
};

describe("a pupil's chronology, and the summary, as each person may see them", () => {
  let t: TestApp;
  const who = new Map<string, string>();
  let amelia: { id: string; displayName: string; className: string; yearGroup: string };
  const ids = { ordinary: '', aboutHead: '', breach: '' };
  beforeAll(async () => {
    t = await new TestApp().start();
    for (const person of (await t.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    amelia = (await t.app.stores.pupils.find({ limit: 50 })).items.find((pupil) => pupil.displayName === 'Amelia Khan')!;
    const link = async (incidentId: string, role: LinkRole) =>
      t.app.stores.incidentLinks.insert({
        incidentId,
        kind: 'pupil',
        linkKey: linkKey(incidentId, 'pupil', amelia.id),
        pupilId: amelia.id,
        name: amelia.displayName,
        className: amelia.className,
        yearGroup: amelia.yearGroup,
        role,
        linked: true,
        updatedAt: t.clock.now().toISOString(),
      });
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    ids.ordinary = (
      await t.app.stores.incidents.insert(
        incident({ reportedAt: at(2), whatHappened: 'Ordinary: unkind messages', assigneeId: who.get('Patti Fernandez') }),
      )
    ).id;
    ids.aboutHead = (
      await t.app.stores.incidents.insert(
        incident({
          reportedAt: at(3),
          involved: 'headteacher',
          aboutHeadteacher: true,
          routedTo: 'chairOfGovernors',
          assigneeId: who.get('Linda Davis'),
          whatHappened: 'About the head: she shouted at a pupil online',
        }),
      )
    ).id;
    ids.breach = (
      await t.app.stores.incidents.insert(
        incident({
          reportedAt: at(4),
          category: 'dataProtectionBreach',
          routedTo: 'dataProtectionLead',
          assigneeId: who.get('Lynne Robbins'),
          whatHappened: 'Breach: photo posted without consent',
        }),
      )
    ).id;
    await link(ids.ordinary, 'affected');
    await link(ids.aboutHead, 'witness');
    await link(ids.breach, 'affected');
    const entry = (incidentId: string, day: number, text: string) =>
      t.app.stores.incidentChronology.append({ incidentId, at: at(day), byId: 'x', byName: 'Patti Fernandez', kind: 'action', text });
    await entry(ids.ordinary, 2, 'Ordinary: spoke to Amelia');
    await entry(ids.aboutHead, 3, 'About the head: chair informed');
    await entry(ids.breach, 5, 'Breach: post taken down');
    await entry(ids.ordinary, 6, 'Ordinary: parents called');
  });
  afterAll(() => t.stop());

  const call = (as: string, path: string) => fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': who.get(as)! } });
  const chronology = async (as: string) => (await (await call(as, `/api/incidents/pupils/${amelia.id}`)).json()) as Chronology;

  it("shows the DSL every incident, action and contact involving the pupil, newest first, with who, when and the pupil's part", async () => {
    const seen = await chronology('Patti Fernandez');
    expect(seen.pupil.displayName).toBe('Amelia Khan');
    expect(seen.entries.map((entry) => [entry.text, entry.reference, entry.roleLabel])).toEqual([
      ['Ordinary: parents called', incidentReference(ids.ordinary), 'affected'],
      ['Breach: post taken down', incidentReference(ids.breach), 'affected'],
      ['About the head: chair informed', incidentReference(ids.aboutHead), 'witness'],
      ['Ordinary: spoke to Amelia', incidentReference(ids.ordinary), 'affected'],
    ]);
    expect(seen.incidents.map((one) => one.reference)).toEqual([ids.breach, ids.aboutHead, ids.ordinary].map(incidentReference));
  });

  it.each<[string, (keyof typeof ids)[]]>([
    ['Adele Vance', ['ordinary', 'breach']], // the headteacher: never the concern about the headteacher
    ['Linda Davis', ['aboutHead']], // the chair: only that one
    ['Sam Okafor', ['ordinary', 'aboutHead', 'breach']],
  ])('shows %s only what they may see, and leaves the rest out without a trace', async (as, expected) => {
    const response = await call(as, `/api/incidents/pupils/${amelia.id}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const seen = JSON.parse(text) as Chronology;
    expect(seen.incidents.map((one) => one.reference).sort()).toEqual(expected.map((kind) => incidentReference(ids[kind])).sort());
    for (const kind of Object.keys(ids) as (keyof typeof ids)[]) {
      if (!expected.includes(kind)) {
        expect(text).not.toContain(incidentReference(ids[kind]));
        expect(text).not.toMatch(kind === 'aboutHead' ? /About the head|witness/ : kind === 'breach' ? /Breach/ : /Ordinary/);
      }
    }
  });

  it('refuses anyone else, and says nothing of a pupil who is not there', async () => {
    for (const as of ['Alex Wilber', 'Megan Bowen', 'Lynne Robbins'])
      expect({ as, status: (await call(as, `/api/incidents/pupils/${amelia.id}`)).status }).toEqual({ as, status: 403 });
    expect((await call('Patti Fernandez', '/api/incidents/pupils/999999')).status).toBe(404);
  });

  it('counts incidents by year group and pupils by their part, of what each person may see, with no names', async () => {
    type Summary = {
      byYearGroup: { yearGroup: string; count: number }[];
      byPupilRole: Record<'affected' | 'causedHarm' | 'witness' | 'other' | 'named', number>;
    };
    const summary = async (as: string) => {
      const text = await (await call(as, '/api/incidents/summary')).text();
      expect(text).not.toMatch(/Amelia|Khan/);
      return JSON.parse(text) as Summary;
    };
    const yearFour = (seen: Summary) => seen.byYearGroup.find((row) => row.yearGroup === 'Year 4')?.count ?? 0;
    const dsl = await summary('Patti Fernandez');
    const head = await summary('Adele Vance');
    const chair = await summary('Linda Davis');
    // The demo school's own incidents count too; the difference is what each may not see.
    expect(yearFour(dsl) - yearFour(head)).toBe(1);
    expect(dsl.byPupilRole.witness - head.byPupilRole.witness).toBe(1);
    expect(dsl.byPupilRole.affected).toBe(head.byPupilRole.affected);
    expect([yearFour(chair), chair.byPupilRole.witness, chair.byPupilRole.affected]).toEqual([1, 1, 0]);
  });
});
