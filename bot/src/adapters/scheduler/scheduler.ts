import type { Logger } from '../../app/app-deps';
import { dueSlot, nextRun, type Schedule, type Slot } from '../../domain/jobs/schedule';
import type { Clock } from '../../ports/clock.port';

/** setTimeout and clearTimeout, injectable so that tests can move time on. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Runs one slot of a job. True when the slot is settled (it ran here, or had already been done
 * anywhere); false when another instance holds it, so that the next tick looks again.
 */
export type RunSlot = (job: string, slot: Slot, at: Date) => Promise<boolean>;

/** A tick can take a while (a fan-out): who runs it, so shutdown and tests can wait for it. */
export type TickRunner = (work: () => Promise<void>) => void;

/** The longest sleep: a machine that slept or a clock that jumped is noticed within a quarter-hour. */
const MAX_SLEEP_MS = 15 * 60_000;

/**
 * On start and on every tick, runs each job's slot of today that is due and not yet settled, one
 * job after another: a restart at 07:35 runs the 07:30 jobs at once instead of missing the day,
 * and a slot that failed, or whose instance stopped mid-job, is tried again at the next tick. A
 * day missed altogether is not run the next day. The time of each tick is worked out again from
 * the clock after every wake-up, so clock changes (GMT/BST) and long sleeps are safe.
 */
export class Scheduler {
  private handle: unknown;
  private stopped = true;
  /** The latest slot of each job settled by this instance, so a settled slot costs no store read. */
  private readonly settled = new Map<string, Slot>();

  constructor(
    private readonly schedules: Schedule[],
    private readonly runSlot: RunSlot,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly log: Logger,
    private readonly runTick: TickRunner = (work) => void work(),
  ) {}

  start(): void {
    this.stopped = false;
    this.runTick(() => this.tick());
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
  }

  /** The next time each job runs, for the logs. */
  upcoming(): { job: string; at: Date }[] {
    return this.schedules.map((schedule) => ({ job: schedule.job, at: nextRun(schedule, this.clock.now()) }));
  }

  private async tick(): Promise<void> {
    for (const schedule of this.schedules) {
      if (this.stopped) return;
      const now = this.clock.now();
      const slot = dueSlot(schedule, now);
      if (slot === undefined || this.settled.get(schedule.job) === slot) continue;
      try {
        if (await this.runSlot(schedule.job, slot, now)) this.settled.set(schedule.job, slot);
      } catch (error) {
        this.log.error(`Scheduled job ${schedule.job} failed; it is tried again at the next tick`, error);
      }
    }
    this.plan();
  }

  private plan(): void {
    if (this.stopped) return;
    const now = this.clock.now().getTime();
    const next = Math.min(...this.schedules.map((schedule) => nextRun(schedule, new Date(now)).getTime()));
    this.handle = this.timers.set(() => this.runTick(() => this.tick()), Math.max(0, Math.min(next - now, MAX_SLEEP_MS)));
  }
}
