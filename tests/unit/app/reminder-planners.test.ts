/**
 * What each reminder job plans for a given school day, on the demo school in SQLite: who is
 * nudged about what (more than two working days, s.4 takedowns until closed), training due and
 * overdue (s.11), and the policy review (s.2, s.12). Sending is covered by the fan-out tests.
 */
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { planPolicyReviews } from '../../../bot/src/app/reminders/plan-policy-reviews';
import { planRetentionReview } from '../../../bot/src/app/reminders/plan-retention-review';
import { planTrainingDigest } from '../../../bot/src/app/reminders/plan-training-digest';
import { planTrainingReminders } from '../../../bot/src/app/reminders/plan-training-reminders';
import { planWaitingNudges } from '../../../bot/src/app/reminders/plan-waiting-nudges';
import type { ReminderJobDeps } from '../../../bot/src/app/reminders/reminder-job-deps';
import { seedDemoSchool } from '../../../bot/src/app/seed-demo-school';
import { DEFAULT_TIMESCALES } from '../../../bot/src/domain/incidents/incident-timescales';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import { newPostingRequest } from '../../../bot/src/domain/posting/posting-request';
import type { Stores } from '../../../bot/src/ports/stores.port';

describe('reminder planners on the demo school', () => {
  let stores: Stores;
  let deps: ReminderJobDeps;
  const id = async (name: string) => (await stores.people.find({ limit: 50 })).items.find((p) => p.displayName === name)!.id;

  beforeEach(async () => {
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
  });
  afterEach(() => stores.close());

  it("nudges the headteacher about a request waiting more than two working days, with the request's own card", async () => {
    const priya = await id('Priya Shah');
    const draft = newAccessRequest(
      { url: 'https://example.org/', siteContent: 's', reasons: 'r', risksAndControls: 'c' },
      { personId: priya, name: 'Priya Shah' },
      'k-nudge',
      new Date('2026-11-19T10:00:00Z'),
    );
    const request = await stores.accessRequests.insert({ ...draft, state: 'withHeadteacher', updatedAt: '2026-11-19T10:00:00.000Z' });
    const on = async (today: string) =>
      (await planWaitingNudges(deps, today)).filter((p) => p.reason.startsWith(`nudge:accessRequest:${request.id}:`));
    expect(await on('2026-11-23')).toEqual([]); // Friday and Monday: two working days
    const tuesday = await on('2026-11-24');
    expect(tuesday.map((p) => p.person.displayName)).toEqual(['Adele Vance']);
    expect(tuesday[0]!.message.act).toEqual({ label: 'Open the request', record: { recordType: 'accessRequest', recordId: request.id } });
    expect(tuesday[0]!.message.lines).toContain('It has waited 3 working days.');
    expect((await on('2026-11-25'))[0]!.period).toBe(tuesday[0]!.period);
    expect((await on('2026-11-26'))[0]!.period).not.toBe(tuesday[0]!.period);
    expect(await on('2026-11-28')).toEqual([]); // a Saturday
  });

  it('tells the chair of governors, once, when a request has waited on the headteacher three working days more', async () => {
    const priya = await id('Priya Shah');
    const draft = newAccessRequest(
      { url: 'https://example.org/', siteContent: 's', reasons: 'r', risksAndControls: 'c' },
      { personId: priya, name: 'Priya Shah' },
      'k-escalate',
      new Date('2026-11-19T10:00:00Z'),
    );
    const request = await stores.accessRequests.insert({ ...draft, state: 'withHeadteacher', updatedAt: '2026-11-19T10:00:00.000Z' });
    const told = async (today: string) =>
      (await planWaitingNudges(deps, today)).filter((p) => p.reason.startsWith(`escalate:accessRequest:${request.id}:`));
    expect(await told('2026-11-26')).toEqual([]); // five working days: the headteacher is reminded, nobody else told
    const friday = await told('2026-11-27');
    expect(friday.map((p) => [p.person.displayName, p.message.lines])).toEqual([
      ['Linda Davis', ['https://example.org/', 'It has waited 6 working days.']],
    ]);
    expect(friday[0]!.message.act).toEqual({ label: 'Open the request', record: { recordType: 'accessRequest', recordId: request.id } });
    expect((await told('2026-12-01'))[0]!.period).toBe(friday[0]!.period); // the same message: the outbox sends it once
  });

  it('reminds the requester to post an approved post, but not to fix one that failed its checks (they may let it go)', async () => {
    const alex = await id('Alex Wilber');
    const details = {
      kind: 'parentReminder' as const,
      accountId: '1',
      accountLabel: 'X @RiversidePrimary',
      text: 'Trip slips',
      media: [],
      pupils: [],
      groupLabel: '',
      facesBlurred: false,
      postingDate: '2026-11-19',
    };
    const ids: Record<string, string> = {};
    for (const state of ['approved', 'checksFailed'] as const) {
      ids[state] = (
        await stores.postingRequests.insert({
          ...newPostingRequest(details, [], { personId: alex, name: 'Alex Wilber' }, `k-post-${state}`, new Date('2026-11-19T10:00:00Z')),
          state,
          updatedAt: '2026-11-19T10:00:00.000Z',
        })
      ).id;
    }
    const planned = (await planWaitingNudges(deps, '2026-11-24')).filter((p) => p.reason.startsWith('nudge:postingRequest:'));
    expect(planned.map((p) => [p.reason, p.person.displayName])).toEqual([
      [`nudge:postingRequest:${ids.approved}:approved`, 'Alex Wilber'],
    ]);
  });

  it('reads the term dates from School settings: with none for the school year, weekdays in the holidays count, so nudges carry on', async () => {
    const priya = await id('Priya Shah');
    const draft = newAccessRequest(
      { url: 'https://example.org/', siteContent: 's', reasons: 'r', risksAndControls: 'c' },
      { personId: priya, name: 'Priya Shah' },
      'k-holiday',
      new Date('2026-12-17T10:00:00Z'),
    );
    const request = await stores.accessRequests.insert({ ...draft, state: 'withHeadteacher', updatedAt: '2026-12-17T10:00:00.000Z' });
    const nudged = async () =>
      (await planWaitingNudges(deps, '2026-12-23')).some((p) => p.reason.startsWith(`nudge:accessRequest:${request.id}:`));
    expect(await nudged()).toBe(false); // the Christmas holiday of 2026-27
    const dates = (await stores.termDates.find({ limit: 1 })).items[0]!;
    await stores.termDates.update({
      ...dates,
      terms: dates.terms.filter((term) => term.start < '2026-08-01'),
      closures: dates.closures.filter((closure) => closure.start < '2026-08-01'),
    });
    expect(await nudged()).toBe(true); // 18, 21, 22 and 23 December are weekdays of a year with no dates
  });

  it('reminds the account owner of a takedown task until it is closed (s.4)', async () => {
    const patti = await id('Patti Fernandez');
    const task = await stores.takedowns.insert({
      postId: '1',
      pupilId: '1',
      media: 'images',
      noticeId: '1',
      ownerId: patti,
      status: 'to do',
      reason: '',
      updatedAt: '2026-11-16T09:00:00.000Z',
    });
    const nudges = (await planWaitingNudges(deps, '2026-11-25')).filter((p) => p.reason === `nudge:takedown:${task.id}`);
    expect(nudges.map((p) => [p.person.displayName, p.message.act?.record?.recordId])).toEqual([['Patti Fernandez', task.id]]);
    await stores.takedowns.update({ ...task, status: 'removed' });
    expect((await planWaitingNudges(deps, '2026-11-25')).filter((p) => p.reason === `nudge:takedown:${task.id}`)).toEqual([]);
  });

  it('reminds staff whose training is due within 30 days once per due date, and overdue staff once a week', async () => {
    const priya = await id('Priya Shah');
    await stores.trainingRecords.insert({
      requirementId: 'staff-online-safety',
      audience: 'staff',
      subjectId: priya,
      subjectName: 'Priya Shah',
      completedOn: '2025-12-10',
      evidence: '',
      recordedById: priya,
      recordedByName: 'Priya Shah',
      recordedAt: '',
      status: 'confirmed',
    });
    const tom = await id("Tom O'Neill");
    await stores.trainingRecords.insert({
      requirementId: 'staff-online-safety',
      audience: 'staff',
      subjectId: tom,
      subjectName: "Tom O'Neill",
      completedOn: '2025-10-01',
      evidence: '',
      recordedById: tom,
      recordedByName: "Tom O'Neill",
      recordedAt: '',
      status: 'confirmed',
    });
    const planned = await planTrainingReminders(deps, '2026-11-25');
    const forPerson = (name: string) => planned.find((p) => p.person.displayName === name)!;
    expect([forPerson('Priya Shah').reason, forPerson('Priya Shah').period]).toEqual([
      'training-due:staff-online-safety',
      'due-2026-12-10',
    ]);
    expect([forPerson("Tom O'Neill").reason, forPerson("Tom O'Neill").period]).toEqual([
      'training-overdue:staff-online-safety',
      '2026-W48',
    ]);
    // A governor is reminded of the governors' training only, and the button opens the Governance page.
    expect(planned.filter((p) => p.person.displayName === 'Linda Davis').map((p) => [p.reason, p.message.act?.tabView])).toEqual([
      ['training-due:governor-online-safety', 'governance'],
    ]);
    expect(forPerson('Priya Shah').message.act?.tabView).toBe('training');
  });

  it('sends the online safety lead a digest naming who blocked the app or never installed it', async () => {
    const entry = {
      run: 'r',
      reason: 'training-overdue:staff-online-safety',
      period: '2026-W48',
      message: { title: 't', lines: [], tone: 'warning' as const },
      attempts: 1,
      createdAt: '2026-11-24T07:30:00.000Z',
      updatedAt: '2026-11-24T07:30:05.000Z',
    };
    await stores.outbox.insert({ ...entry, key: 'a', personId: await id('Sam Okafor'), personName: 'Sam Okafor', status: 'blocked' });
    await stores.outbox.insert({ ...entry, key: 'b', personId: await id('Priya Shah'), personName: 'Priya Shah', status: 'notInstalled' });
    await stores.outbox.insert({
      ...entry,
      key: 'c',
      personId: await id('Alex Wilber'),
      personName: 'Alex Wilber',
      status: 'blocked',
      updatedAt: '2026-11-01T07:30:00.000Z',
    });
    const digest = await planTrainingDigest(deps, '2026-11-25');
    expect(digest.map((p) => p.person.displayName)).toEqual(['Megan Bowen']);
    expect(digest[0]!.message.lines).toEqual(
      expect.arrayContaining([
        'Sam Okafor has blocked or removed the app in Teams.',
        'Priya Shah has not opened Online Safety Desk in Teams.',
      ]),
    );
    expect(digest[0]!.message.lines.join('\n')).not.toContain('Alex Wilber has blocked'); // older than a week
    // A notice about a concern is never listed: that it was sent is itself about the concern.
    await stores.outbox.insert({
      ...entry,
      key: 'd',
      reason: 'concern:7',
      period: 'new',
      personId: await id('Linda Davis'),
      personName: 'Linda Davis',
      status: 'notInstalled',
    });
    expect((await planTrainingDigest(deps, '2026-11-25'))[0]!.message.lines.join('\n')).not.toContain('Linda Davis');
  });

  it("reminds each review's own reviewers: the headteacher and the lead of theirs (overdue, s.12), the governors of the board's (due within 30 days, s.2)", async () => {
    const reviews = await planPolicyReviews(deps, '2026-11-25');
    const forReview = (id: string) => reviews.filter((p) => p.reason.endsWith(`:${id}`));
    expect(forReview('review-1').map((p) => [p.person.displayName, p.period, p.message.title])).toEqual([
      ['Adele Vance', 'overdue-2026-W48', 'A policy review is overdue'],
      ['Megan Bowen', 'overdue-2026-W48', 'A policy review is overdue'],
    ]);
    expect(forReview('review-2').map((p) => [p.person.displayName, p.period, p.message.title])).toEqual([
      ['Linda Davis', '2026-12-10-30d', 'A policy review is coming up'],
      ['Mark Green', '2026-12-10-30d', 'A policy review is coming up'],
    ]);
    expect(forReview('review-2')[0]!.message.lines[0]).toBe(
      'The Social Media Policy is due for review (Governing board) on 10 December 2026, in 15 days.',
    );
  });

  it('says nothing about a retired policy, or a related policy nobody reviews here', async () => {
    const policy = (await stores.policies.find({ limit: 1 })).items[0]!;
    await stores.policies.update({ ...policy, retiredOn: '2026-11-01' });
    expect(await planPolicyReviews(deps, '2026-11-25')).toEqual([]);
  });

  it('counts an incident due for retention review only for those who may see it: never a concern about the headteacher for the headteacher (s.8)', async () => {
    const base = {
      whatHappened: 'x',
      occurredOn: '2004-11-01',
      where: 'platform' as const,
      platform: '',
      category: 'other' as const,
      reporterId: '1',
      reporterName: 'A',
      reportedAt: '2004-11-02T09:00:00Z',
      status: 'closed' as const,
      updatedAt: '2004-11-02T09:00:00Z',
    };
    await stores.incidents.insert({ ...base, submissionKey: 'old-1', involved: 'pupil', routedTo: 'dsl', aboutHeadteacher: false });
    await stores.incidents.insert({
      ...base,
      submissionKey: 'old-2',
      involved: 'headteacher',
      routedTo: 'chairOfGovernors',
      aboutHeadteacher: true,
    });
    const lines = async () =>
      Object.fromEntries((await planRetentionReview(deps, '2026-11-25')).map((p) => [p.person.displayName, p.message.lines.join(' | ')]));
    expect(await lines()).toEqual({
      'Adele Vance': expect.stringContaining('1 × incident (review by the dsl)'),
      'Patti Fernandez': expect.stringContaining('2 × incident (review by the dsl)'),
    });
    // A headteacher who is also the DSL still never counts the concern about them.
    const adele = (await stores.people.find({ limit: 50 })).items.find((p) => p.displayName === 'Adele Vance')!;
    await stores.people.update({ ...adele, roles: [...adele.roles, 'dsl'] });
    expect((await lines())['Adele Vance']).toContain('1 × incident');
  });

  it("asks the headteacher, not the lead, to confirm the lead's own logged training in the weekly digest", async () => {
    const megan = await id('Megan Bowen');
    await stores.trainingRecords.insert({
      requirementId: 'staff-online-safety',
      audience: 'staff',
      subjectId: megan,
      subjectName: 'Megan Bowen',
      completedOn: '2026-11-20',
      evidence: '',
      recordedById: megan,
      recordedByName: 'Megan Bowen',
      recordedAt: '',
      status: 'awaitingConfirmation',
    });
    const digest = Object.fromEntries(
      (await planTrainingDigest(deps, '2026-11-25')).map((p) => [p.person.displayName, p.message.lines.join(' | ')]),
    );
    expect(digest['Megan Bowen']).not.toMatch(/waiting for you to confirm/);
    expect(digest['Adele Vance']).toMatch(/1 completion\(s\) logged by an online safety lead are waiting for you to confirm/);
  });
});
