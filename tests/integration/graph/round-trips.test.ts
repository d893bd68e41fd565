/**
 * How many Graph round trips each use case costs on SharePoint, counted against the Graph
 * stand-in. A count is deterministic (unlike a time), so the targets `npm run bench` prints are
 * asserted here; each round trip is 50–300 ms and counts against the school's throttling budget.
 */
import type { AppDeps } from '../../../bot/src/app/app-deps';
import { BackgroundTasks } from '../../../bot/src/app/background-tasks';
import type { Notifier } from '../../../bot/src/ports/notifier.port';
import { importPupils } from '../../../bot/src/app/import-pupils';
import { recordConsent } from '../../../bot/src/app/record-consent';
import { planTrainingDigest } from '../../../bot/src/app/reminders/plan-training-digest';
import { DEFAULT_TIMESCALES } from '../../../bot/src/domain/incidents/incident-timescales';
import type { ReminderJobDeps } from '../../../bot/src/app/reminders/reminder-job-deps';
import { seedDemoSchool } from '../../../bot/src/app/seed-demo-school';
import { toFields } from '../../../bot/src/adapters/graph/sharepoint/field-mapping';
import { cardActionInvoke, teamsUser } from '../../fixtures/teams-activities';
import { sharePointSchool } from '../../../bench/sharepoint-school';
import { TestApp } from '../../fixtures/test-app';
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { LISTS } from '../../../bot/src/adapters/graph/sharepoint/lists';
import type { Person } from '../../../bot/src/domain/people/person';
import type { GraphStandIn, RecordedRequest } from '../../fixtures/graph-stand-in';
import { wholeSchoolExport } from '../../fixtures/pupil-files';
import { COUNTING_GRAPH, provisionedSite, RECORDS_SITE_ID, silentLog, SITE_ID, SITES } from '../../fixtures/sharepoint-site';

const silentNotifier: Notifier = { deliver: async () => new Map(), refreshCards: async () => {} };

/** "GET pupils", "POST $batch": what each round trip was, by list. */
function kinds(standIn: GraphStandIn, trips: RecordedRequest[]): string[] {
  const names = new Map(
    [...standIn.lists(SITE_ID), ...standIn.lists(RECORDS_SITE_ID)].map((list) => [
      list.id,
      Object.entries(LISTS).find(([, spec]) => spec.displayName === list.displayName)?.[0],
    ]),
  );
  return trips.map(
    ({ method, url }) => `${method} ${/\$batch/.test(url) ? '$batch' : (names.get(/\/lists\/([^/?]+)/.exec(url)?.[1] ?? '') ?? url)}`,
  );
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('Graph round trips per use case', () => {
  it("September's pupil file (285 new, 1,715 changed, 285 left) takes at most 120 round trips: changed pupils 20 to a $batch, each still conditional", async () => {
    const { standIn, graph } = await provisionedSite(COUNTING_GRAPH);
    try {
      const stores = createSharePointStores(graph, SITES);
      const admin: Person = await stores.people.insert({
        displayName: 'Lynne Robbins',
        roles: ['staff', 'admin'],
        aadObjectId: 'aad-admin',
      });
      const deps: AppDeps = {
        stores,
        directory: new PeopleListDirectory(stores.people),
        notifier: silentNotifier,
        clock: { now: () => new Date('2026-09-02T08:00:00Z') },
        log: silentLog,
        background: new BackgroundTasks(silentLog),
      };
      expect(await importPupils(deps, admin, wholeSchoolExport(2000), undefined, true)).toMatchObject({
        status: 'imported',
        counts: { create: 2000 },
      });

      const since = standIn.requests.length;
      const batchedSince = standIn.batchedRequests.length;
      const september = await importPupils(deps, admin, wholeSchoolExport(2000, 1), undefined, true);
      expect(september).toMatchObject({ status: 'imported', counts: { create: 285, update: 1715, leave: 285 }, notSaved: [] });
      const trips = standIn.requests.slice(since);
      // The register in three pages of 999, 285 new pupils in 15 batches, 2,000 changes in 100, the
      // people linked to incidents read once (are any of the 285 leavers linked to a concern? here none:
      // no task to send a file on, and the tasks are not read), the audit entry.
      expect(tally(kinds(standIn, trips))).toEqual({ 'GET pupils': 3, 'POST $batch': 115, 'GET incidentLinks': 1, 'POST audit': 1 });
      expect(trips.length).toBeLessThanOrEqual(120);
      const changes = standIn.batchedRequests.slice(batchedSince).filter((request) => request.method === 'PATCH');
      expect(changes).toHaveLength(2000);
      expect(changes.every((request) => /^"[^"]+,\d+"$/.test(request.headers['if-match'] ?? ''))).toBe(true);
      const onRoll = standIn.items(SITE_ID, LISTS.pupils.displayName).filter((item) => !item.fields.onRollToText);
      expect(onRoll).toHaveLength(2000);
    } finally {
      await standIn.stop();
    }
    // Two whole-school imports through the stand-in: more than the usual half-minute on a busy machine.
  }, 180_000);

  it('a withdrawal of consent reads only the posts that show that pupil: through the "Pupils in posts" index, never every post', async () => {
    const { standIn, graph } = await provisionedSite(COUNTING_GRAPH);
    try {
      const stores = createSharePointStores(graph, SITES);
      const admin: Person = await stores.people.insert({
        displayName: 'Lynne Robbins',
        roles: ['staff', 'admin'],
        aadObjectId: 'aad-admin',
      });
      const deps = {
        stores,
        directory: new PeopleListDirectory(stores.people),
        notifier: silentNotifier,
        clock: { now: () => new Date('2026-11-24T10:00:00Z') },
        log: silentLog,
        background: new BackgroundTasks(silentLog),
        announce: async () => ({ planned: 0, sent: 0, alreadyDone: 0, notInstalled: 0, blocked: 0, failed: 0, uncertain: 0 }),
      };
      const account = await stores.socialAccounts.insert({
        platform: 'X',
        handle: '@RiversidePrimary',
        purpose: 'News',
        reason: 'Parents',
        ownerId: admin.id,
        ownerName: admin.displayName,
        schoolEmail: 'office@riverside.example',
        successMeasure: 'Reach',
        active: true,
      });
      const [leo, ...others] = await stores.pupils.insertMany(
        Array.from({ length: 30 }, (_, i) => ({
          misReference: `P${i}`,
          displayName: `Pupil ${i}`,
          className: '4B',
          yearGroup: 'Year 4',
          onRollFrom: '2024-09-04',
        })),
      );
      const posts = Array.from({ length: 300 }, (_, i) => ({
        accountId: account.id,
        postedOn: '2026-06-01',
        media: ['images' as const],
        pupilIds: i % 100 === 7 ? [leo!.id, others[i % 29]!.id] : [others[i % 29]!.id],
        link: `https://x.example/status/${i}`,
      }));
      await stores.posts.insertMany(posts);

      await recordConsent(deps, admin, {
        pupilId: leo!.id,
        media: 'images',
        decision: 'given',
        effectiveFrom: '2025-09-01',
        source: 'consent form',
      });
      const since = standIn.requests.length;
      const batchedSince = standIn.batchedRequests.length;
      const result = await recordConsent(deps, admin, {
        pupilId: leo!.id,
        media: 'images',
        decision: 'refused',
        effectiveFrom: '2026-11-23',
        source: 'written notice',
      });
      expect(result).toMatchObject({ status: 'recorded', takedownsPending: false });
      expect(result.status === 'recorded' && result.takedowns.map((task) => task.link)).toEqual([
        'https://x.example/status/7',
        'https://x.example/status/107',
        'https://x.example/status/207',
      ]);
      const trips = standIn.requests.slice(since);
      const postReads = [...trips, ...standIn.batchedRequests.slice(batchedSince)].filter(
        (request) => request.method === 'GET' && kinds(standIn, [request])[0] === 'GET posts',
      );
      // The three posts by their record keys, 20 look-ups to a batch (when the tasks are made, and for their links): the list is never
      // paged through.
      expect(
        postReads.map((request) =>
          request.batchId !== undefined && /fields\/RecordKey eq '/.test(decodeURIComponent(request.url)) ? 'by key' : request.url,
        ),
      ).toEqual(Array(6).fill('by key'));
      expect(tally(kinds(standIn, trips))).toMatchObject({ 'GET postPupils': 2, 'GET takedowns': 3, 'GET consents': 1 });
    } finally {
      await standIn.stop();
    }
  });

  it("the weekly digest reads the outbox by date: one round trip for the week's entries, however many old failures the list holds past SharePoint's 5,000-item threshold", async () => {
    const { standIn, graph } = await provisionedSite(COUNTING_GRAPH);
    try {
      const stores = createSharePointStores(graph, SITES);
      await seedDemoSchool(stores, new Date('2026-11-10T09:00:00Z'));
      const people = (await stores.people.find({ limit: 50 })).items;
      const sam = people.find((person) => person.displayName === 'Sam Okafor')!;
      const entry = (key: string, status: 'notInstalled' | 'blocked', updatedAt: string) => ({
        key,
        run: 'r',
        personId: sam.id,
        personName: sam.displayName,
        reason: 'training-overdue',
        period: key,
        status,
        message: { title: 't', lines: [], tone: 'warning' as const },
        attempts: 1,
        createdAt: updatedAt,
        updatedAt,
      });
      // Two years of reminders nobody received, in the list before the archive job ever ran.
      standIn.bulkInsert(
        RECORDS_SITE_ID,
        LISTS.outbox.displayName,
        Array.from({ length: 6000 }, (_, i) => ({
          ...toFields(LISTS.outbox, entry(`old-${i}`, 'notInstalled', '2025-01-06T07:30:00Z'), 1, false),
          RecordKey: `old-${i}`,
        })),
      );
      await stores.outbox.insert(entry('this-week', 'blocked', '2026-11-23T07:30:05.000Z'));
      const deps: ReminderJobDeps = {
        stores,
        directory: new PeopleListDirectory(stores.people),
        consentMonthsAfterLeaving: 12,
        incidents: DEFAULT_TIMESCALES,
        media: { store: undefined as never, keepDays: 30 },
        fanOut: {} as ReminderJobDeps['fanOut'],
      };

      const since = standIn.requests.length;
      const [digest] = await planTrainingDigest(deps, '2026-11-25');
      expect(digest!.message.lines).toEqual(expect.arrayContaining(['Sam Okafor has blocked or removed the app in Teams.']));
      expect(tally(kinds(standIn, standIn.requests.slice(since)))).toMatchObject({ 'GET outbox': 1 });
      // What the digest used to ask (every entry ever marked "not installed") is refused on a list this size.
      await expect(stores.outbox.find({ where: { status: 'notInstalled' }, limit: 999 })).rejects.toThrow();
    } finally {
      await standIn.stop();
    }
  });

  it("a click reads the clicker's conversation record and the list of cards sent about the record once each, however often the click uses them", async () => {
    const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
    const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');
    const t = await new TestApp('sharepoint').start();
    try {
      await t.install(alex);
      await t.install(megan);
      const standIn = t.graph!;
      const reads = (since: number, field: string, value: string) =>
        [...standIn.requests.slice(since)].filter(
          (request) => request.method === 'GET' && decodeURIComponent(request.url).includes(`fields/${field} eq '${value}'`),
        ).length;
      const since = standIn.requests.length;
      const form = {
        submissionKey: 'once-per-click',
        url: 'https://example.org/lesson',
        siteContent: 'Videos',
        reasons: 'Lessons',
        risksAndControls: 'Teacher screen only',
        scope: 'staff',
      };
      expect((await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-1', 'submitAccessRequest', form))).status).toBe(200);
      await t.app.background.idle();
      const requestId = (await t.app.stores.accessRequests.find({ where: { submissionKey: 'once-per-click' }, limit: 1 })).items[0]!.id;
      // Used to remember the clicked card, to remember the card sent to the lead, and to refresh the older cards.
      expect(reads(since, 'recordId', requestId)).toBe(1);
      // Used to capture the conversation, and again to refresh the clicked card.
      expect(
        standIn.requests
          .slice(since)
          .filter(
            (request) =>
              request.method === 'GET' &&
              /fields\/key eq/.test(decodeURIComponent(request.url)) &&
              decodeURIComponent(request.url).includes(alex.aadObjectId),
          ),
      ).toHaveLength(1);
      // The next click reads afresh.
      const next = standIn.requests.length;
      await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-1', 'submitAccessRequest', form));
      await t.app.background.idle();
      expect(reads(next, 'recordId', requestId)).toBe(1);
    } finally {
      await t.stop();
    }
  });

  it('every row `npm run bench` prints meets its target on a smaller school: a submit click in 3 round trips, a decision in 2', async () => {
    const school = await sharePointSchool(140);
    try {
      const counted = new Map<string, string[]>();
      for (const useCase of school.useCases) {
        const [since, batchedSince] = [school.standIn.requests.length, school.standIn.batchedRequests.length];
        expect({ useCase: useCase.label, problems: await useCase.run() }).toEqual({ useCase: useCase.label, problems: [] });
        const [trips, batched] = [school.standIn.requests.slice(since), school.standIn.batchedRequests.slice(batchedSince)];
        counted.set(
          useCase.label,
          trips.map((trip) => `${trip.method} ${school.listOf(trip)}`),
        );
        expect({ useCase: useCase.label, meets: useCase.meets(trips, batched) }).toEqual({ useCase: useCase.label, meets: true });
      }
      // The clicker's conversation record (written only when it changed); the request (a new item's
      // id names all that goes with it); its audit entry, its notice and the clicked card in one
      // $batch. The person and the term dates (for the end of the term) come from the app's caches;
      // the cards already sent about a request just made are not read.
      expect(counted.get('whole submit click in the bot (identify, save, audit, card)')).toEqual([
        'GET conversations',
        'POST accessRequests',
        'POST $batch',
      ]);
      // The request, read so that the rules decide on what is stored; then one $batch: the
      // conditional update, and depending on it the step's notices and its audit entry.
      expect(counted.get('a decision (headteacher approves)')).toEqual(['GET accessRequests', 'POST $batch']);
      expect(counted.get('who is clicking, again within the minute (People list)')).toEqual([]);
    } finally {
      await school.stop();
    }
  }, 180_000);
});
