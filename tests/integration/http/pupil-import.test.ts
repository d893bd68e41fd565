/** Importing pupils from the MIS export through the tabs' API. */
import { StoreUnavailableError } from '../../../bot/src/ports/collection.port';
import { holdPupilInserts } from '../../fixtures/held-inserts';
import { TestApp, type StoreKind } from '../../fixtures/test-app';

const HEADER = 'UPN,Name,Reg Group,Year,Admission Date,Date of Birth';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
/** `count` pupils of class `className`, references `${prefix}1`…, as the MIS writes them. */
const pupils = (prefix: string, className: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i + 1},Pupil ${prefix}${i + 1},${className},Year 5,04/09/2023,01/01/2015`);

interface Job {
  id: string;
  state: 'running' | 'finished' | 'failed';
  done: number;
  total: number;
  result?: { status: string; counts?: Record<string, number>; saved?: number; total?: number; exact?: boolean; message?: string };
}

describe.each<StoreKind>(['sqlite', 'sharepoint'])('pupil import, records in %s', (store) => {
  let t: TestApp;
  let admin: string;
  let otherAdmin: string;
  let teacher: string;
  beforeAll(async () => {
    t = await new TestApp(store).start();
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    admin = people.find((person) => person.roles.includes('admin'))!.id;
    teacher = people.find((person) => person.displayName === 'Alex Wilber')!.id;
    otherAdmin = (
      await t.app.stores.people.insert({
        displayName: 'Second Office',
        aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000a002',
        roles: ['staff', 'admin'],
      })
    ).id;
  });
  afterAll(() => t.stop());

  const post = (persona: string, body: object) =>
    fetch(`${t.app.url}/api/pupils/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': persona },
      body: JSON.stringify(body),
    });
  const getJob = (persona: string, path: string) => fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': persona } });
  /** Starts an import as the tab does, waits for the app's background work to end, and reads the job as the tab would. */
  const importFile = async (body: object, persona = admin): Promise<Job> => {
    const response = await post(persona, { ...body, apply: true });
    expect(response.status).toBe(202);
    await t.app.background.idle();
    return (await (await getJob(persona, response.headers.get('location')!)).json()) as Job;
  };
  const onRoll = async (className: string) =>
    (await t.app.stores.pupils.find({ where: { className }, limit: 100 })).items
      .filter((pupil) => !pupil.onRollTo)
      .map((pupil) => pupil.displayName)
      .sort();

  it('previews without writing anything', async () => {
    const response = await post(admin, {
      csv: csv('X1,Ava Stone,3C,Year 3,04/09/2023,01/01/2016', 'X2,Ben Hale,3C,Year 3,04/09/2023,01/01/2016'),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'preview',
      counts: { create: 2 },
      mapping: { className: 'Reg Group' },
      header: HEADER.split(','),
    });
    expect(await onRoll('3C')).toEqual([]);
  });

  it('imports as a job the tab can follow, and importing the same file again changes nothing', async () => {
    const file = csv('X1,Ava Stone,3C,Year 3,04/09/2023,01/01/2016', 'X2,Ben Hale,3C,Year 3,04/09/2023,01/01/2016');
    // The export is the whole school: the demo pupils, absent from it, are marked as left.
    expect(await importFile({ csv: file })).toMatchObject({
      state: 'finished',
      done: 18,
      total: 18,
      result: { status: 'imported', counts: { create: 2, leave: 16 }, notSaved: [] },
    });
    expect(await onRoll('3C')).toEqual(['Ava Stone', 'Ben Hale']);
    expect(await onRoll('4B')).toEqual([]);
    expect(await importFile({ csv: file })).toMatchObject({
      state: 'finished',
      done: 0,
      total: 0,
      result: { counts: { create: 0, update: 0, leave: 0, unchanged: 2 } },
    });
    expect(await onRoll('3C')).toEqual(['Ava Stone', 'Ben Hale']);
  });

  it('marks pupils missing from the file as left, and deletes nobody', async () => {
    const before = (await t.app.stores.pupils.find({ limit: 500 })).items.length;
    expect((await importFile({ csv: csv('X1,Ava Stone,3C,Year 3,04/09/2023,01/01/2016') })).result?.counts).toMatchObject({ leave: 1 });
    expect(await onRoll('3C')).toEqual(['Ava Stone']);
    expect((await t.app.stores.pupils.find({ limit: 500 })).items).toHaveLength(before);
  });

  it('shows row-level errors with the column and how to fix them, and imports nothing until the file is fixed', async () => {
    const response = await post(admin, {
      csv: csv('X3,Cara Lee,3C,Year 3,31/02/2023,01/01/2016', 'X4,=HYPERLINK("http://x"),3C,Year 3,04/09/2023,01/01/2016'),
      apply: true,
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      errors: { line: number; column: string; message: string; fix: string }[];
      errorCount: number;
      mapping: object;
    };
    expect(body.errors).toEqual([
      {
        line: 2,
        field: 'onRollFrom',
        column: 'Admission Date',
        message: expect.stringContaining('"31/02/2023" is not a date'),
        fix: expect.stringContaining('DD/MM/YYYY'),
      },
      {
        line: 3,
        field: 'displayName',
        column: 'Name',
        message: expect.stringContaining('looks like a spreadsheet formula'),
        fix: expect.stringContaining('Remove the ='),
      },
    ]);
    expect(body).toMatchObject({ errorCount: 2, mapping: { onRollFrom: 'Admission Date' } });
    expect(await onRoll('3C')).toEqual(['Ava Stone']);
  });

  it('sends the first 200 errors of a hopeless file, and says how many there are', async () => {
    const body = (await (
      await post(admin, { csv: csv(...Array.from({ length: 300 }, (_, i) => `B${i},,3C,Year 3,04/09/2023,`)) })
    ).json()) as { errorCount: number; errors: unknown[] };
    expect(body.errorCount).toBe(300);
    expect(body.errors).toHaveLength(200);
  });

  it('asks for the column mapping when it cannot guess it', async () => {
    const response = await post(admin, { csv: 'Ref,Pupil,Grp,Yr,Start\nX5,Dan Roe,3C,Year 3,04/09/2023' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ status: 'needs-mapping', header: ['Ref', 'Pupil', 'Grp', 'Yr', 'Start'] });
    const mapping = { misReference: 'Ref', displayName: 'Pupil', className: 'Grp', yearGroup: 'Yr', onRollFrom: 'Start' };
    expect(await (await post(admin, { csv: 'Ref,Pupil,Grp,Yr,Start\nX5,Dan Roe,3C,Year 3,04/09/2023', mapping })).json()).toMatchObject({
      status: 'preview',
      counts: { create: 1 },
    });
  });

  it("takes a whole school's export with all its columns, larger than any other request may be", async () => {
    const wide = Array.from({ length: 2000 }, (_, i) => `W${i},Pupil W${i},5W,Year 5,04/09/2023,01/01/2015,${'x'.repeat(300)}`);
    const body = JSON.stringify({ csv: [`${HEADER},Notes`, ...wide].join('\r\n') });
    expect(body.length).toBeGreaterThan(600 * 1024);
    const response = await fetch(`${t.app.url}/api/pupils/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': admin },
      body,
    });
    expect(await response.json()).toMatchObject({ status: 'preview', counts: { create: 2000 } });
  });

  it('shows progress to the person who started it, to nobody else, and refuses a second import meanwhile', async () => {
    const held = holdPupilInserts(t.app.stores);
    let location = '';
    try {
      const started = await post(admin, { csv: csv(...pupils('P', '5P', 45)), apply: true });
      expect(started.status).toBe(202);
      const { job } = (await started.json()) as { job: Job };
      expect(job).toMatchObject({ state: 'running', total: 46 });
      location = `/api/pupils/import/${job.id}`;
      expect(started.headers.get('location')).toBe(location);
      // The first batch of 20 is saved; the second waits.
      await held.waiting;
      expect(await (await getJob(admin, location)).json()).toMatchObject({ state: 'running', done: 20, total: 46 });

      expect((await getJob(otherAdmin, location)).status).toBe(404);
      expect((await getJob(teacher, location)).status).toBe(403);
      expect((await getJob(admin, '/api/pupils/import/not-a-job')).status).toBe(404);
      const second = await post(otherAdmin, { csv: csv(...pupils('P', '5P', 45)), apply: true });
      expect(second.status).toBe(409);
      expect(await second.json()).toMatchObject({
        error: expect.stringMatching(/An import started by Lynne Robbins is still running \(20 of 46 changes saved\)/),
      });
    } finally {
      held.release();
    }
    await t.app.background.idle();
    expect(await (await getJob(admin, location)).json()).toMatchObject({
      state: 'finished',
      done: 46,
      total: 46,
      result: { counts: { create: 45, leave: 1 } },
    });
    expect(await onRoll('5P')).toHaveLength(45);
  });

  it('says exactly how much was saved when the store fails part-way, and the same file finishes the job', async () => {
    const file = csv(...pupils('P', '5P', 45), ...pupils('Q', '5Q', 50));
    const pupilStore = t.app.stores.pupils;
    const original = pupilStore.insertMany.bind(pupilStore);
    let calls = 0;
    pupilStore.insertMany = async (records) => {
      if (++calls === 2) {
        await original(records.slice(0, 7)); // a batch that is partly stored before the failure
        throw new StoreUnavailableError('SharePoint did not answer.');
      }
      return original(records);
    };
    const failed = await importFile({ csv: file });
    pupilStore.insertMany = original;
    expect(failed).toMatchObject({
      state: 'failed',
      total: 50,
      result: { status: 'failed', saved: 27, total: 50, exact: true, message: expect.stringContaining('could not be reached') },
    });
    expect(await onRoll('5Q')).toHaveLength(27);

    expect(await importFile({ csv: file })).toMatchObject({
      state: 'finished',
      result: { counts: { create: 23, update: 0, leave: 0, unchanged: 72 } },
    });
    expect(await onRoll('5Q')).toHaveLength(50);
    expect(await onRoll('5P')).toHaveLength(45);
  });

  it('is for the admin team only, and refuses a malformed body', async () => {
    expect((await post(teacher, { csv: csv('X9,Eve Moss,3C,Year 3,04/09/2023,01/01/2016'), apply: true })).status).toBe(403);
    expect((await post(teacher, { csv: csv('X9,Eve Moss,3C,Year 3,04/09/2023,01/01/2016') })).status).toBe(403);
    expect((await post(admin, { csv: 42 })).status).toBe(400);
    expect(await onRoll('3C')).not.toContain('Eve Moss');
  });
});
