import { BackgroundTasks } from '../bot/src/app/background-tasks';
import { importPupils } from '../bot/src/app/import-pupils';
import { actOnRequest } from '../bot/src/app/requests/act-on-request';
import type { StepDeps } from '../bot/src/app/requests/request-kinds';
import { submitRequest } from '../bot/src/app/requests/submit-request';
import { listRequests } from '../bot/src/app/requests/view-request';
import { recordConsent } from '../bot/src/app/record-consent';
import { rememberConversation } from '../bot/src/app/remember-conversation';
import { planTrainingDigest } from '../bot/src/app/reminders/plan-training-digest';
import { DEFAULT_TIMESCALES } from '../bot/src/domain/incidents/incident-timescales';
import type { ReminderJobDeps } from '../bot/src/app/reminders/reminder-job-deps';
import { seedDemoSchool } from '../bot/src/app/seed-demo-school';
import { toFields } from '../bot/src/adapters/graph/sharepoint/field-mapping';
import { LISTS, siteOf, type ListKey } from '../bot/src/adapters/graph/sharepoint/lists';
import { cardKey } from '../bot/src/adapters/teams/card-messages';
import { readTermDates } from '../bot/src/app/settings/term-dates';
import { duringClick } from '../bot/src/adapters/teams/click-reads';
import { newAccessRequest } from '../bot/src/domain/access/access-request';
import { loadConfig } from '../bot/src/config';
import { openRecords, PROJECT_ROOT } from '../bot/src/main';
import { systemClock } from '../bot/src/ports/clock.port';
import { today } from '../bot/src/domain/calendar/zoned-time';
import type { Notifier } from '../bot/src/ports/notifier.port';
import type { GraphStandIn, RecordedRequest } from '../tests/fixtures/graph-stand-in';
import { wholeSchoolExport } from '../tests/fixtures/pupil-files';
import { provisionedSite, RECORDS_SITE_ID, silentLog, SITE_ID } from '../tests/fixtures/sharepoint-site';
import { tempDir } from './support';

/**
 * A school on SharePoint (the Graph stand-in), wired as the app wires it (`openRecords`: the
 * production retry policy, the People list read once a minute, a click's reads once per click),
 * with the records the use cases need: the demo school, 2,000 pupils, requests waiting
 * for the headteacher and for the lead, 300 posts of which 3 show one pupil, and an outbox holding
 * 6,000 old reminders nobody received. Each use case runs once here.
 */

export const PUPILS = 2_000;
const LISTED_REQUESTS = 60;
const POSTS = 300;
const OLD_OUTBOX_ENTRIES = 6_000;

const FORM = {
  url: 'https://www.example.org/lesson',
  siteContent: 'Lesson videos for Year 5 science.',
  reasons: 'Blocked by the video category filter; needed in lessons this term.',
  risksAndControls: 'Teacher plays videos from the front screen only.',
};

// Notices go out after the person has their answer, in the background: not part of these counts.
const silentNotifier: Notifier = { deliver: async () => new Map(), refreshCards: async () => {} };
const NO_MESSAGES = async () => ({ planned: 0, sent: 0, alreadyDone: 0, notInstalled: 0, blocked: 0, failed: 0, uncertain: 0 });

export interface UseCase {
  label: string;
  /** The figure before this work, as the issue measured it. */
  before: string;
  target: string;
  /** How long a person (or a job) can wait for it, throttled or not. */
  deadlineMs: number;
  /** Runs it once; answers what went wrong (a duplicate, something lost), nothing when all is well. */
  run(): Promise<string[]>;
  /** Whether the round trips it took meet the target. */
  meets(trips: RecordedRequest[], batched: RecordedRequest[]): boolean;
  /** What the "now" column shows, when not simply the round trips. */
  now?(trips: RecordedRequest[], batched: RecordedRequest[]): string;
}

export interface SharePointSchool {
  standIn: GraphStandIn;
  useCases: UseCase[];
  /** The list a request was about ("pupils", "$batch", …), for describing round trips. */
  listOf(request: RecordedRequest): string;
  stop(): Promise<void>;
}

/** `pupils`: the size of the school (the September file is 2,000 pupils; tests use fewer). */
export async function sharePointSchool(pupils = PUPILS): Promise<SharePointSchool> {
  const { standIn, settings } = await provisionedSite();
  const config = {
    ...loadConfig({ PORT: '0', DATA_DIR: tempDir('osd-bench-sharepoint-'), SCHEDULER: 'off' }, PROJECT_ROOT),
    store: settings,
  };
  const { stores, directory } = await openRecords(config, silentLog, systemClock, { token: async () => 'bench-token' });
  await seedDemoSchool(stores, new Date(), silentLog);
  const deps: StepDeps = {
    stores,
    directory,
    notifier: silentNotifier,
    clock: systemClock,
    log: silentLog,
    background: new BackgroundTasks(silentLog),
    announce: NO_MESSAGES,
  };
  const everyone = await directory.everyone();
  const holder = (role: string) => everyone.find((person) => person.roles.some((held) => held === role))!;
  const [head, lead, admin] = [holder('headteacher'), holder('onlineSafetyLead'), holder('admin')];
  const staff = everyone.filter((person) => person.roles.includes('staff') && person.roles.length === 1);
  const requester = staff[0]!;

  // The school's records, written before anything is counted.
  await importPupils(deps, admin, wholeSchoolExport(pupils), undefined, true);
  const pending: string[] = [];
  for (let i = 0; i < 4; i++)
    pending.push(
      (
        await stores.accessRequests.insert({
          ...newAccessRequest(FORM, { personId: requester.id, name: requester.displayName }, `bench-pending-${i}`, new Date()),
          state: 'withHeadteacher',
        })
      ).id,
    );
  for (let i = 0; i < LISTED_REQUESTS; i++) {
    const by = staff[i % staff.length]!;
    await stores.accessRequests.insert(newAccessRequest(FORM, { personId: by.id, name: by.displayName }, `bench-listed-${i}`, new Date()));
  }
  // Pupils from the file (the demo school's own are off roll by now, and already in posts of their own).
  const someone = (await stores.pupils.find({ limit: 200 })).items.filter((pupil) => !pupil.onRollTo);
  const withdrawn = someone[0]!;
  const account = (await stores.socialAccounts.find({ limit: 1 })).items[0]!;
  await stores.posts.insertMany(
    Array.from({ length: POSTS }, (_, i) => ({
      accountId: account.id,
      postedOn: '2026-06-01',
      media: ['images' as const],
      pupilIds: i % 100 === 7 ? [withdrawn.id, someone[1]!.id] : [someone[1 + (i % 20)]!.id],
      link: `https://x.example/status/${i}`,
    })),
  );
  await recordConsent(deps, admin, {
    pupilId: withdrawn.id,
    media: 'images',
    decision: 'given',
    effectiveFrom: '2025-09-01',
    source: 'consent form',
  });
  const sam = everyone.find((person) => person.displayName === 'Sam Okafor') ?? staff[1]!;
  const outboxEntry = (key: string, status: 'notInstalled' | 'blocked', at: string) => ({
    key,
    run: 'r',
    personId: sam.id,
    personName: sam.displayName,
    reason: 'training-overdue',
    period: key,
    status,
    message: { title: 't', lines: [], tone: 'warning' as const },
    attempts: 1,
    createdAt: at,
    updatedAt: at,
  });
  standIn.bulkInsert(
    RECORDS_SITE_ID,
    LISTS.outbox.displayName,
    Array.from({ length: OLD_OUTBOX_ENTRIES }, (_, i) => ({
      ...toFields(LISTS.outbox, outboxEntry(`old-${i}`, 'notInstalled', '2025-01-06T07:30:00Z'), 1, false),
      RecordKey: `old-${i}`,
    })),
  );
  await stores.outbox.insert(outboxEntry('this-week', 'blocked', new Date().toISOString()));
  const conversation = {
    aadObjectId: requester.aadObjectId!,
    teamsUserId: '29:bench',
    conversationId: 'a:bench',
    conversationType: 'personal',
    serviceUrl: 'http://127.0.0.1:9/',
    tenantId: 'tenant',
    botId: '28:bench',
    botName: 'Online Safety Desk',
  };
  await rememberConversation(deps, conversation);
  await directory.byAadObjectId(requester.aadObjectId!); // as after the person's first click of the minute
  await readTermDates(stores); // as after any click in the last ten minutes that read them (kept for ten minutes)

  const keyOf = (displayName: string) => Object.entries(LISTS).find(([, spec]) => spec.displayName === displayName)?.[0] ?? displayName;
  const listNames = new Map(
    [...standIn.lists(SITE_ID), ...standIn.lists(RECORDS_SITE_ID)].map((list) => [list.id, keyOf(list.displayName)]),
  );
  const listOf = (request: RecordedRequest) =>
    /\$batch/.test(request.url) ? '$batch' : (listNames.get(/\/lists\/([^/?]+)/.exec(request.url)?.[1] ?? '') ?? request.url);
  const gets = (trips: RecordedRequest[], list: string) => trips.filter((request) => request.method === 'GET' && listOf(request) === list);
  const pages = (trips: RecordedRequest[], list: string) =>
    gets(trips, list).filter((request) => /\/items\?/.test(request.url) && !/RecordKey eq/.test(decodeURIComponent(request.url))).length;
  const stored = (list: ListKey, field: string, value: unknown) =>
    standIn
      .items(siteOf(list) === 'records' ? RECORDS_SITE_ID : SITE_ID, LISTS[list].displayName)
      .filter((item) => item.fields[field] === value);
  let clicks = 0;

  const useCases: UseCase[] = [
    {
      label: 'whole submit click in the bot (identify, save, audit, card)',
      before: '6',
      target: '≤ 3',
      deadlineMs: 5_000,
      run: () =>
        duringClick(async () => {
          const key = `bench-click-${++clicks}`;
          await rememberConversation(deps, conversation);
          const actor = (await directory.byAadObjectId(requester.aadObjectId!))!;
          // Staff only, the last day left empty: the end of the term, from the term dates. The
          // clicked form card is remembered against the new request in the same write, as the bot does.
          const activityId = `form-${clicks}`;
          const result = await submitRequest(deps, 'accessRequest', actor, { ...FORM, scope: 'staff' }, key, {
            activityId,
            card: (requestId) => ({
              recordId: cardKey('accessRequest', requestId),
              aadObjectId: actor.aadObjectId!,
              conversationId: conversation.conversationId,
              activityId,
              sentAt: new Date().toISOString(),
            }),
          });
          if (result.status !== 'ok') return [`submit ${result.status}`];
          return [
            ...copies(stored('accessRequests', 'submissionKey', key).length, 'request'),
            ...copies(stored('cardMessages', 'activityId', activityId).length, 'remembered card'),
            ...copies(stored('outbox', 'run', `step accessRequest ${result.request.id} v1`).length, 'notice'),
          ];
        }),
      meets: (trips) => trips.length <= 3,
    },
    {
      label: 'a decision (headteacher approves)',
      before: '3',
      target: '≤ 2',
      deadlineMs: 5_000,
      run: async () => {
        const id = pending.shift()!;
        const result = await actOnRequest(deps, 'accessRequest', head, id, {
          step: 'approve',
          typed: (field) => (field === 'reasons' ? 'Curriculum use' : ''),
        });
        if (result.status !== 'ok') return [`decision ${result.status}`];
        const audited = standIn
          .items(RECORDS_SITE_ID, LISTS.audit.displayName)
          .filter((item) => item.fields.recordId === id && /approve/.test(String(item.fields.action)));
        return copies(audited.length, 'audit entry');
      },
      meets: (trips) => trips.length <= 2,
    },
    {
      label: pupils === PUPILS ? `September's pupil file (285 new, 1,715 changed, 285 left)` : `September's pupil file (${pupils} pupils)`,
      before: '2,020 (~101 s at 50 ms)',
      target: '≤ 120',
      deadlineMs: 10 * 60_000,
      run: async () => {
        const result = await importPupils(deps, admin, wholeSchoolExport(pupils, 1), undefined, true);
        if (result.status !== 'imported') return [`import ${result.status}`];
        const items = standIn.items(SITE_ID, LISTS.pupils.displayName);
        const references = items.map((item) => item.fields.misReference);
        const onRoll = items.filter((item) => !item.fields.onRollToText).length;
        return [
          ...(result.notSaved.length ? [`${result.notSaved.length} not saved`] : []),
          ...(new Set(references).size < references.length ? ['a pupil stored twice'] : []),
          ...(onRoll !== pupils ? [`${onRoll} on roll, not ${pupils}`] : []),
        ];
      },
      // For a smaller school: a page of the register per 999 pupils, a batch per 20 writes, the audit entry.
      meets: (trips) => trips.length <= (pupils === PUPILS ? 120 : Math.ceil(pupils / 999) + Math.ceil((pupils * 1.15) / 20) + 1),
    },
    {
      label: 'posts that show a pupil (a withdrawal of consent)',
      before: `every post (${POSTS})`,
      target: "that pupil's posts only",
      deadlineMs: 10_000,
      run: async () => {
        const result = await recordConsent(deps, admin, {
          pupilId: withdrawn.id,
          media: 'images',
          decision: 'refused',
          effectiveFrom: today(systemClock),
          source: 'written notice',
        });
        if (result.status !== 'recorded') return [`withdrawal ${result.status}`];
        const tasks = stored('takedowns', 'pupilId', withdrawn.id);
        return [...(result.takedownsPending ? ['tasks left for the daily job'] : []), ...copies(tasks.length, 'takedown task', 3)];
      },
      // That pupil's posts by their record keys, never a page of the posts list.
      meets: (trips, batched) => pages(trips, 'posts') === 0 && gets(batched, 'posts').length <= 2 * 3,
      now: (trips, batched) =>
        `${pages(trips, 'posts')} pages and ${gets(batched, 'posts').length} look-ups of posts (3 show the pupil) in ${trips.length} round trips`,
    },
    {
      label: "lists read newest first (the lead's first 25)",
      before: 'whole filtered set',
      target: '≤ 1 round trip per 999 items (documented)',
      deadlineMs: 5_000,
      run: async () => {
        const page = await listRequests(deps, 'accessRequest', lead, { limit: 25 });
        const ids = page.items.map((request) => Number(request.id));
        return ids.length === 25 && ids.every((id, i) => i === 0 || id < ids[i - 1]!) ? [] : ['not the newest 25'];
      },
      meets: (trips) => trips.length <= Math.ceil(standIn.items(SITE_ID, LISTS.accessRequests.displayName).length / 999),
    },
    {
      label: `the weekly digest's outbox read (${OLD_OUTBOX_ENTRIES.toLocaleString('en-GB')} old entries)`,
      before: 'every failure ever, unbounded',
      target: "one read of the week's entries",
      deadlineMs: 60_000,
      run: async () => {
        const reminderDeps: ReminderJobDeps = {
          stores,
          directory,
          consentMonthsAfterLeaving: 12,
          incidents: DEFAULT_TIMESCALES,
          media: { store: undefined as never, keepDays: 30 },
          fanOut: {} as ReminderJobDeps['fanOut'],
        };
        const [digest] = await planTrainingDigest(reminderDeps, today(systemClock));
        return digest?.message.lines.some((line) => line.startsWith(`${sam.displayName} has blocked`))
          ? []
          : ["the week's unreached person is missing"];
      },
      meets: (trips) =>
        gets(trips, 'outbox').length === 1 &&
        gets(trips, 'outbox').every((request) => /fields\/updatedAt ge/.test(decodeURIComponent(request.url))),
      now: (trips) => `${gets(trips, 'outbox').length} outbox read, by date (the digest: ${trips.length} round trips)`,
    },
    {
      label: 'who is clicking, again within the minute (People list)',
      before: '1 (every click)',
      target: '0',
      deadlineMs: 5_000,
      run: async () => ((await directory.byAadObjectId(requester.aadObjectId!))?.id === requester.id ? [] : ['the person was not found']),
      meets: (trips) => trips.length === 0,
    },
  ];
  return { standIn, useCases, listOf, stop: () => standIn.stop() };
}

function copies(found: number, what: string, expected = 1): string[] {
  return found === expected ? [] : [`${found} ${what}(s) stored, not ${expected}`];
}
