import type { Person } from '../domain/people/person';
import type { ColumnMapping } from '../domain/school/pupil-import';
import type { AppDeps } from './app-deps';
import { applyPupilImport, preparePupilImport, type ImportCounts, type ImportOutcome, type PrepareResult } from './import-pupils';

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

export type StartImportResult = Exclude<PrepareResult, { status: 'ready' }> | { status: 'busy'; message: string } | { status: 'started'; job: ImportJobView };

interface Job extends ImportJobView {
  ownerId: string;
  ownerName: string;
  finishedAt?: number;
}

/** Runs work after the answer has been sent (the app's BackgroundTasks). */
export interface Runner {
  run(description: string, work: () => Promise<void>): void;
}

/** Finished imports can be looked at for an hour, then they are forgotten. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

/**
 * Pupil imports as background jobs: on SharePoint 2,000 pupils take a hundred or more Graph round
 * trips, longer than a request should wait, so the tab polls for `done` of `total`. One import
 * runs at a time for the whole school, and a job is visible only to the person who started it.
 * Jobs live in this process's memory: a restart forgets them, and since an import matches pupils
 * by reference, running the same file again finishes the work without duplicates.
 */
export class PupilImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly deps: AppDeps,
    private readonly background: Runner,
    private readonly newId: () => string,
  ) {}

  /** Checks the file (errors come back at once, nothing written) and starts writing a clean one. */
  async start(person: Person, csv: string, mapping: ColumnMapping | undefined): Promise<StartImportResult> {
    const checked = await preparePupilImport(this.deps, person, csv, mapping);
    if (checked.status !== 'ready') return checked;
    const running = [...this.jobs.values()].find((job) => job.state === 'running');
    if (running) {
      return { status: 'busy', message: `An import started by ${running.ownerName} is still running (${running.done} of ${running.total} changes saved). Wait for it to finish, then import again.` };
    }
    this.forgetOld();
    const { prepared } = checked;
    const total = prepared.counts.create + prepared.counts.update + prepared.counts.leave;
    const job: Job = { id: this.newId(), state: 'running', done: 0, total, counts: prepared.counts, startedAt: this.deps.clock.now().toISOString(), ownerId: person.id, ownerName: person.displayName };
    this.jobs.set(job.id, job);
    this.background.run('pupil import', async () => {
      try {
        job.result = await applyPupilImport(this.deps, person, prepared, (done) => void (job.done = done));
      } finally {
        // Whatever happened, the job ends: a job stuck at "running" would block every later import.
        job.result ??= { status: 'failed', saved: job.done, total, exact: false, message: 'The import stopped part-way because of an unexpected error.' };
        job.state = job.result.status === 'imported' ? 'finished' : 'failed';
        job.finishedAt = this.deps.clock.now().getTime();
      }
    });
    return { status: 'started', job: view(job) };
  }

  /** The job, for the person who started it only. */
  status(person: Pick<Person, 'id'>, jobId: string): ImportJobView | undefined {
    const job = this.jobs.get(jobId);
    return job && job.ownerId === person.id ? view(job) : undefined;
  }

  private forgetOld(): void {
    const now = this.deps.clock.now().getTime();
    for (const [id, job] of this.jobs) if (job.finishedAt !== undefined && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}

function view({ id, state, done, total, counts, startedAt, result }: Job): ImportJobView {
  return { id, state, done, total, counts, startedAt, ...(result ? { result } : {}) };
}
