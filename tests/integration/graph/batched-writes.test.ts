/**
 * Batched writes on SharePoint never store a record twice: a write whose answer was lost is looked
 * up by its record key (or write id) before it is sent again, with the same key. Throttled
 * requests inside a batch are sent again after Retry-After; `sequence` runs requests in order,
 * each only after the one before it succeeded.
 */
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { LISTS } from '../../../bot/src/adapters/graph/sharepoint/lists';
import type { GraphApi } from '../../../bot/src/adapters/graph/graph-api';
import type { Pupil } from '../../../bot/src/domain/school/pupil';
import type { Stores } from '../../../bot/src/ports/stores.port';
import type { GraphStandIn } from '../../fixtures/graph-stand-in';
import { provisionedSite, RECORDS_SITE_ID, SITE_ID, SITES } from '../../fixtures/sharepoint-site';

const pupils = (count: number, from = 0): Omit<Pupil, 'id'>[] =>
  Array.from({ length: count }, (_, i) => ({
    misReference: `R${from + i}`,
    displayName: `Pupil ${from + i}`,
    className: '4B',
    yearGroup: 'Year 4',
    onRollFrom: '2024-09-04',
  }));

describe('batched writes on SharePoint', () => {
  let standIn: GraphStandIn;
  let graph: GraphApi;
  let stores: Stores;
  beforeAll(async () => {
    ({ standIn, graph } = await provisionedSite());
    stores = createSharePointStores(graph, SITES);
    await stores.pupils.find({ limit: 1 }); // the lists are found once, before counting
  });
  afterEach(() => standIn.stopFailing());
  afterAll(() => standIn.stop());

  const stored = () => standIn.items(SITE_ID, LISTS.pupils.displayName);
  const tripsFrom = (since: number) => standIn.requests.slice(since).map((request) => request.url.replace(/\/sites\/[^?]*/, '/…'));
  const keyLookups = (since: number) =>
    standIn.batchedRequests.slice(since).filter((request) => request.method === 'GET' && /RecordKey/.test(decodeURIComponent(request.url)))
      .length;

  it('stores every record once when a whole batch was carried out but its answer was lost (503)', async () => {
    const before = stored().length;
    const [http, batched] = [standIn.requests.length, standIn.batchedRequests.length];
    standIn.failNext(1, { status: 503, afterWrite: true });
    const records = await stores.pupils.insertMany(pupils(25, 100));
    expect(records.map((pupil) => pupil.misReference)).toEqual(pupils(25, 100).map((pupil) => pupil.misReference));
    expect(stored().length - before).toBe(25);
    // two batches of POSTs (the first failed whole), one batch of 20 look-ups, nothing sent again
    expect(tripsFrom(http)).toEqual(['/v1.0/$batch', '/v1.0/$batch', '/v1.0/$batch']);
    expect(keyLookups(batched)).toBe(20);
    expect(standIn.batchedRequests.slice(batched).filter((request) => request.method === 'POST')).toHaveLength(25);
  });

  it('looks a failed request up first and sends it again with the same record key only when it is not there', async () => {
    const before = stored();
    const batched = standIn.batchedRequests.length;
    // The first two POSTs inside the batch: one stored before its 503, one refused before anything was done.
    standIn.failNext(1, { status: 503, afterWrite: true, insideBatchOnly: true });
    standIn.failNext(1, { status: 503, insideBatchOnly: true });
    await stores.pupils.insertMany(pupils(3, 200));
    const added = stored().slice(before.length);
    expect(added.map((item) => item.fields.misReference)).toEqual(['R200', 'R202', 'R201']);
    const inBatches = standIn.batchedRequests.slice(batched).map((request) => `${request.method} ${request.status}`);
    expect(inBatches).toEqual(['POST 503', 'POST 503', 'POST 201', 'GET 200', 'GET 200', 'POST 201']);
    // The second attempt carried the first attempt's record key and write id: one key per record, ever.
    const posts = standIn.batchedRequests
      .slice(batched)
      .filter((request) => request.method === 'POST')
      .map((request) => (request.body as { fields: Record<string, unknown> }).fields);
    const sentFor = (reference: string) =>
      posts.filter((fields) => fields.misReference === reference).map((fields) => [fields.RecordKey, fields.RecordWrite]);
    expect(sentFor('R201')).toHaveLength(2);
    expect(sentFor('R201')[1]).toEqual(sentFor('R201')[0]);
    expect(added.find((item) => item.fields.misReference === 'R201')!.fields.RecordKey).toBe(sentFor('R201')[0]![0]);
    expect(keyLookups(batched)).toBe(2);
  });

  it('sends requests throttled inside a batch again after Retry-After, without looking them up', async () => {
    const batched = standIn.batchedRequests.length;
    standIn.failNext(2, { status: 429, retryAfterSeconds: 0, insideBatchOnly: true });
    const before = stored().length;
    await stores.pupils.insertMany(pupils(4, 300));
    expect(stored().length - before).toBe(4);
    expect(standIn.batchedRequests.slice(batched).map((request) => request.status)).toEqual([429, 429, 201, 201, 201, 201]);
    expect(keyLookups(batched)).toBe(0);
  });

  it('refuses a record whose unique value another record holds, after checking it is not its own earlier write', async () => {
    await expect(stores.pupils.insertMany([...pupils(1, 400), ...pupils(1, 100)])).rejects.toMatchObject({ name: 'DuplicateRecordError' });
    expect(stored().filter((item) => item.fields.misReference === 'R100')).toHaveLength(1);
  });

  it('saves a change whose answer was lost once, at the next version, not twice', async () => {
    const read = await stores.pupils.insertMany(pupils(3, 500));
    standIn.failNext(1, { status: 503, afterWrite: true, insideBatchOnly: true });
    standIn.failNext(1, { status: 'reset', afterWrite: false, insideBatchOnly: true, writesOnly: true });
    const outcomes = await stores.pupils.updateMany(read.map((pupil) => ({ ...pupil, className: '5B' })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['saved', 'saved', 'saved']);
    for (const pupil of read) expect(await stores.pupils.get(pupil.id)).toMatchObject({ className: '5B', version: 2 });
    // And what was answered can be changed again from there.
    const first = outcomes[0]!;
    if (first.status === 'saved')
      await expect(stores.pupils.update({ ...first.record, className: '6B' })).resolves.toMatchObject({ version: 3 });
  });

  it('saves each change once when the whole batch was carried out but its connection dropped', async () => {
    const read = await stores.pupils.insertMany(pupils(2, 600));
    standIn.failNext(1, { status: 'reset', afterWrite: true });
    const outcomes = await stores.pupils.updateMany(read.map((pupil) => ({ ...pupil, className: '5C' })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['saved', 'saved']);
    for (const pupil of read) expect(await stores.pupils.get(pupil.id)).toMatchObject({ className: '5C', version: 2 });
  });

  it('archives old outbox entries once each: a run stopped between copying and deleting leaves no second copy', async () => {
    const entry = {
      run: 'r',
      personId: '7',
      personName: 'Tom',
      reason: 'training-overdue',
      period: '2026-W30',
      status: 'sent' as const,
      message: { title: 't', lines: [], tone: 'warning' as const },
      attempts: 1,
      createdAt: '2026-07-20T07:30:00.000Z',
    };
    await stores.outbox.insertMany([
      ...Array.from({ length: 25 }, (_, i) => ({ ...entry, key: `old-${i}`, updatedAt: '2026-07-20T07:30:05.000Z' })),
      { ...entry, key: 'recent', updatedAt: '2026-11-20T07:30:05.000Z' },
    ]);
    const outbox = () => standIn.items(RECORDS_SITE_ID, LISTS.outbox.displayName).map((item) => item.fields.key);
    const archived = () => standIn.items(RECORDS_SITE_ID, LISTS.outboxArchive.displayName).map((item) => item.fields.key);
    // The first batch of copies is carried out, but its answer is lost: nothing is deleted this time.
    standIn.failNext(1, { status: 503, writesOnly: true, afterWrite: true });
    const stopped = await stores.outbox.archiveBefore('2026-09-01T00:00:00.000Z').catch((error: unknown) => error);
    expect(stopped).toMatchObject({ name: 'StoreUnavailableError' });
    expect(archived()).toHaveLength(20);
    expect(outbox()).toHaveLength(26);
    expect(await stores.outbox.archiveBefore('2026-09-01T00:00:00.000Z')).toBe(25);
    expect(outbox()).toEqual(['recent']);
    expect([...archived()].sort()).toEqual(Array.from({ length: 25 }, (_, i) => `old-${i}`).sort());
  });

  describe('a sequence (dependsOn)', () => {
    const items = () =>
      `/sites/${SITE_ID}/lists/${standIn.lists(SITE_ID).find((list) => list.displayName === LISTS.people.displayName)!.id}/items`;
    const person = (name: string) => ({ fields: { Title: name, displayName: name, roles: '["staff"]', RecordVersion: 1 } });

    it('runs each request only after the one before it succeeded', async () => {
      const [first] = await graph.sequence([{ id: 'a', method: 'POST', url: items(), body: person('Ann') }]);
      const id = (first!.body as { id: string }).id;
      const answers = await graph.sequence([
        {
          id: 'change',
          method: 'PATCH',
          url: `${items()}/${id}/fields`,
          body: { displayName: 'Ann B' },
          headers: { 'If-Match': '"stale,1"' },
        },
        { id: 'note', method: 'POST', url: items(), body: person('Never') },
      ]);
      expect(answers.map((answer) => [answer.id, answer.status])).toEqual([
        ['change', 412],
        ['note', 424],
      ]);
      expect(standIn.items(SITE_ID, LISTS.people.displayName).some((item) => item.fields.displayName === 'Never')).toBe(false);
    });

    it('sends a throttled request again, with every request after it, once Retry-After has passed', async () => {
      const batched = standIn.batchedRequests.length;
      standIn.failNext(1, { status: 429, retryAfterSeconds: 0, insideBatchOnly: true });
      const answers = await graph.sequence([
        { id: '1', method: 'POST', url: items(), body: person('Bea') },
        { id: '2', method: 'POST', url: items(), body: person('Cal') },
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      expect(standIn.batchedRequests.slice(batched).map((request) => `${request.batchId} ${request.status}`)).toEqual([
        '1 429',
        '1 201',
        '2 201',
      ]);
    });

    it('is refused by Graph when only some requests depend on others', async () => {
      const reply = await graph
        .post<unknown>('/$batch', {
          requests: [
            { id: '1', method: 'GET', url: '/sites' },
            { id: '2', method: 'GET', url: '/sites', dependsOn: ['1'] },
            { id: '3', method: 'GET', url: '/sites' },
          ],
        })
        .catch((error: unknown) => error);
      expect(reply).toMatchObject({ statusCode: 400, message: 'Batch should be either fully sequential or fully parallel' });
    });
  });
});
