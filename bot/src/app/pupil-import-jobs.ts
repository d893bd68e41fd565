import type { Person } from '../domain/people/person';
import type { ColumnMapping, ImportCounts, ImportOutcome } from '../domain/school/pupil-import';
import { DuplicateRecordError, StaleRecordError, type Versioned } from '../ports/collection.port';
import { IMPORT_RUNNING, type ImportJobRecord } from '../ports/import-jobs.port';
import type { AppDeps } from './app-deps';
import { applyPupilImport, preparePupilImport, type PrepareResult } from './import-pupils';

/** What the person who started an import sees while it runs and after. */
export interface ImportJobView {
  id: string;
  state: 'running' | 'finished' | 'failed';
  done: number;
  total: number;
  counts: ImportCounts;
  startedAt: string;
  result?: ImportOutcome;
}

export type StartImportResult =
  Exclude<PrepareResult, { status: 'ready' }> | { status: 'busy'; message: string } | { status: 'started'; job: ImportJobView };

/** Runs work after the answer has been sent (the app's BackgroundTasks). */
export interface Runner {
  run(description: string, work: () => Promise<void>): void;
}

/** Finished imports can be looked at for an hour, then they are forgotten. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/**
 * A running import writes its progress at least every twentieth of the way; one whose record has
 * not moved for this long stopped with the server running it (a restart, a scale-in).
 */
const QUIET_MS = 10 * 60 * 1000;
const STOPPED_MESSAGE =
  'The import stopped part-way: the server running it was restarted. Import the same file again to finish; nobody is added twice.';

/**
 * Pupil imports as background jobs: on SharePoint 2,000 pupils take a hundred or more Graph round
 * trips, longer than a request should wait, so the tab polls for `done` of `total`. Each import
 * and its progress is kept in the store, so whichever instance the tab reaches can answer. One
 * import runs at a time for the whole school (the running one holds a unique lock), and a job is
 * visible only to the person who started it. An import whose server stopped is reported as
 * stopped, and since an import matches pupils by reference, running the same file again finishes
 * the work without duplicates.
 */
export class PupilImportJobs {
  constructor(
    private readonly deps: AppDeps,
    private readonly background: Runner,
  ) {}

  /** Checks the file (errors come back at once, nothing written) and starts writing a clean one. */
  async start(person: Person, csv: string, mapping: ColumnMapping | undefined): Promise<StartImportResult> {
    const checked = await preparePupilImport(this.deps, person, csv, mapping);
    if (checked.status !== 'ready') return checked;
    const { prepared } = checked;
    const now = this.deps.clock.now().toISOString();
    const draft: Omit<ImportJobRecord, 'id'> = {
      lock: IMPORT_RUNNING,
      ownerId: person.id,
      ownerName: person.displayName,
      state: 'running',
      done: 0,
      total: prepared.counts.create + prepared.counts.update + prepared.counts.leave,
      counts: prepared.counts,
      startedAt: now,
      updatedAt: now,
    };
    const job = await this.take(draft);
    if ('busy' in job)
      return {
        status: 'busy',
        message: `An import started by ${job.busy.ownerName} is still running (${job.busy.done} of ${job.busy.total} changes saved). Wait for it to finish, then import again.`,
      };
    this.background.run('pupil import', () => this.run(job, person, prepared));
    return { status: 'started', job: view(job) };
  }

  /** The job, for the person who started it only, for an hour after it ends. */
  async status(person: Pick<Person, 'id'>, jobId: string): Promise<ImportJobView | undefined> {
    const job = await this.deps.stores.importJobs.get(jobId);
    if (!job || job.ownerId !== person.id) return undefined;
    const now = this.deps.clock.now().getTime();
    if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_FINISHED_MS) return undefined;
    return view(this.stopped(job) ? stoppedJob(job, job.updatedAt) : job);
  }

  /** The lock for a new import; the lock of one whose server stopped is released first. */
  private async take(
    draft: Omit<ImportJobRecord, 'id'>,
  ): Promise<Versioned<ImportJobRecord> | { busy: Pick<ImportJobRecord, 'ownerName' | 'done' | 'total'> }> {
    const imports = this.deps.stores.importJobs;
    let running: Versioned<ImportJobRecord> | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await imports.insert(draft);
      } catch (error) {
        if (!(error instanceof DuplicateRecordError)) throw error;
      }
      running = (await imports.find({ where: { lock: IMPORT_RUNNING }, limit: 1 })).items[0];
      if (running && !this.stopped(running)) return { busy: running };
      if (running) await imports.update(stoppedJob(running, this.deps.clock.now().toISOString())).catch(ignoreStale);
    }
    return { busy: running ?? draft };
  }

  private async run(first: Versioned<ImportJobRecord>, person: Person, prepared: Parameters<typeof applyPupilImport>[2]): Promise<void> {
    let job = first;
    let done = 0;
    // About twenty progress writes per import, whatever its size.
    const step = Math.max(1, Math.ceil(job.total / 20));
    const progress = async (now: number) => {
      done = now;
      if (now === 0 || now - job.done < step || now === job.total) return;
      job = await this.deps.stores.importJobs
        .update({ ...job, done: now, updatedAt: this.deps.clock.now().toISOString() })
        .catch(() => job);
    };
    let result: ImportOutcome | undefined;
    try {
      result = await applyPupilImport(this.deps, person, prepared, progress);
    } finally {
      // Whatever happened, the job ends: a job stuck at "running" would block every later import.
      result ??= {
        status: 'failed',
        saved: done,
        total: job.total,
        exact: false,
        message: 'The import stopped part-way because of an unexpected error.',
      };
      const at = this.deps.clock.now().toISOString();
      await this.deps.stores.importJobs
        .update({
          ...job,
          lock: `ended ${job.id}`,
          state: result.status === 'imported' ? 'finished' : 'failed',
          done,
          result,
          updatedAt: at,
          finishedAt: at,
        })
        .catch((error: unknown) =>
          this.deps.log.warn(`Pupil import ${job.id}: its end could not be recorded (${error instanceof Error ? error.name : 'error'})`),
        );
    }
  }

  private stopped(job: ImportJobRecord): boolean {
    return job.state === 'running' && this.deps.clock.now().getTime() - Date.parse(job.updatedAt) > QUIET_MS;
  }
}

/** A running import whose server stopped, as it is reported and recorded. */
function stoppedJob<T extends ImportJobRecord>(job: T, at: string): T {
  return {
    ...job,
    lock: `ended ${job.id}`,
    state: 'failed',
    result: { status: 'failed', saved: job.done, total: job.total, exact: false, message: STOPPED_MESSAGE },
    finishedAt: at,
  };
}

function ignoreStale(error: unknown): void {
  if (!(error instanceof StaleRecordError)) throw error;
}

function view({ id, state, done, total, counts, startedAt, result }: ImportJobRecord): ImportJobView {
  return { id, state, done, total, counts, startedAt, ...(result ? { result } : {}) };
}
