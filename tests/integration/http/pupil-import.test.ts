/** Importing pupils from the MIS export through the tabs' API (issue #5). */
import { TestApp } from '../../fixtures/test-app';

const HEADER = 'UPN,Name,Reg Group,Year,Admission Date,Date of Birth';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

describe('pupil import', () => {
  let t: TestApp;
  let admin: string;
  let teacher: string;
  beforeAll(async () => {
    t = await new TestApp().start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    admin = people.find((person) => person.roles.includes('admin'))!.id;
    teacher = people.find((person) => person.displayName === 'Alex Wilber')!.id;
  });
  afterAll(() => t.stop());

  const post = (persona: string, body: object) =>
    fetch(`${t.app.url}/api/pupils/import`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-person': persona }, body: JSON.stringify(body) });
  const onRoll = async (className: string) => (await t.app.stores.pupils.find({ where: { className }, limit: 100 })).items.filter((pupil) => !pupil.onRollTo).map((pupil) => pupil.displayName).sort();

  it('previews without writing anything', async () => {
    const response = await post(admin, { csv: csv('X1,Ava Stone,3C,Year 3,04/09/2023,01/01/2016', 'X2,Ben Hale,3C,Year 3,04/09/2023,01/01/2016') });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'preview', counts: { create: 2 }, mapping: { className: 'Reg Group' } });
    expect(await onRoll('3C')).toEqual([]);
  });

  it('imports, and importing the same file again changes nothing', async () => {
    const file = csv('X1,Ava Stone,3C,Year 3,04/09/2023,01/01/2016', 'X2,Ben Hale,3C,Year 3,04/09/2023,01/01/2016');
    // The export is the whole school: the demo pupils, absent from it, are marked as left.
    expect(await (await post(admin, { csv: file, apply: true })).json()).toMatchObject({ status: 'imported', counts: { create: 2, leave: 16 }, notSaved: [] });
    expect(await onRoll('3C')).toEqual(['Ava Stone', 'Ben Hale']);
    expect(await onRoll('4B')).toEqual([]);
    expect(await (await post(admin, { csv: file, apply: true })).json()).toMatchObject({ status: 'imported', counts: { create: 0, update: 0 } });
    expect(await onRoll('3C')).toEqual(['Ava Stone', 'Ben Hale']);
  });

  it('marks pupils missing from the file as left, and deletes nobody', async () => {
    const before = (await t.app.stores.pupils.find({ limit: 500 })).items.length;
    const body = (await (await post(admin, { csv: csv("X1,Ava Stone,3C,Year 3,04/09/2023,01/01/2016"), apply: true })).json()) as { counts: { leave: number } };
    expect(body.counts.leave).toBe(1);
    expect(await onRoll('3C')).toEqual(['Ava Stone']);
    expect((await t.app.stores.pupils.find({ limit: 500 })).items).toHaveLength(before);
  });

  it('shows row-level errors and imports nothing until the file is fixed', async () => {
    const response = await post(admin, { csv: csv('X3,Cara Lee,3C,Year 3,31/02/2023,01/01/2016', 'X4,=HYPERLINK("http://x"),3C,Year 3,04/09/2023,01/01/2016'), apply: true });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { line: number; message: string }[] };
    expect(body.errors.map((error) => error.line)).toEqual([2, 3]);
    expect(await onRoll('3C')).toEqual(['Ava Stone']);
  });

  it('asks for the column mapping when it cannot guess it', async () => {
    const response = await post(admin, { csv: 'Ref,Pupil,Grp,Yr,Start\nX5,Dan Roe,3C,Year 3,04/09/2023' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ status: 'needs-mapping', header: ['Ref', 'Pupil', 'Grp', 'Yr', 'Start'] });
    const mapping = { misReference: 'Ref', displayName: 'Pupil', className: 'Grp', yearGroup: 'Yr', onRollFrom: 'Start' };
    expect(await (await post(admin, { csv: 'Ref,Pupil,Grp,Yr,Start\nX5,Dan Roe,3C,Year 3,04/09/2023', mapping })).json()).toMatchObject({ status: 'preview', counts: { create: 1 } });
  });

  it('is for the admin team only, and refuses a malformed body', async () => {
    expect((await post(teacher, { csv: csv('X9,Eve Moss,3C,Year 3,04/09/2023,01/01/2016'), apply: true })).status).toBe(403);
    expect((await post(admin, { csv: 42 })).status).toBe(400);
  });
});
