/** Pupil import jobs under failures that are hard to time through HTTP. */
import type { AppDeps } from '../../../bot/src/app/app-deps';
import { BackgroundTasks } from '../../../bot/src/app/background-tasks';
import { PupilImportJobs } from '../../../bot/src/app/pupil-import-jobs';
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { StaleRecordError, StoreUnavailableError } from '../../../bot/src/ports/collection.port';

const HEADER = 'UPN,Name,Reg Group,Year,Admission Date';
const file = (count: number, className = '5A') =>
  [HEADER, ...Array.from({ length: count }, (_, i) => `R${i + 1},Pupil ${i + 1},${className},Year 5,04/09/2023`)].join('\n');

async function setUp() {
  let now = new Date('2026-11-24T10:00:00Z');
  const stores = createSqliteStores(':memory:');
  const admin = await stores.people.insert({ displayName: 'Lynne Robbins', roles: ['admin'], aadObjectId: 'aad-admin' });
  const errors: string[] = [];
  const deps: AppDeps = {
    stores,
    directory: new PeopleListDirectory(stores.people),
    notifier: { deliver: async () => new Map(), refreshCards: async () => undefined },
    clock: { now: () => now },
    log: { info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) },
    background: new BackgroundTasks({ info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) }),
  };
  const background = new BackgroundTasks(deps.log);
  const jobs = new PupilImportJobs(deps, background);
  const run = async (csv: string) => {
    const started = await jobs.start(admin, csv, undefined);
    if (started.status !== 'started') throw new Error(started.status);
    await background.idle();
    return (await jobs.status(admin, started.job.id))!;
  };
  return { stores, admin, jobs, run, errors, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('pupil import jobs', () => {
  it('when the store stays down, says how many were certainly saved ("at least") rather than guessing', async () => {
    const { stores, run, errors } = await setUp();
    const insertMany = stores.pupils.insertMany.bind(stores.pupils);
    let calls = 0;
    jest.spyOn(stores.pupils, 'insertMany').mockImplementation(async (records) => {
      if (++calls === 2) {
        // From here on nothing answers, not even the re-count.
        jest.spyOn(stores.pupils, 'find').mockRejectedValue(new StoreUnavailableError('down'));
        throw new StoreUnavailableError('down');
      }
      return insertMany(records);
    });
    const job = await run(file(50));
    expect(job).toMatchObject({ state: 'failed', done: 20, result: { status: 'failed', saved: 20, total: 50, exact: false } });
    expect(errors).toEqual(['Pupil import stopped after 20 of 50 changes']);
  });

  it('writes the file over a pupil someone changed meanwhile, and names those it still could not save', async () => {
    const { stores, run } = await setUp();
    await run(file(3));
    // R1 clashes once (written on the second try); R2 clashes every time.
    const update = stores.pupils.update.bind(stores.pupils);
    const clashesLeft = new Map([
      ['R1', 1],
      ['R2', Infinity],
    ]);
    jest.spyOn(stores.pupils, 'update').mockImplementation(async (pupil) => {
      const left = clashesLeft.get(pupil.misReference ?? '') ?? 0;
      if (left === 0) return update(pupil);
      clashesLeft.set(pupil.misReference!, left - 1);
      throw new StaleRecordError(pupil.id);
    });
    const job = await run(file(3, '6A'));
    expect(job).toMatchObject({
      state: 'finished',
      done: 3,
      total: 3,
      result: { status: 'imported', counts: { update: 3 }, notSaved: ['R2'] },
    });
    expect((await stores.pupils.find({ where: { className: '6A' }, limit: 10 })).items.map((pupil) => pupil.misReference)).toEqual([
      'R1',
      'R3',
    ]);
  });

  it('forgets a finished import after an hour', async () => {
    const { admin, jobs, run, later } = await setUp();
    const first = await run(file(2));
    later(30 * 60 * 1000);
    await run(file(2));
    expect(await jobs.status(admin, first.id)).toBeDefined();
    later(31 * 60 * 1000);
    await run(file(2));
    expect(await jobs.status(admin, first.id)).toBeUndefined();
  });

  it('reports an import whose server stopped as stopped after ten quiet minutes, and then lets a new one start', async () => {
    const { stores, admin, jobs, run, later } = await setUp();
    // What a server that was restarted mid-import leaves: the lock held, progress at 40 of 100.
    const at = new Date('2026-11-24T10:00:00Z').toISOString();
    const left = await stores.importJobs.insert({
      lock: 'running',
      ownerId: admin.id,
      ownerName: 'Lynne Robbins',
      state: 'running',
      done: 40,
      total: 100,
      counts: { create: 100, update: 0, leave: 0, unchanged: 0 },
      startedAt: at,
      updatedAt: at,
    });
    later(9 * 60 * 1000);
    expect(await jobs.status(admin, left.id)).toMatchObject({ state: 'running', done: 40 });
    expect(await jobs.start(admin, file(2), undefined)).toMatchObject({
      status: 'busy',
      message: expect.stringContaining('(40 of 100 changes saved)'),
    });
    later(2 * 60 * 1000);
    expect(await jobs.status(admin, left.id)).toMatchObject({
      state: 'failed',
      done: 40,
      result: {
        status: 'failed',
        saved: 40,
        total: 100,
        exact: false,
        message: expect.stringMatching(/^The import stopped part-way: the server running it was restarted\. Import the same file again/),
      },
    });
    expect(await run(file(2))).toMatchObject({ state: 'finished', result: { status: 'imported' } });
    expect((await stores.importJobs.get(left.id))!.state).toBe('failed');
  });
});
