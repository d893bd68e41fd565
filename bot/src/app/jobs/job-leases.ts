import { leaseDecision, type JobRun } from '../../domain/jobs/job-run';
import type { Slot } from '../../domain/jobs/schedule';
import { DuplicateRecordError, StaleRecordError, type Versioned } from '../../ports/collection.port';
import type { Clock } from '../../ports/clock.port';
import type { JobRunCollection } from '../../ports/stores.port';
import type { Logger } from '../app-deps';

/** Whether this instance got the slot, and if not, why not. */
export type Claim = { status: 'claimed'; run: Versioned<JobRun> } | { status: 'done' | 'held'; run: JobRun };

/**
 * Leases on scheduled jobs, kept in the store so that every instance of the app sees them: a slot
 * is run by the one instance whose create or conditional update succeeds. Two instances reaching
 * at once both read the same record; only one write can win (a unique job name on create, the
 * version or ETag on update), and the loser reads the winner's record and stands aside.
 */
export class JobLeases {
  constructor(
    private readonly runs: JobRunCollection,
    private readonly clock: Clock,
    /** This instance, as the records name it. */
    private readonly holder: string,
    private readonly log: Logger,
  ) {}

  async claim(job: string, slot: Slot, leaseMinutes: number): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = (await this.runs.find({ where: { job }, limit: 1 })).items[0];
      const decision = leaseDecision(current, slot, this.clock.now());
      if (decision === 'done' || decision === 'held') return { status: decision, run: current! };
      const now = this.clock.now();
      const lease = {
        slot,
        holder: this.holder,
        startedAt: now.toISOString(),
        leaseUntil: new Date(now.getTime() + leaseMinutes * 60_000).toISOString(),
      };
      try {
        if (!current) return { status: 'claimed', run: await this.runs.insert({ job, ...lease }) };
        const { finishedAt: _finished, outcome: _outcome, ...rest } = current;
        if (!current.finishedAt && current.slot === slot)
          this.log.warn(`Job ${job}: taking over ${slot} from ${current.holder}, which stopped before finishing`);
        return { status: 'claimed', run: await this.runs.update({ ...rest, ...lease }) };
      } catch (error) {
        // Another instance got there first: look again at what it wrote.
        if (!(error instanceof DuplicateRecordError || error instanceof StaleRecordError)) throw error;
      }
    }
    const current = (await this.runs.find({ where: { job }, limit: 1 })).items[0]!;
    return { status: 'held', run: current };
  }

  /**
   * Records how the slot ended. If the lease was taken over meanwhile (this instance was too slow),
   * the other instance's record stands: nothing is lost, as the outbox sends no message twice.
   */
  async finish(run: Versioned<JobRun>, outcome: 'done' | 'failed'): Promise<void> {
    const at = this.clock.now().toISOString();
    try {
      await this.runs.update({
        ...run,
        finishedAt: at,
        outcome,
        ...(outcome === 'done' ? { lastDoneSlot: run.slot, lastDoneAt: at } : {}),
      });
    } catch (error) {
      if (!(error instanceof StaleRecordError)) throw error;
      this.log.warn(`Job ${run.job}: ${run.slot} was taken over by another instance before this one finished`);
    }
  }
}
