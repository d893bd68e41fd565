import type { AppDeps } from '../bot/src/app/app-deps';
import { actOnAccessRequest } from '../bot/src/app/act-on-access-request';
import { listAccessRequests } from '../bot/src/app/list-access-requests';
import { rememberConversation } from '../bot/src/app/remember-conversation';
import { seedDemoSchool } from '../bot/src/app/seed-demo-school';
import { submitAccessRequest } from '../bot/src/app/submit-access-request';
import { PeopleListDirectory } from '../bot/src/adapters/directory/people-list-directory';
import { rememberCardMessage } from '../bot/src/adapters/teams/card-messages';
import { LISTS } from '../bot/src/adapters/graph/sharepoint/lists';
import { createSharePointStores } from '../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { newAccessRequest, type AccessRequestState } from '../bot/src/domain/access/access-request';
import type { Person } from '../bot/src/domain/people/person';
import { systemClock } from '../bot/src/ports/clock.port';
import type { Notifier } from '../bot/src/ports/notifier.port';
import type { Stores } from '../bot/src/ports/stores.port';
import type { RecordedRequest } from '../tests/fixtures/graph-stand-in';
import { provisionedSite, RECORDS_SITE_ID, silentLog, SITE_ID, SITES } from '../tests/fixtures/sharepoint-site';
import { elapsedMs, median, ms, note, row } from './support';

const LATENCY_MS = 50;
const TIMED_RUNS = 5;
const CLASS_SIZE = 30;
const OTHER_PUPILS = 300;
const LISTED_REQUESTS = 60;

const FORM = {
  url: 'https://www.example.org/lesson',
  siteContent: 'Lesson videos for Year 5 science.',
  reasons: 'Blocked by the video category filter; needed in lessons this term.',
  risksAndControls: 'Teacher plays videos from the front screen only.',
};

// Notifications run in the background after the answer in the real app, so they are not counted.
const silentNotifier: Notifier = { notify: async () => ({ unreachable: [] }), reportUnreachable: async () => {}, refreshCards: async () => {} };

interface UseCase {
  label: string;
  minimum: number;
  why: string;
  /** Run `run` (0 = the counted run, 1.. = timed runs) does the use case once, with fresh ids. */
  run(run: number): Promise<void>;
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`Graph round trips bench: ${what}`);
}

async function insertRequests(stores: Stores, requesters: Person[], count: number, tag: string, state: AccessRequestState): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const requester = requesters[i % requesters.length]!;
    const request = newAccessRequest(FORM, { personId: requester.id, name: requester.displayName }, `bench-trips-${tag}-${i}`, new Date());
    ids.push((await stores.accessRequests.insert({ ...request, state })).id);
  }
  return ids;
}

/** "GET accessRequests [submissionKey]": method, list and filtered column of each round trip. */
function describe(trips: RecordedRequest[], listNames: Map<string, string>): string {
  return trips
    .map(({ method, url }) => {
      const list = /\/lists\/([^/?]+)/.exec(url)?.[1];
      const filter = /fields\/(\w+)/.exec(decodeURIComponent(url))?.[1];
      return `${method} ${list ? (listNames.get(list) ?? list) : url}${filter ? ` [${filter}]` : ''}`;
    })
    .join(', ');
}

export async function graphRoundTripsBench(): Promise<void> {
  console.log(`\nGraph round trips per use case against the Graph stand-in; wall time = median of ${TIMED_RUNS} runs at ${LATENCY_MS} ms per round trip`);
  const { standIn, graph } = await provisionedSite();
  try {
    const stores = createSharePointStores(graph, SITES);
    await seedDemoSchool(stores, new Date());
    const directory = new PeopleListDirectory(stores.people);
    const deps: AppDeps = { stores, directory, notifier: silentNotifier, clock: systemClock, log: silentLog };
    const everyone = await directory.everyone();
    const holder = (role: string) => everyone.find((person) => person.roles.some((held) => held === role));
    const [head, lead] = [holder('headteacher'), holder('onlineSafetyLead')];
    const staff = everyone.filter((person) => person.roles.includes('staff') && !person.roles.includes('headteacher') && !person.roles.includes('onlineSafetyLead'));
    const requester = staff[0];
    expect(!!head && !!lead && !!requester?.aadObjectId, 'the demo school lacks a headteacher, a lead or a staff member');

    // Set-up writes (at no latency): pupils, requests waiting for the head, requests to list.
    const in4B = (await stores.pupils.find({ where: { className: '4B' }, limit: 100 })).items.length;
    for (let i = 0; i < CLASS_SIZE - in4B + OTHER_PUPILS; i++) {
      const className = i < CLASS_SIZE - in4B ? '4B' : `${1 + (i % 6)}${'ACD'[i % 3]}`;
      await stores.pupils.insert({ displayName: `Pupil ${i}`, className, yearGroup: `Year ${className[0]}`, onRollFrom: '2023-09-04' });
    }
    const pending = await insertRequests(stores, [requester!], 1 + TIMED_RUNS, 'pending', 'withHeadteacher');
    await insertRequests(stores, staff, LISTED_REQUESTS, 'listed', 'withOnlineSafetyLead');
    // As after the person's first message: their conversation reference is already stored.
    const conversation = { aadObjectId: requester!.aadObjectId!, teamsUserId: '29:bench', conversationId: 'a:bench', conversationType: 'personal', serviceUrl: 'http://127.0.0.1:9/', tenantId: 'tenant', botId: '28:bench', botName: 'Online Safety Desk' };
    await rememberConversation(deps, conversation);

    const useCases: UseCase[] = [
      { label: 'submit a request (use case alone)', minimum: 2, why: 'the audit POST cannot join the item POST in a $batch, as it needs the new id', run: async (n) => expect((await submitAccessRequest(deps, requester!, FORM, `bench-trips-submit-${n}`)).status === 'saved', 'submit not saved') },
      { label: 'bot: identify actor + submit', minimum: 3, why: 'the people read is needed to know who is asking (EntraDirectory: 2 GETs, cached 60 s)', run: async (n) => {
        const actor = await directory.byAadObjectId(requester!.aadObjectId!);
        expect((await submitAccessRequest(deps, actor!, FORM, `bench-trips-bot-${n}`)).status === 'saved', 'bot submit not saved');
      } },
      { label: 'bot: whole submit click (+capture, card)', minimum: 3, why: 'the conversation read (known reference, no write) and the card-messages read of a brand-new request find nothing new; the card POST could share a $batch with the audit POST', run: async (n) => {
        await rememberConversation(deps, conversation);
        const actor = await directory.byAadObjectId(requester!.aadObjectId!);
        const result = await submitAccessRequest(deps, actor!, FORM, `bench-trips-click-${n}`);
        expect(result.status === 'saved', 'click submit not saved');
        if (result.status === 'saved') await rememberCardMessage(stores, { recordId: result.request.id, aadObjectId: actor!.aadObjectId!, conversationId: conversation.conversationId, activityId: `form-${n}`, sentAt: new Date().toISOString() });
      } },
      { label: 'decide (headteacher approves)', minimum: 2, why: 'GET + conditional PATCH are needed; the audit POST could ride with the PATCH in one $batch (dependsOn)', run: async (n) => expect((await actOnAccessRequest(deps, head!, pending[n]!, { type: 'approve', reasons: 'ok' })).status === 'done', 'decision not done') },
      { label: `class roster for consent (${CLASS_SIZE} pupils)`, minimum: 1, why: 'this row measures the roster read only', run: async () => expect((await stores.pupils.find({ where: { className: '4B' }, limit: 100 })).items.length === CLASS_SIZE, 'roster size') },
      { label: 'list first page: requester (own)', minimum: 1, why: 'reads every matching item ($top=999) and sorts here, since Graph ignores $orderby on items', run: async () => expect((await listAccessRequests(deps, requester!, { limit: 25 })).items.length > 0, 'own requests') },
      { label: 'list first page: online safety lead', minimum: 1, why: 'reads the whole list to show 25; one more round trip per 999 items', run: async () => expect((await listAccessRequests(deps, lead!, { limit: 25 })).items.length === 25, 'lead page size') },
    ];

    const keyOf = (displayName: string) => Object.entries(LISTS).find(([, spec]) => spec.displayName === displayName)?.[0] ?? displayName;
    const listNames = new Map([...standIn.lists(SITE_ID), ...standIn.lists(RECORDS_SITE_ID)].map((list) => [list.id, keyOf(list.displayName)]));
    const counted: RecordedRequest[][] = [];
    for (const useCase of useCases) {
      const before = standIn.requests.length;
      await useCase.run(0);
      counted.push(standIn.requests.slice(before));
    }
    // What the two list rows read, as the list stood when they were counted.
    const requests = standIn.items(SITE_ID, LISTS.accessRequests.displayName);
    const requesterColumn = LISTS.accessRequests.columns.find((column) => column.field === 'requesterId')!.name;
    const mine = requests.filter((item) => item.fields[requesterColumn] === requester!.id).length;

    standIn.latencyMs = LATENCY_MS;
    row('use case', `trips  min   wall @${LATENCY_MS} ms/trip`);
    for (const [index, useCase] of useCases.entries()) {
      const samples: number[] = [];
      for (let n = 1; n <= TIMED_RUNS; n++) {
        const start = process.hrtime.bigint();
        await useCase.run(n);
        samples.push(elapsedMs(start));
      }
      const trips = counted[index]!;
      row(useCase.label, `${String(trips.length).padStart(5)}  ${String(useCase.minimum).padStart(3)}   ${ms(median(samples))}`);
      note(describe(trips, listNames));
      note(`${trips.length === useCase.minimum ? '' : 'why more: '}${useCase.why}`);
    }
    note(`when counted, the list rows read ${mine} items (requester) and ${requests.length} items (lead) to show 25 each`);
  } finally {
    await standIn.stop();
  }
}

if (require.main === module) {
  graphRoundTripsBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
