/**
 * What waits for whom, per kind of record: each row is a record in one state and the people it
 * waits for, with the steps each of them may take on it. Everyone else in the school must not have
 * it in their list. The expected steps are written from the policy (s.4, s.9 and Appendix A, s.11),
 * not read from the rules under test.
 */
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import type { AppDeps } from '../../../bot/src/app/app-deps';
import { waitingFor, type Waiting } from '../../../bot/src/app/waiting/waiting-for';
import type { WaitingRecordType } from '../../../bot/src/app/waiting/waiting-item';
import { newAccessRequest, type AccessRequestState } from '../../../bot/src/domain/access/access-request';
import type { Person } from '../../../bot/src/domain/people/person';
import type { Role } from '../../../bot/src/domain/people/role';
import { newPostingRequest, type PostingState } from '../../../bot/src/domain/posting/posting-request';
import type { Stores } from '../../../bot/src/ports/stores.port';

const PEOPLE = {
  teacher: ['staff'],
  otherTeacher: ['staff'],
  lead: ['staff', 'onlineSafetyLead'],
  head: ['staff', 'headteacher'],
  ict: ['staff', 'ictTechnician'],
  dsl: ['staff', 'dsl'],
  accountOwner: ['staff', 'socialMediaStaff'],
  chair: ['governor', 'chairOfGovernors'],
} satisfies Record<string, Role[]>;
type Who = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Who[];

/** Who a record waits for, and the steps each of them is offered. */
type Expected = Partial<Record<Who, string[]>>;

const ACCESS: [AccessRequestState, Expected][] = [
  ['withOnlineSafetyLead', { lead: ['forward', 'return'] }],
  ['returnedToRequester', { teacher: ['withdraw', 'resubmit'] }],
  ['withHeadteacher', { head: ['approve', 'refuse'] }],
  ['approved', { ict: ['markDone'] }],
  ['refused', {}],
  // A site opened before unblocks had periods: the online safety lead sets its last day.
  ['unblocked', { lead: ['setEnd'] }],
  ['withdrawn', {}],
  ['reblocked', {}],
];

/**
 * Open unblocks on Tuesday 24 November 2026: from their last day the ICT technician blocks the site
 * again, and the lead sees it until then.
 */
const UNBLOCKS: [string, string | undefined, Expected][] = [
  ['an unblock before its last day', '2026-11-25', {}],
  ['an unblock on its last day', '2026-11-24', { ict: ['reblock'], lead: ['setEnd'] }],
  ['an unblock past its last day', '2026-11-20', { ict: ['reblock'], lead: ['setEnd'] }],
];

const POSTING: [PostingState, Expected][] = [
  ['checksFailed', { teacher: ['withdraw', 'resubmit'] }],
  ['withHeadteacher', { head: ['approve', 'refuse'] }],
  ['approved', { teacher: ['withdraw', 'confirmPosted'] }],
  ['refused', {}],
  ['posted', {}],
  ['withdrawn', {}],
];

/** Nobody decides their own: the only online safety lead's request goes to the headteacher, the headteacher's to the chair. */
const OWN: [string, Who, 'accessRequest' | 'postingRequest', string, Expected][] = [
  ["the online safety lead's own request to open a site", 'lead', 'accessRequest', 'withOnlineSafetyLead', { head: ['forward', 'return'] }],
  ["the headteacher's own request to open a site", 'head', 'accessRequest', 'withHeadteacher', { chair: ['approve', 'refuse'] }],
  ["the headteacher's own request to post", 'head', 'postingRequest', 'withHeadteacher', { chair: ['approve', 'refuse'] }],
];

const TAKEDOWNS: ['to do' | 'removed' | 'cannot be removed', Expected][] = [
  // The DSL may close any task, but one on someone else's account does not wait for them.
  ['to do', { accountOwner: ['removed', 'cannotBeRemoved'] }],
  ['removed', {}],
  ['cannot be removed', {}],
];

const TRAINING: [string, Who, 'awaitingConfirmation' | 'confirmed' | 'rejected', Expected][] = [
  ["a teacher's own training, logged", 'teacher', 'awaitingConfirmation', { lead: ['confirm', 'reject'] }],
  ["the online safety lead's own training, logged", 'lead', 'awaitingConfirmation', { head: ['confirm', 'reject'] }],
  ['training already confirmed', 'teacher', 'confirmed', {}],
  ['training not confirmed', 'teacher', 'rejected', {}],
];

describe('what waits for whom', () => {
  let stores: Stores;
  const people = {} as Record<Who, Person>;
  const waiting = {} as Record<Who, Waiting>;
  const ids = new Map<string, { recordType: WaitingRecordType; recordId: string }>();
  let minute = 0;
  /** Each record a minute after the one before, so "newest first" can be checked. */
  const next = () => new Date(Date.UTC(2026, 10, 24, 9, minute++)).toISOString();

  beforeAll(async () => {
    stores = createSqliteStores(':memory:');
    for (const who of EVERYONE) people[who] = await stores.people.insert({ displayName: `The ${who}`, roles: PEOPLE[who] });
    const form = { url: 'https://example.org/maths', siteContent: 'Maths games', reasons: 'Year 3', risksAndControls: 'Adverts' };
    const access = async (label: string, requester: Who, state: string, lastDay?: string) => {
      const at = next();
      const period = lastDay ? { period: { from: '2026-11-02', to: lastDay } } : {};
      const saved = await stores.accessRequests.insert({
        ...newAccessRequest(
          { ...form, ...period },
          { personId: people[requester].id, name: people[requester].displayName },
          label,
          new Date(at),
        ),
        state: state as AccessRequestState,
      });
      ids.set(label, { recordType: 'accessRequest', recordId: saved.id });
    };
    const posting = async (label: string, requester: Who, state: string) => {
      const details = {
        kind: 'parentReminder' as const,
        accountId: '1',
        accountLabel: 'X @RiversidePrimary',
        text: 'Trip slips back by Friday, please.',
        media: [],
        pupils: [],
        groupLabel: '',
        facesBlurred: false,
        postingDate: '2026-11-24',
      };
      const saved = await stores.postingRequests.insert({
        ...newPostingRequest(details, [], { personId: people[requester].id, name: people[requester].displayName }, label, new Date(next())),
        state: state as PostingState,
      });
      ids.set(label, { recordType: 'postingRequest', recordId: saved.id });
    };
    for (const [state] of ACCESS) await access(`access ${state}`, 'teacher', state);
    for (const [state] of POSTING) await posting(`posting ${state}`, 'teacher', state);
    for (const [label, requester, type, state] of OWN) await (type === 'accessRequest' ? access : posting)(label, requester, state);
    for (const [label, lastDay] of UNBLOCKS) await access(label, 'teacher', 'unblocked', lastDay);
    for (const [status] of TAKEDOWNS) {
      const task = await stores.takedowns.insert({
        postId: '1',
        pupilId: '1',
        media: 'images',
        noticeId: '1',
        ownerId: people.accountOwner.id,
        status,
        reason: status === 'cannot be removed' ? 'Deleted account' : '',
        updatedAt: next(),
      });
      ids.set(`takedown ${status}`, { recordType: 'takedown', recordId: task.id });
    }
    for (const [label, subject, status] of TRAINING) {
      const record = await stores.trainingRecords.insert({
        requirementId: 'staff-online-safety',
        audience: 'staff',
        subjectId: people[subject].id,
        subjectName: people[subject].displayName,
        completedOn: '2026-11-20',
        evidence: 'INSET',
        recordedById: people[subject].id,
        recordedByName: people[subject].displayName,
        recordedAt: next(),
        status,
      });
      ids.set(label, { recordType: 'trainingRecord', recordId: record.id });
    }
    const deps = {
      stores,
      directory: new PeopleListDirectory(stores.people),
      clock: { now: () => new Date('2026-11-24T12:00:00Z') },
      log: console,
    } as unknown as AppDeps;
    for (const who of EVERYONE) waiting[who] = await waitingFor(deps, people[who]);
  });
  afterAll(() => stores.close());

  /** For each person, the steps the record offers them in their list, or undefined when it is not there. */
  const listedFor = (label: string) => {
    const { recordType, recordId } = ids.get(label)!;
    return Object.fromEntries(
      EVERYONE.map((who) => [
        who,
        waiting[who].items.find((item) => item.recordType === recordType && item.recordId === recordId)?.steps,
      ]).filter(([, steps]) => steps),
    );
  };

  it.each(ACCESS)('an access request %s', (state, expected) => expect(listedFor(`access ${state}`)).toEqual(expected));
  it.each(POSTING)('a request to post %s', (state, expected) => expect(listedFor(`posting ${state}`)).toEqual(expected));
  it.each(OWN)('%s', (label, _requester, _type, _state, expected) => expect(listedFor(label)).toEqual(expected));
  it.each(UNBLOCKS)('%s (%s)', (label, _lastDay, expected) => expect(listedFor(label)).toEqual(expected));
  it.each(TAKEDOWNS)('a takedown task %s', (status, expected) => expect(listedFor(`takedown ${status}`)).toEqual(expected));
  it.each(TRAINING)('%s', (label, _subject, _status, expected) => expect(listedFor(label)).toEqual(expected));

  it('lists newest first, and counts each kind', () => {
    const lead = waiting.lead;
    const reference = (label: string) => `${label.startsWith('a teacher') ? 'TR' : 'A'}-${ids.get(label)!.recordId}`;
    expect(lead.items.map((item) => item.reference)).toEqual(
      [
        "a teacher's own training, logged",
        'an unblock past its last day',
        'an unblock on its last day',
        'access unblocked',
        'access withOnlineSafetyLead',
      ].map(reference),
    );
    expect(lead.counts).toEqual({
      accessRequest: 4,
      postingRequest: 0,
      takedown: 0,
      trainingRecord: 1,
      staffPersonalAccount: 0,
      pupilWifi: 0,
      accountPassword: 0,
      reviewAction: 0,
    });
    expect(waiting.head.counts).toEqual({
      accessRequest: 2,
      postingRequest: 1,
      takedown: 0,
      trainingRecord: 1,
      staffPersonalAccount: 0,
      pupilWifi: 0,
      accountPassword: 0,
      reviewAction: 0,
    });
    expect(waiting.otherTeacher).toEqual({
      items: [],
      counts: {
        accessRequest: 0,
        postingRequest: 0,
        takedown: 0,
        trainingRecord: 0,
        staffPersonalAccount: 0,
        pupilWifi: 0,
        accountPassword: 0,
        reviewAction: 0,
      },
    });
  });

  it('says what each item is about, who it comes from, and what the person needs to act from the list', () => {
    const training = waiting.lead.items.find((item) => item.recordType === 'trainingRecord')!;
    expect(training).toMatchObject({
      title: 'staff-online-safety',
      from: 'The teacher',
      facts: { completedOn: '2026-11-20', evidence: 'INSET' },
    });
    expect(waiting.head.items.find((item) => item.recordType === 'postingRequest')).toMatchObject({
      title: 'Trip slips back by Friday, please.',
      from: 'The teacher',
      facts: { account: 'X @RiversidePrimary' },
    });
    expect(waiting.accountOwner.items[0]).toMatchObject({
      recordType: 'takedown',
      title: '(the post is no longer in the register)',
      facts: { pupil: 'a pupil', media: 'images' },
    });
  });
});
