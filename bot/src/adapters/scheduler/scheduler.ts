import type { Logger } from '../../app/app-deps';
import type { Clock } from '../../ports/clock.port';
import { nextRun, type Schedule } from './schedule';

/** setTimeout and clearTimeout, injectable so that tests can move time on. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A long sleep is cut into pieces, so a machine that slept or a clock that jumped is noticed. */
const MAX_SLEEP_MS = 15 * 60_000;

/**
 * Runs each job at its next local time, one job at a time. The time of each run is worked out
 * again from the clock after every wake-up, so clock changes (GMT/BST) and long sleeps are safe.
 * A job that is still running when its next time comes is not started twice.
 */
export class Scheduler {
  private handle: unknown;
  private stopped = true;
  private after: Date;

  constructor(
    private readonly schedules: Schedule[],
    private readonly runJob: (job: string, at: Date) => Promise<void>,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly log: Logger,
  ) {
    this.after = clock.now();
  }

  start(): void {
    this.stopped = false;
    this.after = this.clock.now();
    this.plan();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
  }

  /** The next time each job runs, for the logs. */
  upcoming(): { job: string; at: Date }[] {
    return this.schedules.map((schedule) => ({ job: schedule.job, at: nextRun(schedule, this.after) }));
  }

  private plan(): void {
    if (this.stopped) return;
    const next = Math.min(...this.schedules.map((schedule) => nextRun(schedule, this.after).getTime()));
    const wait = Math.max(0, Math.min(next - this.clock.now().getTime(), MAX_SLEEP_MS));
    this.handle = this.timers.set(() => void this.wake(), wait);
  }

  private async wake(): Promise<void> {
    const now = this.clock.now();
    const due = this.schedules.filter((schedule) => nextRun(schedule, this.after).getTime() <= now.getTime());
    for (const schedule of due) {
      if (this.stopped) return;
      try {
        await this.runJob(schedule.job, now);
      } catch (error) {
        this.log.error(`Scheduled job ${schedule.job} failed`, error);
      }
    }
    // Only times after this wake-up count from now on, so nothing runs twice for one slot.
    if (due.length > 0) this.after = now;
    this.plan();
  }
}
