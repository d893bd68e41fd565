import { BackgroundTasks } from '../bot/src/app/background-tasks';
import type { AppDeps } from '../bot/src/app/app-deps';
import { importPupils, type ImportPupilsResult } from '../bot/src/app/import-pupils';
import { PeopleListDirectory } from '../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../bot/src/adapters/sqlite/sqlite-stores';
import { createSharePointStores } from '../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import type { Person } from '../bot/src/domain/people/person';
import { systemClock } from '../bot/src/ports/clock.port';
import type { Notifier } from '../bot/src/ports/notifier.port';
import type { Stores } from '../bot/src/ports/stores.port';
import { provisionedSite, silentLog, SITES } from '../tests/fixtures/sharepoint-site';
import { wholeSchoolExport } from '../tests/fixtures/pupil-files';
import { elapsedMs, median, ms, note, removeTempDir, row, tempDir } from './support';

const PUPILS = 2_000;
const ROUNDS = 3;
const TARGET_MS = 2_000;
const LATENCY_MS = 50;

const silentNotifier: Notifier = { deliver: async () => new Map(), refreshCards: async () => {} };

async function sqliteSchool(): Promise<{ deps: AppDeps; admin: Person; stores: Stores; dir: string }> {
  const dir = tempDir('osd-bench-import-');
  const stores = createSqliteStores(dir);
  const admin = await stores.people.insert({ displayName: 'Lynne Robbins', roles: ['staff', 'admin'], aadObjectId: 'bench-admin' });
  return {
    deps: {
      stores,
      directory: new PeopleListDirectory(stores.people),
      notifier: silentNotifier,
      clock: systemClock,
      log: silentLog,
      background: new BackgroundTasks(silentLog),
    },
    admin,
    stores,
    dir,
  };
}

/** The use case end to end: parse, check every row, plan against the register, write, audit. */
async function timed(deps: AppDeps, admin: Person, csv: string): Promise<{ took: number; result: ImportPupilsResult }> {
  const start = process.hrtime.bigint();
  const result = await importPupils(deps, admin, csv, undefined, true);
  const took = elapsedMs(start);
  if (result.status !== 'imported' || result.notSaved.length)
    throw new Error(`Import bench: the import did not finish cleanly (${JSON.stringify(result).slice(0, 200)})`);
  return { took, result };
}

function counts(result: ImportPupilsResult): string {
  return result.status === 'imported'
    ? `${result.counts.create} new, ${result.counts.update} changed, ${result.counts.leave} left, ${result.counts.unchanged} unchanged`
    : result.status;
}

async function onSqlite(): Promise<void> {
  const file = wholeSchoolExport(PUPILS);
  const nextYear = wholeSchoolExport(PUPILS, 1);
  const runs: Record<'first' | 'again' | 'nextYear', number[]> = { first: [], again: [], nextYear: [] };
  const described: Record<string, string> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const { deps, admin, stores, dir } = await sqliteSchool();
    try {
      for (const [name, csv] of [
        ['first', file],
        ['again', file],
        ['nextYear', nextYear],
      ] as const) {
        const { took, result } = await timed(deps, admin, csv);
        runs[name].push(took);
        described[name] = counts(result);
      }
    } finally {
      await stores.close();
      removeTempDir(dir);
    }
  }
  const target = (values: number[]) => ({ value: TARGET_MS, measured: Math.max(...values), text: `target < ${TARGET_MS / 1000} s` });
  row(`first import into an empty register`, `median ${ms(median(runs.first))}  max ${ms(Math.max(...runs.first))}`, target(runs.first));
  note(described.first!);
  row(`the same file again`, `median ${ms(median(runs.again))}  max ${ms(Math.max(...runs.again))}`, target(runs.again));
  note(described.again!);
  row(
    `next September's file (everyone moves up)`,
    `median ${ms(median(runs.nextYear))}  max ${ms(Math.max(...runs.nextYear))}`,
    target(runs.nextYear),
  );
  note(described.nextYear!);
  note(
    `${(Buffer.byteLength(file) / 1024).toFixed(0)} KB of CSV with 9 columns; SQLite WAL file on disk; ${ROUNDS} rounds, each on a fresh database`,
  );
}

/** The same import on SharePoint lists (the Graph stand-in): round trips, and their cost at 50 ms each. */
async function onSharePoint(): Promise<void> {
  const { standIn, graph } = await provisionedSite();
  try {
    const stores = createSharePointStores(graph, SITES);
    const admin = await stores.people.insert({ displayName: 'Lynne Robbins', roles: ['staff', 'admin'], aadObjectId: 'bench-admin' });
    const deps: AppDeps = {
      stores,
      directory: new PeopleListDirectory(stores.people),
      notifier: silentNotifier,
      clock: systemClock,
      log: silentLog,
      background: new BackgroundTasks(silentLog),
    };
    standIn.latencyMs = LATENCY_MS;
    for (const [label, csv] of [
      ['first import (SharePoint stand-in)', wholeSchoolExport(PUPILS)],
      ['the same file again (SharePoint)', wholeSchoolExport(PUPILS)],
    ] as const) {
      const before = standIn.requests.length;
      const { took, result } = await timed(deps, admin, csv);
      row(
        label,
        `${String(standIn.requests.length - before).padStart(5)} round trips, ${(took / 1000).toFixed(1)} s at ${LATENCY_MS} ms/trip`,
      );
      note(counts(result));
    }
    // Counted without latency (4,000 round trips at 50 ms would hold the bench up for minutes).
    standIn.latencyMs = 0;
    const before = standIn.requests.length;
    const { result } = await timed(deps, admin, wholeSchoolExport(PUPILS, 1));
    const trips = standIn.requests.length - before;
    row(
      `next September's file (SharePoint)`,
      `${String(trips).padStart(5)} round trips, ~${((trips * LATENCY_MS) / 1000).toFixed(0)} s at ${LATENCY_MS} ms/trip`,
    );
    note(counts(result));
    note(
      'new pupils, changed pupils and leavers go 20 to a $batch, each change still conditional (If-Match); the tab polls the import job for progress meanwhile',
    );
  } finally {
    await standIn.stop();
  }
}

export async function pupilImportBench(): Promise<void> {
  console.log(`\nPupil import from the MIS export, ${PUPILS.toLocaleString('en-GB')} pupils, through the use case (importPupils)`);
  await onSqlite();
  await onSharePoint();
}

if (require.main === module) {
  pupilImportBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
