/**
 * "Today" as the school counts it (Europe/London), not as UTC does: just after midnight in British
 * Summer Time the UTC date is still yesterday's, and a date typed as today was refused as "in the
 * future".
 */
import type { AppDeps } from '../../../bot/src/app/app-deps';
import { BackgroundTasks } from '../../../bot/src/app/background-tasks';
import type { Announce } from '../../../bot/src/app/reminders/announce';
import { reportIncident } from '../../../bot/src/app/report-incident';
import { logOwnTraining } from '../../../bot/src/app/training/record-training';
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { today } from '../../../bot/src/domain/calendar/zoned-time';

/** 00:30 on Monday 15 June 2026 in London; 23:30 on Sunday 14 June in UTC. */
const JUST_AFTER_MIDNIGHT_BST = new Date('2026-06-14T23:30:00Z');

async function setUp(now: Date) {
  const stores = createSqliteStores(':memory:');
  await stores.trainingRequirements.insert({
    requirementId: 'staff-online-safety',
    title: 'Online safety training',
    audience: 'staff',
    roles: ['staff'],
    rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 },
    policy: 's.11',
    retired: false,
  });
  const teacher = await stores.people.insert({ displayName: 'A Teacher', roles: ['staff'], aadObjectId: 'aad-teacher' });
  await stores.people.insert({ displayName: 'The DSL', roles: ['staff', 'dsl', 'onlineSafetyLead'], aadObjectId: 'aad-dsl' });
  const deps: AppDeps & { announce: Announce } = {
    stores,
    directory: new PeopleListDirectory(stores.people),
    notifier: { deliver: async () => new Map(), refreshCards: async () => undefined },
    clock: { now: () => now },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    background: new BackgroundTasks({ info: () => undefined, warn: () => undefined, error: () => undefined }),
    announce: async (_run, planned) => ({
      planned: planned.length,
      sent: planned.length,
      alreadyDone: 0,
      notInstalled: 0,
      blocked: 0,
      failed: 0,
      uncertain: 0,
    }),
  };
  return { deps, teacher };
}

describe('today at the school', () => {
  it.each([
    ['00:30 in summer (BST) is already the new day', '2026-06-14T23:30:00Z', '2026-06-15'],
    ['23:30 in summer is still the same day', '2026-06-15T22:30:00Z', '2026-06-15'],
    ['00:30 in winter (GMT) is the UTC day', '2026-11-30T00:30:00Z', '2026-11-30'],
  ])('%s', (_case, instant, expected) => {
    expect(today({ now: () => new Date(instant) })).toBe(expected);
  });

  it("accepts training done today when it is logged just after midnight in summer, and still refuses tomorrow's", async () => {
    const { deps, teacher } = await setUp(JUST_AFTER_MIDNIGHT_BST);
    expect(await logOwnTraining(deps, teacher, { completedOn: '2026-06-15', evidence: 'INSET certificate' })).toMatchObject({
      status: 'ok',
    });
    expect(await logOwnTraining(deps, teacher, { completedOn: '2026-06-16', evidence: 'INSET certificate' })).toEqual({
      status: 'invalid',
      message: 'The date cannot be in the future.',
    });
  });

  it('accepts a concern about something that happened today, reported just after midnight in summer', async () => {
    const { deps, teacher } = await setUp(JUST_AFTER_MIDNIGHT_BST);
    const form = {
      whatHappened: 'A message sent to a pupil late at night',
      occurredOn: '2026-06-15',
      where: 'platform',
      platform: 'WhatsApp',
      involved: 'pupil',
      category: 'cyberbullying',
    };
    expect(await reportIncident(deps, teacher, form, 'key-1')).toMatchObject({ status: 'ok' });
  });
});
