/** Who runs a job's slot when several instances reach for it: one table, one row per situation. */
import { leaseDecision, type JobRun } from '../../../../bot/src/domain/jobs/job-run';
import { dueSlot, leaseMinutes, nextRun, recentSlots, schoolSchedules, slotNow } from '../../../../bot/src/domain/jobs/schedule';

const NOW = new Date('2026-11-23T08:00:00Z');
const LATER = '2026-11-23T08:20:00.000Z';
const EARLIER = '2026-11-23T07:50:00.000Z';

type Record = Pick<JobRun, 'slot' | 'finishedAt' | 'outcome' | 'leaseUntil' | 'lastDoneSlot'>;
const record = (fields: Partial<Record>): Record => ({ slot: '2026-11-23', leaseUntil: LATER, ...fields });

describe('taking a slot', () => {
  it.each<[string, Record | undefined, string, ReturnType<typeof leaseDecision>]>([
    ['the job never ran anywhere', undefined, '2026-11-23', 'create'],
    [
      'yesterday finished: today is free',
      record({
        slot: '2026-11-20',
        finishedAt: '2026-11-20T07:31:00Z',
        outcome: 'done',
        lastDoneSlot: '2026-11-20',
        leaseUntil: '2026-11-20T08:00:00Z',
      }),
      '2026-11-23',
      'take',
    ],
    ['another instance is running today, its lease still good', record({}), '2026-11-23', 'held'],
    ['its holder stopped mid-job and the lease ran out', record({ leaseUntil: EARLIER }), '2026-11-23', 'take'],
    ['its lease runs out this very moment', record({ leaseUntil: NOW.toISOString() }), '2026-11-23', 'take'],
    [
      'today already finished',
      record({ finishedAt: '2026-11-23T07:31:00Z', outcome: 'done', lastDoneSlot: '2026-11-23' }),
      '2026-11-23',
      'done',
    ],
    [
      'today failed: the next try takes it',
      record({ finishedAt: '2026-11-23T07:31:00Z', outcome: 'failed', lastDoneSlot: '2026-11-20' }),
      '2026-11-23',
      'take',
    ],
    ['the job has moved on to a later quarter-hour', record({ slot: '2026-11-23T08:00Z' }), '2026-11-23T07:45Z', 'done'],
    [
      'a later run is under way elsewhere: an earlier slot is not run',
      record({ slot: '2026-11-24', leaseUntil: EARLIER, finishedAt: undefined }),
      '2026-11-23',
      'done',
    ],
  ])('%s → %s … %s', (_, current, slot, decision) => {
    expect(leaseDecision(current, slot, NOW)).toBe(decision);
  });
});

describe('slots', () => {
  const schedules = schoolSchedules('07:30');
  const named = (job: string) => schedules.find((schedule) => schedule.job === job);
  const [reminders, digest, concerns] = [named('training-reminders'), named('training-digest'), named('concern-notices')];

  it.each([
    ['Monday 07:29 London', '2026-11-23T07:29:00Z', undefined, '2026-11-23T07:15Z'],
    ['Monday 07:30 London', '2026-11-23T07:30:00Z', '2026-11-23', '2026-11-23T07:30Z'],
    ['Monday 16:00 London (a restart in the afternoon catches up)', '2026-11-23T16:00:00Z', '2026-11-23', '2026-11-23T16:00Z'],
    ['Saturday 09:00', '2026-11-28T09:00:00Z', undefined, '2026-11-28T09:00Z'],
    ['a summer Monday 07:30 BST (06:30 UTC)', '2026-06-01T06:30:00Z', '2026-06-01', '2026-06-01T06:30Z'],
  ])('%s: the daily slot due is %s', (_, at, daily, quarter) => {
    expect(dueSlot(reminders!, new Date(at))).toBe(daily);
    expect(dueSlot(concerns!, new Date(at))).toBe(quarter);
  });

  it("gives a run started by hand today's slot, whatever the time", () => {
    expect(slotNow(reminders!, new Date('2026-11-23T06:00:00Z'))).toBe('2026-11-23');
    expect(slotNow(concerns!, new Date('2026-11-23T06:07:00Z'))).toBe('2026-11-23T06:00Z');
  });

  it('lists the slots whose time has come, latest first, skipping days the job does not run', () => {
    expect(recentSlots(reminders!, new Date('2026-11-23T07:00:00Z'), 3)).toEqual(['2026-11-20', '2026-11-19', '2026-11-18']);
    expect(recentSlots(digest!, new Date('2026-11-25T07:00:00Z'), 2)).toEqual(['2026-11-23', '2026-11-16']);
    expect(recentSlots(concerns!, new Date('2026-11-23T07:50:00Z'), 2)).toEqual(['2026-11-23T07:45Z', '2026-11-23T07:30Z']);
  });

  it('counts a slot whose time is exactly now', () => {
    expect(recentSlots(reminders!, new Date('2026-11-23T07:30:00Z'), 1)).toEqual(['2026-11-23']);
  });

  it('runs a daily job on a Saturday too (files past their keeping period are deleted every day)', () => {
    expect(
      dueSlot(
        schedules.find((schedule) => schedule.job === 'media-cleanup')!,
        new Date('2026-11-28T09:00:00Z'),
      ),
    ).toBe('2026-11-28');
  });

  it('holds a daily slot for half an hour and a quarter-hour slot for ten minutes', () => {
    expect([leaseMinutes(reminders!), leaseMinutes(concerns!)]).toEqual([30, 10]);
  });
});

describe('the next run', () => {
  const named = (job: string) => schoolSchedules('07:30').find((schedule) => schedule.job === job)!;
  const [reminders, digest, concerns] = [named('training-reminders'), named('training-digest'), named('concern-notices')];

  it.each<[string, string, string, string]>([
    ['a weekday job, Monday just before its time', 'training-reminders', '2026-11-23T07:29:59Z', '2026-11-23T07:30:00.000Z'],
    ['a weekday job, at its time: the next day', 'training-reminders', '2026-11-23T07:30:00Z', '2026-11-24T07:30:00.000Z'],
    ['a weekday job, Friday after its time: Monday', 'training-reminders', '2026-11-20T08:00:00Z', '2026-11-23T07:30:00.000Z'],
    ['a weekday job in summer: 07:30 BST is 06:30 UTC', 'training-reminders', '2026-06-01T05:00:00Z', '2026-06-01T06:30:00.000Z'],
    [
      'the Monday digest, on a Monday after its time: the next Monday',
      'training-digest',
      '2026-11-23T07:30:00Z',
      '2026-11-30T07:30:00.000Z',
    ],
    ['concerns, between quarter-hours', 'concern-notices', '2026-11-28T08:07:12Z', '2026-11-28T08:15:00.000Z'],
    ['concerns, on a quarter-hour: the next one', 'concern-notices', '2026-11-28T08:15:00Z', '2026-11-28T08:30:00.000Z'],
  ])('%s', (_case, job, after, expected) => {
    const schedule = [reminders!, digest!, concerns!].find((candidate) => candidate.job === job)!;
    expect(nextRun(schedule, new Date(after)).toISOString()).toBe(expected);
  });

  it('the school jobs, each with its own schedule', () => {
    expect(schoolSchedules('07:30')).toEqual([
      { job: 'training-reminders', on: 'weekdays', at: '07:30' },
      { job: 'policy-reviews', on: 'weekdays', at: '07:30' },
      { job: 'policy-reads', on: 'weekdays', at: '07:30' },
      { job: 'waiting-nudges', on: 'weekdays', at: '07:30' },
      { job: 'unblock-ends', on: 'weekdays', at: '07:30' },
      { job: 'retention-review', on: 'weekdays', at: '07:30' },
      { job: 'takedowns', on: 'weekdays', at: '07:30' },
      { job: 'training-digest', on: 1, at: '07:30' },
      { job: 'outbox-archive', on: 1, at: '07:30' },
      { job: 'media-cleanup', on: 'daily', at: '07:30' },
      { job: 'concern-notices', everyMinutes: 15 },
      { job: 'incident-timescales', everyMinutes: 15 },
    ]);
  });
});
