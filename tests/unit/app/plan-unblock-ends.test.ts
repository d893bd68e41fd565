/**
 * What the `unblock-ends` job plans on each school day for one unblock whose last day is Friday
 * 4 December 2026 (the demo school's term dates; weekends do not count): the ICT technician's
 * "Block … again" card from the last day, once; reminders to them after two more working days; the
 * online safety lead told once after five. Sending (once, through the outbox) is covered by
 * tests/integration/bot/unblock-period-flow.test.ts.
 */
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { planUnblockEnds } from '../../../bot/src/app/reminders/plan-unblock-ends';
import type { ReminderJobDeps } from '../../../bot/src/app/reminders/reminder-job-deps';
import { seedDemoSchool } from '../../../bot/src/app/seed-demo-school';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { DEFAULT_TIMESCALES } from '../../../bot/src/domain/incidents/incident-timescales';
import type { Stores } from '../../../bot/src/ports/stores.port';

/** [school day, what is planned: reason → the people it goes to, with its period]. */
const WEEK: [string, string[]][] = [
  ['2026-12-03', []],
  ['2026-12-04', ['unblock-ended Isaiah Langer ended-2026-12-04']],
  ['2026-12-05', []], // Saturday
  ['2026-12-07', ['unblock-ended Isaiah Langer ended-2026-12-04']],
  ['2026-12-08', ['unblock-ended Isaiah Langer ended-2026-12-04']],
  ['2026-12-09', ['unblock-ended Isaiah Langer ended-2026-12-04', 'nudge:unblock-ended Isaiah Langer wait-2026-12-04-0']],
  ['2026-12-11', ['unblock-ended Isaiah Langer ended-2026-12-04', 'nudge:unblock-ended Isaiah Langer wait-2026-12-04-1']],
  [
    '2026-12-14',
    [
      'unblock-ended Isaiah Langer ended-2026-12-04',
      'nudge:unblock-ended Isaiah Langer wait-2026-12-04-1',
      'escalate:unblock-ended Megan Bowen escalate-2026-12-04',
    ],
  ],
];

describe('the unblock-ends job on the demo school', () => {
  let stores: Stores;
  let deps: ReminderJobDeps;
  let forts: string;

  beforeAll(async () => {
    stores = createSqliteStores(':memory:');
    await seedDemoSchool(stores, new Date('2026-11-10T09:00:00Z'));
    deps = {
      stores,
      directory: new PeopleListDirectory(stores.people),
      consentMonthsAfterLeaving: 12,
      incidents: DEFAULT_TIMESCALES,
      media: { store: undefined as never, keepDays: 30 },
      fanOut: {} as ReminderJobDeps['fanOut'],
    };
    const priya = (await stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Priya Shah')!;
    const draft = newAccessRequest(
      {
        url: 'https://example.org/forts',
        siteContent: 's',
        reasons: 'r',
        risksAndControls: 'c',
        period: { from: '2026-11-30', to: '2026-12-04' },
        scope: { kind: 'wholeSchool' },
      },
      { personId: priya.id, name: priya.displayName },
      'k-ends',
      new Date('2026-11-26T10:00:00Z'),
    );
    forts = (await stores.accessRequests.insert({ ...draft, state: 'unblocked' })).id;
    // Opened before periods existed: nothing is planned for it, ever (the lead sets its last day).
    await stores.accessRequests.insert({
      ...newAccessRequest(
        { url: 'https://example.org/legacy', siteContent: 's', reasons: 'r', risksAndControls: 'c' },
        { personId: priya.id, name: priya.displayName },
        'k-legacy',
        new Date('2026-09-10T10:00:00Z'),
      ),
      state: 'unblocked',
    });
  });
  afterAll(() => stores.close());

  it.each(WEEK)('on %s', async (today, expected) => {
    // The demo school's own unblock (BBC Bitesize) has its own dates: only this one is looked at.
    const planned = (await planUnblockEnds(deps, today)).filter((reminder) => reminder.reason.endsWith(`:accessRequest:${forts}`));
    expect(
      planned.map((reminder) => `${reminder.reason.split(':accessRequest:')[0]} ${reminder.person.displayName} ${reminder.period}`),
    ).toEqual(expected);
  });

  it('says which site, for whom, and opens the request', async () => {
    const [card] = (await planUnblockEnds(deps, '2026-12-04')).filter((reminder) => reminder.reason.endsWith(`:accessRequest:${forts}`));
    expect(card!.message).toEqual({
      title: 'Block https://example.org/forts again',
      lines: [
        expect.stringMatching(/^The unblock from request A-\d+ has ended \(open for: Whole school\)\.$/),
        'Its last day was 4 December 2026.',
        'Block the site on the school filter, then mark it blocked again.',
      ],
      tone: 'warning',
      act: { label: 'Open the request', record: { recordType: 'accessRequest', recordId: forts } },
    });
  });
});
