/** The go-live checklist's 'jobs' item: the last run of each reminder job, from the shared leases. */
import { jobsCheck } from '../../../../bot/src/app/readiness/site-checks';
import type { JobRun } from '../../../../bot/src/domain/jobs/job-run';
import { schoolSchedules } from '../../../../bot/src/domain/jobs/schedule';
import { createSqliteStores } from '../../../../bot/src/adapters/sqlite/sqlite-stores';

const SCHEDULES = schoolSchedules('07:30');
const DAILY = SCHEDULES.filter((schedule) => 'on' in schedule && (schedule.on === 'weekdays' || schedule.on === 'daily')).map(
  (schedule) => schedule.job,
);

/** Every job last done for these slots (the digest for the Monday, the quarter-hourly jobs for the quarter-hour). */
function allDone(daily: string, monday: string, quarter: string, at: string): Omit<JobRun, 'id'>[] {
  const run = (job: string, slot: string): Omit<JobRun, 'id'> => ({
    job,
    slot,
    holder: 'web-1',
    startedAt: at,
    leaseUntil: at,
    finishedAt: at,
    outcome: 'done',
    lastDoneSlot: slot,
    lastDoneAt: at,
  });
  return [
    ...DAILY.map((job) => run(job, daily)),
    run('training-digest', monday),
    run('outbox-archive', monday),
    run('concern-notices', quarter),
    run('incident-timescales', quarter),
  ];
}

async function check(now: string, runs: Omit<JobRun, 'id'>[]) {
  const stores = createSqliteStores(':memory:');
  for (const run of runs) await stores.jobRuns.insert(run);
  const item = await jobsCheck(stores.jobRuns, SCHEDULES, { now: () => new Date(now) });
  await stores.close();
  return item;
}

describe('the reminder jobs on the go-live checklist', () => {
  it('is green when every job ran for its latest slot', async () => {
    const item = await check('2026-11-24T09:00:00Z', allDone('2026-11-24', '2026-11-23', '2026-11-24T09:00Z', '2026-11-24T07:31:00.000Z'));
    expect(item).toMatchObject({ level: 'green', found: 'All 11 reminder jobs ran when due (the daily ones last for 2026-11-24).' });
  });

  it('is amber before any job has run, naming each', async () => {
    const item = await check('2026-11-24T09:00:00Z', []);
    expect(item.level).toBe('amber');
    expect(item.found).toContain('training-reminders: has never run yet.');
    expect(item.found).toContain('concern-notices: has never run yet.');
  });

  it("is amber while today's run has not finished, red once a school day was missed", async () => {
    const yesterday = allDone('2026-11-23', '2026-11-23', '2026-11-24T07:45Z', '2026-11-23T07:31:00.000Z');
    expect(await check('2026-11-24T07:50:00Z', yesterday)).toMatchObject({
      level: 'amber',
      found: expect.stringContaining("policy-reviews: today's run has not finished yet (last done for 2026-11-23)."),
    });
    // Friday's run was the last; Monday's and Tuesday's were missed: red, with what to do.
    const friday = allDone('2026-11-20', '2026-11-16', '2026-11-24T07:45Z', '2026-11-20T07:31:00.000Z');
    const item = await check('2026-11-24T07:50:00Z', friday);
    expect(item.level).toBe('red');
    expect(item.found).toContain('waiting-nudges: has not run since 2026-11-20, missing 2 run(s).');
    expect(item.found).toContain('training-digest: has not run since 2026-11-16, missing 1 run(s).');
    expect(item.fix).toMatch(
      /^Look in the app's log for why training-reminders, policy-reviews, policy-reads, waiting-nudges, retention-review, takedowns, training-digest, outbox-archive, media-cleanup did not run/,
    );
  });

  it('is red when the quarter-hourly concern notices have not run for an hour, and names a failed try', async () => {
    const runs = allDone('2026-11-24', '2026-11-23', '2026-11-24T07:45Z', '2026-11-24T07:46:00.000Z').map((run) =>
      run.job === 'concern-notices'
        ? { ...run, slot: '2026-11-24T08:00Z', finishedAt: '2026-11-24T08:01:00.000Z', outcome: 'failed' as const }
        : run,
    );
    expect((await check('2026-11-24T08:20:00Z', runs)).level).toBe('green');
    const item = await check('2026-11-24T08:50:00Z', runs);
    expect(item.level).toBe('red');
    expect(item.found).toBe(
      'concern-notices: has not run since 2026-11-24T07:46:00.000Z (it runs every 15 minutes). Its last try, for 2026-11-24T08:00Z, failed at 2026-11-24T08:01:00.000Z; it is tried again every quarter of an hour.' +
        ' incident-timescales: has not run since 2026-11-24T07:46:00.000Z (it runs every 15 minutes).',
    );
  });
});
