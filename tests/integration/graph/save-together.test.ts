/**
 * A request saved together with its audit entry and notices on SharePoint: one `$batch` in which
 * the notices and the audit entry depend on the request's conditional PATCH (`dependsOn`), so they
 * are written only if it succeeded (otherwise Graph answers 424 Failed Dependency:
 * https://learn.microsoft.com/graph/json-batching). Once the PATCH has succeeded, a later request
 * that failed inside the batch (5xx, 429, a dropped connection) is looked up by its record key
 * first, then sent again with the same key: stored once, never lost.
 */
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { LISTS } from '../../../bot/src/adapters/graph/sharepoint/lists';
import { newAccessRequest, type AccessRequest } from '../../../bot/src/domain/access/access-request';
import { StaleRecordError, type Versioned } from '../../../bot/src/ports/collection.port';
import { PartlySavedError, type GoesWith } from '../../../bot/src/ports/save-together.port';
import type { Stores } from '../../../bot/src/ports/stores.port';
import type { GraphStandIn, RecordedRequest } from '../../fixtures/graph-stand-in';
import { provisionedSite, RECORDS_SITE_ID, SITES } from '../../fixtures/sharepoint-site';

const NOW = '2026-11-24T10:00:00.000Z';
/** More failures than the first notice meets in its batch and its own tries (the site's pipeline makes 4). */
const FAILURES_PAST_THE_RETRIES = 5;
let keys = 0;

/** Two notices (the headteacher asked, the requester told) and the audit entry of a forward. */
function forward(request: Versioned<AccessRequest>): GoesWith {
  const notice = (personId: string, reason: string) => ({
    key: `${reason}:accessRequest:${request.id}|v${request.version}|${personId}`,
    run: `step accessRequest ${request.id} v${request.version}`,
    personId,
    personName: `Person ${personId}`,
    reason: `${reason}:accessRequest:${request.id}`,
    period: `v${request.version}`,
    status: 'pending' as const,
    message: {
      kind: 'recordNotice' as const,
      record: { recordType: 'accessRequest' as const, recordId: request.id },
      reason: 'needs-your-action' as const,
    },
    attempts: 0,
    createdAt: NOW,
    updatedAt: NOW,
  });
  return {
    audit: {
      at: NOW,
      actorId: '3',
      actorName: 'Megan Bowen',
      action: 'access-request.forward',
      recordType: 'accessRequest',
      recordId: request.id,
      summary: `Request is now ${request.state}`,
    },
    notices: [notice('4', 'needs-your-action'), notice('1', 'status-changed')],
  };
}

describe('saving a request together on SharePoint', () => {
  let standIn: GraphStandIn;
  let stores: Stores;
  beforeAll(async () => {
    const site = await provisionedSite();
    standIn = site.standIn;
    stores = createSharePointStores(site.graph, SITES);
    // The lists are found once, before anything is counted.
    await Promise.all([stores.outbox.find({ limit: 1 }), stores.audit.page({ limit: 1 }), stores.accessRequests.find({ limit: 1 })]);
  });
  afterEach(() => standIn.stopFailing());
  afterAll(() => standIn.stop());

  /** A request with the lead, read fresh (with its ETag), as a decision reads it. */
  async function waitingRequest(): Promise<Versioned<AccessRequest>> {
    const draft = newAccessRequest(
      { url: 'https://example.org/', siteContent: 'Videos', reasons: 'Lessons', risksAndControls: 'Teacher screen only' },
      { personId: '1', name: 'Alex Wilber' },
      `together-${++keys}`,
      new Date(NOW),
    );
    const { id } = await stores.accessRequests.insert(draft);
    return (await stores.accessRequests.get(id))!;
  }
  const forwardOf = (request: Versioned<AccessRequest>) =>
    stores.together.update<AccessRequest>('accessRequests', { ...request, state: 'withHeadteacher' }, forward);

  /** Each thing that goes with the request as stored: the audit entries and the notices, by their keys. */
  const storedFor = (request: Versioned<AccessRequest>) => ({
    audit: standIn
      .items(RECORDS_SITE_ID, LISTS.audit.displayName)
      .filter((item) => item.fields.recordId === request.id && item.fields.action === 'access-request.forward').length,
    notices: standIn
      .items(RECORDS_SITE_ID, LISTS.outbox.displayName)
      .filter((item) => item.fields.run === `step accessRequest ${request.id} v2`)
      .map((item) => String(item.fields.key))
      .sort(),
  });
  const expectedNotices = (request: Versioned<AccessRequest>) => [
    `needs-your-action:accessRequest:${request.id}|v2|4`,
    `status-changed:accessRequest:${request.id}|v2|1`,
  ];
  const posts = (requests: RecordedRequest[]) => requests.filter((request) => request.method === 'POST');
  const keyLookups = (requests: RecordedRequest[]) =>
    requests.filter((request) => request.method === 'GET' && /RecordKey eq/.test(decodeURIComponent(request.url))).length;

  it('is one round trip: the conditional PATCH first, then the notices and the audit entry, each depending on the one before', async () => {
    const request = await waitingRequest();
    const [since, batchedSince] = [standIn.requests.length, standIn.batchedRequests.length];
    const { record, notices } = await forwardOf(request);
    expect(record).toMatchObject({ id: request.id, version: 2, state: 'withHeadteacher' });
    expect(notices.map((entry) => entry.key)).toEqual(expectedNotices(request));
    expect(standIn.requests.slice(since).map((trip) => `${trip.method} ${trip.url}`)).toEqual(['POST /v1.0/$batch']);
    const batched = standIn.batchedRequests.slice(batchedSince);
    expect(batched.map((inner) => [inner.method, inner.batchId, inner.dependsOn, inner.status])).toEqual([
      ['PATCH', 'record', undefined, 200],
      ['POST', '1', ['record'], 201],
      ['POST', '2', ['1'], 201],
      ['POST', '3', ['2'], 201],
    ]);
    expect(batched[0]!.headers['if-match']).toBe(request.etag);
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
  });

  it('writes neither the audit entry nor the notices when someone decided first: the PATCH is refused (412), the rest answered 424', async () => {
    const request = await waitingRequest();
    await stores.accessRequests.update({ ...request, state: 'withdrawn' });
    const batchedSince = standIn.batchedRequests.length;
    await expect(forwardOf(request)).rejects.toBeInstanceOf(StaleRecordError);
    expect(standIn.batchedRequests.slice(batchedSince).map((inner) => [inner.method, inner.status])).toEqual([['PATCH', 412]]);
    expect(storedFor(request)).toEqual({ audit: 0, notices: [] });
    expect(await stores.accessRequests.get(request.id)).toMatchObject({ version: 2, state: 'withdrawn' });
  });

  it('stores a notice answered 503 after it was written once: looked up first, not sent again; those after it (424) sent once', async () => {
    const request = await waitingRequest();
    const [since, batchedSince] = [standIn.requests.length, standIn.batchedRequests.length];
    standIn.failNext(1, { status: 503, afterWrite: true, insideBatchOnly: true, matching: /^POST / });
    await forwardOf(request);
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
    // Inside the batch only the first notice ran (the two after it were answered 424); it was then
    // looked up and found, and only the two answered 424 were sent.
    expect(posts(standIn.batchedRequests.slice(batchedSince))).toHaveLength(1);
    const trips = standIn.requests.slice(since);
    expect(keyLookups(trips)).toBe(1);
    expect(posts(trips).filter((trip) => !/\$batch/.test(trip.url))).toHaveLength(2);
  });

  it('sends a notice answered 503 before it was written again, with the same record key, after looking for it', async () => {
    const request = await waitingRequest();
    const [since, batchedSince] = [standIn.requests.length, standIn.batchedRequests.length];
    standIn.failNext(1, { status: 503, insideBatchOnly: true, matching: /^POST / });
    await forwardOf(request);
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
    const trips = standIn.requests.slice(since);
    expect(keyLookups(trips)).toBe(1);
    const sentAgain = posts(trips).filter((trip) => !/\$batch/.test(trip.url));
    expect(sentAgain).toHaveLength(3);
    // Sent again under the record key it was first sent with.
    const [firstTry] = posts(standIn.batchedRequests.slice(batchedSince));
    const firstKey = (firstTry!.body as { fields: Record<string, unknown> }).fields.RecordKey;
    const stored = standIn
      .items(RECORDS_SITE_ID, LISTS.outbox.displayName)
      .filter((item) => item.fields.key === expectedNotices(request)[0]);
    expect(stored.map((item) => item.fields.RecordKey)).toEqual([firstKey]);
  });

  it('sends a request throttled inside the batch (429) again after its Retry-After, and every part is stored once', async () => {
    const request = await waitingRequest();
    standIn.failNext(1, { status: 429, retryAfterSeconds: 0, insideBatchOnly: true, matching: /^POST / });
    const { record } = await forwardOf(request);
    expect(record.version).toBe(2);
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
    expect(await stores.accessRequests.get(request.id)).toMatchObject({ version: 2, state: 'withHeadteacher' });
  });

  it("recognises its own PATCH when the batch's connection dropped after it landed, and stores the rest once", async () => {
    const request = await waitingRequest();
    standIn.failNext(1, { status: 'reset', insideBatchOnly: true, matching: /^POST / });
    const { record } = await forwardOf(request);
    expect(record).toMatchObject({ version: 2, state: 'withHeadteacher' });
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
  });

  it('stores nothing twice when the whole batch was carried out but its answer was lost (503): every part is found by its key', async () => {
    const request = await waitingRequest();
    const since = standIn.requests.length;
    standIn.failNext(1, { status: 503, afterWrite: true });
    await forwardOf(request);
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
    // The batch, the PATCH read back (this very write), each part looked up: none sent again.
    expect(posts(standIn.requests.slice(since)).filter((trip) => !/\$batch/.test(trip.url))).toEqual([]);
  });

  it('stores a new request, then its audit entry and notices in one batch; a lost batch answer stores nothing twice', async () => {
    const draft = newAccessRequest(
      { url: 'https://example.org/new', siteContent: 'Videos', reasons: 'Lessons', risksAndControls: 'Teacher screen only' },
      { personId: '1', name: 'Alex Wilber' },
      `together-${++keys}`,
      new Date(NOW),
    );
    const since = standIn.requests.length;
    // The item goes through; the batch after it is carried out but its answer is lost.
    standIn.failNext(1, { status: 503, afterWrite: true, matching: /^POST .*\$batch/ });
    const { record } = await stores.together.insert<AccessRequest>('accessRequests', draft, (saved) => ({
      ...forward({ ...saved, version: 1 }),
    }));
    expect(
      standIn.items(SITES.working, LISTS.accessRequests.displayName).filter((item) => item.fields.submissionKey === draft.submissionKey),
    ).toHaveLength(1);
    expect(
      standIn
        .items(RECORDS_SITE_ID, LISTS.audit.displayName)
        .filter((item) => item.fields.recordId === record.id && item.fields.action === 'access-request.forward'),
    ).toHaveLength(1);
    expect(
      standIn.items(RECORDS_SITE_ID, LISTS.outbox.displayName).filter((item) => item.fields.run === `step accessRequest ${record.id} v1`),
    ).toHaveLength(2);
    // The item, the batch (its answer lost), then each part looked up: found, none sent again.
    const trips = standIn.requests.slice(since);
    expect(trips.slice(0, 2).map((trip) => [trip.method, /\$batch/.test(trip.url), trip.status])).toEqual([
      ['POST', false, 201],
      ['POST', true, 503],
    ]);
    expect(keyLookups(trips)).toBe(3);
    expect(posts(trips)).toHaveLength(2);
  });

  it('still stores the audit entry when a notice before it cannot be stored, and stores that notice once when tried again', async () => {
    const request = await waitingRequest();
    const outbox = standIn.lists(RECORDS_SITE_ID).find((list) => list.displayName === LISTS.outbox.displayName)!;
    // Every POST to the outbox fails (503, before it is written) until the failures run out: the
    // first notice inside the batch (the rest answered 424), then the first notice sent again, each try.
    const outboxPost = new RegExp(`^POST .*/lists/${outbox.id}/items$`);
    standIn.failNext(FAILURES_PAST_THE_RETRIES, { status: 503, matching: outboxPost });
    const unfinished = await forwardOf(request).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(unfinished).toBeInstanceOf(PartlySavedError);
    const partly = unfinished as PartlySavedError;
    expect(partly.record).toMatchObject({ id: request.id, version: 2, state: 'withHeadteacher' });
    // The decision stands, and its audit entry and the second notice (after the failed one) are stored.
    expect(storedFor(request)).toEqual({ audit: 1, notices: [expectedNotices(request)[1]] });
    standIn.stopFailing();
    await partly.finish();
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
    // Tried again once more: found by its key, nothing stored twice.
    await partly.finish();
    expect(storedFor(request)).toEqual({ audit: 1, notices: expectedNotices(request) });
  });
});
