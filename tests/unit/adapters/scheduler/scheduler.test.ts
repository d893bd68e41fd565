/**
 * The scheduler with an injected clock and timers, across both 2026 clock changes (29 March and
 * 25 October): jobs run at the school's local time, once per slot, whatever UTC does; a restart
 * after the time catches the day up; a slot another instance holds is looked at again.
 */
import { nextRun, schoolSchedules, type Schedule } from '../../../../bot/src/domain/jobs/schedule';
import { Scheduler, type RunSlot, type Timers } from '../../../../bot/src/adapters/scheduler/scheduler';
import { localDate, localTime } from '../../../../bot/src/domain/calendar/zoned-time';

/** A clock that only moves when the test moves it, and timers that fire when it gets there. */
class FakeTime implements Timers {
  private pending: { at: number; callback: () => void; id: number }[] = [];
  private ids = 0;
  constructor(public now: number) {}
  readonly clock = { now: () => new Date(this.now) };
  set(callback: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.pending.push({ at: this.now + ms, callback, id });
    return id;
  }
  clear(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }
  /** Runs every timer due up to `until`, letting each tick's jobs finish (all pending promises settle) before the next. */
  async runUntil(until: number): Promise<void> {
    await settle();
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at);
      const next = this.pending[0];
      if (!next || next.at > until) break;
      this.pending.shift();
      this.now = Math.max(this.now, next.at);
      next.callback();
      await settle();
    }
    this.now = until;
  }
}

const quiet = { info() {}, warn() {}, error() {} };
/** The jobs that run every quarter of an hour, day and night. */
const FREQUENT = ['concern-notices', 'incident-timescales'];

/** One turn of the event loop: every promise the fake jobs made has settled (no time passes). */
const settle = () => new Promise<void>((done) => setImmediate(done));

async function runsBetween(
  schedules: Schedule[],
  from: string,
  to: string,
): Promise<{ job: string; slot: string; utc: string; local: string }[]> {
  const time = new FakeTime(Date.parse(from));
  const runs: { job: string; slot: string; utc: string; local: string }[] = [];
  const scheduler = new Scheduler(
    schedules,
    async (job, slot, at) => (runs.push({ job, slot, utc: at.toISOString(), local: `${localDate(at)} ${localTime(at)}` }), true),
    time.clock,
    time,
    quiet,
  );
  scheduler.start();
  await time.runUntil(Date.parse(to));
  scheduler.stop();
  return runs;
}

describe('the scheduler across clock changes', () => {
  it('runs a weekday job at 07:30 London time before and after the clocks go forward (29 March 2026)', async () => {
    const runs = await runsBetween(
      [{ job: 'training-reminders', on: 'weekdays', at: '07:30' }],
      '2026-03-26T00:00:00Z',
      '2026-04-01T00:00:00Z',
    );
    expect(runs.map((run) => [run.local, run.utc])).toEqual([
      ['2026-03-26 07:30', '2026-03-26T07:30:00.000Z'],
      ['2026-03-27 07:30', '2026-03-27T07:30:00.000Z'],
      ['2026-03-30 07:30', '2026-03-30T06:30:00.000Z'],
      ['2026-03-31 07:30', '2026-03-31T06:30:00.000Z'],
    ]);
  });

  it('runs at 07:30 London time when the clocks go back (25 October 2026), once a day', async () => {
    const runs = await runsBetween(
      [{ job: 'policy-reviews', on: 'weekdays', at: '07:30' }],
      '2026-10-22T23:00:00Z',
      '2026-10-28T00:00:00Z',
    );
    expect(runs.map((run) => run.utc)).toEqual(['2026-10-23T06:30:00.000Z', '2026-10-26T07:30:00.000Z', '2026-10-27T07:30:00.000Z']);
  });

  it('runs the weekly digest on Mondays only', async () => {
    const runs = await runsBetween([{ job: 'training-digest', on: 1, at: '07:30' }], '2026-03-20T00:00:00Z', '2026-04-07T00:00:00Z');
    expect(runs.map((run) => run.local)).toEqual(['2026-03-23 07:30', '2026-03-30 07:30', '2026-04-06 07:30']);
  });

  it('runs a job set at a time the clocks skip once, just after the jump', () => {
    expect(nextRun({ job: 'x', on: 'weekdays', at: '01:30' }, new Date('2026-03-29T00:00:00Z')).toISOString()).toBe(
      '2026-03-30T00:30:00.000Z',
    );
    expect(nextRun({ job: 'x', on: 1, at: '01:30' }, new Date('2026-03-22T00:00:00Z')).toISOString()).toBe('2026-03-23T01:30:00.000Z');
  });

  it('runs every daily school job once on a weekday, in order, and stops when told', async () => {
    const runs = (await runsBetween(schoolSchedules('08:00'), '2026-11-23T00:00:00Z', '2026-11-24T00:00:00Z')).filter(
      (run) => !FREQUENT.includes(run.job),
    );
    expect(runs.map((run) => run.job)).toEqual([
      'training-reminders',
      'policy-reviews',
      'policy-reads',
      'waiting-nudges',
      'retention-review',
      'takedowns',
      'training-digest',
      'outbox-archive',
      'media-cleanup',
    ]);
    expect(new Set(runs.map((run) => run.utc))).toEqual(new Set(['2026-11-23T08:00:00.000Z']));
  });

  it.each(FREQUENT)('runs %s every quarter of an hour, weekends and nights included', async (job) => {
    const runs = (await runsBetween(schoolSchedules('08:00'), '2026-11-28T00:00:00Z', '2026-11-29T00:00:00Z')).filter(
      (run) => run.job === job,
    );
    // The quarter-hour that has just begun when it starts, then each one to the next midnight, both included.
    expect(runs).toHaveLength(24 * 4 + 1);
    expect(runs.slice(0, 3).map((run) => run.slot)).toEqual(['2026-11-28T00:00Z', '2026-11-28T00:15Z', '2026-11-28T00:30Z']);
  });

  it('tries a job that failed again at the next tick, and carries on with the others meanwhile', async () => {
    const time = new FakeTime(Date.parse('2026-11-23T00:00:00Z'));
    const ran: string[] = [];
    const errors: string[] = [];
    let failures = 1;
    const scheduler = new Scheduler(
      schoolSchedules('07:30'),
      async (job) => {
        ran.push(`${job} ${localTime(time.clock.now())}`);
        if (job === 'training-reminders' && failures-- > 0) throw new Error('store down');
        return true;
      },
      time.clock,
      time,
      { ...quiet, error: (message: string) => void errors.push(message) },
    );
    scheduler.start();
    await time.runUntil(Date.parse('2026-11-24T00:00:00Z'));
    expect(ran.filter((run) => !FREQUENT.some((job) => run.startsWith(job)))).toEqual([
      'training-reminders 07:30',
      'policy-reviews 07:30',
      'policy-reads 07:30',
      'waiting-nudges 07:30',
      'retention-review 07:30',
      'takedowns 07:30',
      'training-digest 07:30',
      'outbox-archive 07:30',
      'media-cleanup 07:30',
      'training-reminders 07:45',
    ]);
    expect(errors).toEqual(['Scheduled job training-reminders failed; it is tried again at the next tick']);
  });

  it("runs today's slots at once when started after their time (a restart at 11:10 misses nothing)", async () => {
    const runs = await runsBetween(schoolSchedules('07:30'), '2026-11-24T11:10:00Z', '2026-11-24T11:20:00Z');
    expect(runs.filter((run) => !FREQUENT.includes(run.job)).map((run) => [run.job, run.slot, run.local])).toEqual([
      ['training-reminders', '2026-11-24', '2026-11-24 11:10'],
      ['policy-reviews', '2026-11-24', '2026-11-24 11:10'],
      ['policy-reads', '2026-11-24', '2026-11-24 11:10'],
      ['waiting-nudges', '2026-11-24', '2026-11-24 11:10'],
      ['retention-review', '2026-11-24', '2026-11-24 11:10'],
      ['takedowns', '2026-11-24', '2026-11-24 11:10'],
      ['media-cleanup', '2026-11-24', '2026-11-24 11:10'],
    ]);
    // Monday's digest is not run on Tuesday: a day missed altogether is covered by the next run.
    expect(runs.map((run) => run.job)).not.toContain('training-digest');
  });

  it('looks again at each tick while another instance holds a slot, and stops once it is settled', async () => {
    const time = new FakeTime(Date.parse('2026-11-23T07:29:00Z'));
    const asked: string[] = [];
    const heldUntil = Date.parse('2026-11-23T08:00:00Z');
    const runSlot: RunSlot = async (job) => {
      if (job === 'policy-reviews') asked.push(localTime(time.clock.now()));
      return job !== 'policy-reviews' || time.now >= heldUntil;
    };
    const scheduler = new Scheduler(schoolSchedules('07:30'), runSlot, time.clock, time, quiet);
    scheduler.start();
    await time.runUntil(Date.parse('2026-11-23T09:00:00Z'));
    scheduler.stop();
    expect(asked).toEqual(['07:30', '07:45', '08:00']);
  });
});
