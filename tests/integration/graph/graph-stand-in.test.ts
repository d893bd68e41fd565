/** The Graph stand-in itself, exercised with plain fetch: it must behave as Graph is documented to. */
import { GraphStandIn } from '../../fixtures/graph-stand-in';

const SITE = 'contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222';
const LISTS = `/sites/${SITE}/lists`;

interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

let graph: GraphStandIn;
let origin: string;

beforeEach(async () => {
  graph = new GraphStandIn();
  origin = await graph.start();
});
afterEach(() => graph.stop());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${origin}/v1.0${path}`, {
    method,
    headers: {
      authorization: 'Bearer test-token',
      'user-agent': 'stand-in-test/1.0',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

async function createList(displayName: string, columns: unknown[] = []): Promise<string> {
  const created = await call('POST', LISTS, { displayName, columns, list: { template: 'genericList' } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const requestsList = () =>
  createList('Access Requests', [
    { name: 'RequestKey', text: {}, indexed: true, enforceUniqueValues: true },
    { name: 'Status', choice: { choices: ['Pending', 'Approved', 'Declined'] }, indexed: true },
    { name: 'Notes', text: { allowMultipleLines: true } },
    { name: 'Urgent', boolean: {}, indexed: true },
    { name: 'DueDate', dateTime: { format: 'dateTime' } },
    { name: 'Score', number: {} },
  ]);

describe('authentication and routing', () => {
  it('refuses a request without a bearer token', async () => {
    const response = await fetch(`${origin}/v1.0${LISTS}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
  });

  it('holds a request, once it has arrived, until beforeAnswer lets it go', async () => {
    let release!: () => void;
    let arrived!: (url: string) => void;
    const there = new Promise<string>((resolve) => (arrived = resolve));
    graph.beforeAnswer = (request) => {
      arrived(request.url);
      return new Promise<void>((resolve) => (release = resolve));
    };
    let answered = false;
    const reply = call('GET', LISTS).then((answer) => ((answered = true), answer));
    expect(await there).toBe(`/v1.0${LISTS}`);
    expect(answered).toBe(false);
    release();
    expect((await reply).status).toBe(200);
    graph.beforeAnswer = undefined;
  });

  it('records every round trip with the headers tests count on', async () => {
    await call('GET', `${LISTS}?$select=id`, undefined, { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' });
    expect(graph.requests).toEqual([
      {
        method: 'GET',
        url: `/v1.0${LISTS}?$select=id`,
        headers: { 'user-agent': 'stand-in-test/1.0', prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
        status: 200,
      },
    ]);
    expect(graph.countBy('GET', /\/lists/)).toBe(1);
    expect(graph.countBy('POST', /\/lists/)).toBe(0);
  });
});

describe('lists', () => {
  it('creates a list with its columns and the built-in ones', async () => {
    const created = await call('POST', LISTS, {
      displayName: 'Access Requests',
      description: 'Requests',
      columns: [{ name: 'Status', text: {} }],
      list: { template: 'genericList' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'AccessRequests',
      displayName: 'Access Requests',
      description: 'Requests',
      list: { template: 'genericList', hidden: false },
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const columns = await call('GET', `${LISTS}/${created.body.id}/columns`);
    const byName = Object.fromEntries((columns.body.value as { name: string }[]).map((column) => [column.name, column]));
    expect(Object.keys(byName)).toEqual(['Title', 'ID', 'Created', 'Modified', 'Status']);
    expect(byName.Title).toMatchObject({ required: true, indexed: false, text: { allowMultipleLines: false } });
    expect(byName.ID).toMatchObject({ indexed: true, readOnly: true });

    expect((await call('GET', `${LISTS}/Access Requests`)).body.id).toBe(created.body.id);
    expect((await call('GET', `${LISTS}/${created.body.id}`)).body.name).toBe('AccessRequests');
    const filtered = await call('GET', `${LISTS}?$filter=displayName eq 'Access Requests'&$select=id,name`);
    expect(filtered.body.value.map((list: { id: string }) => list.id)).toEqual([created.body.id]);
    expect((await call('GET', `${LISTS}?$filter=${encodeURIComponent("displayName eq 'Other'")}`)).body.value).toEqual([]);
  });

  it('refuses a name, a duplicate display name, and an unknown list', async () => {
    const named = await call('POST', LISTS, { displayName: 'Audit', name: 'Audit' });
    expect(named.status).toBe(400);
    expect(named.body.error).toMatchObject({
      code: 'invalidRequest',
      message: "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
    });
    await createList('Audit');
    const again = await call('POST', LISTS, { displayName: 'Audit' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'nameAlreadyExists', message: 'A list with this name already exists.' });
    const missing = await call('GET', `${LISTS}/Nothing`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'itemNotFound', message: 'The resource could not be found.' });
  });

  it('keeps lists per site', async () => {
    await createList('Audit');
    expect((await call('POST', '/sites/other-site/lists', { displayName: 'Audit' })).status).toBe(201);
    expect(graph.lists(SITE).map((list) => list.displayName)).toEqual(['Audit']);
  });
});

describe('columns', () => {
  it('adds a column, refuses a duplicate name in any case, and an unindexed unique column', async () => {
    const list = await createList('Audit');
    const added = await call('POST', `${LISTS}/${list}/columns`, {
      name: 'Outcome',
      displayName: 'Outcome',
      choice: { choices: ['A', 'B'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Outcome', indexed: false, enforceUniqueValues: false, choice: { choices: ['A', 'B'] } });

    const duplicate = await call('POST', `${LISTS}/${list}/columns`, { name: 'outcome', text: {} });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('nameAlreadyExists');
    expect((await call('POST', `${LISTS}/${list}/columns`, { name: 'title', text: {} })).status).toBe(409);

    const unique = await call('POST', `${LISTS}/${list}/columns`, { name: 'Key', text: {}, enforceUniqueValues: true });
    expect(unique.status).toBe(400);
    expect(unique.body.error).toMatchObject({ code: 'invalidRequest', message: 'Unique columns must be indexed.' });
  });

  it('updates a column to be indexed and unique', async () => {
    const list = await createList('Audit', [{ name: 'Key', text: {} }]);
    const key = (await call('GET', `${LISTS}/${list}/columns`)).body.value.find((column: { name: string }) => column.name === 'Key');
    expect((await call('PATCH', `${LISTS}/${list}/columns/${key.id}`, { enforceUniqueValues: true })).status).toBe(400);
    const updated = await call('PATCH', `${LISTS}/${list}/columns/${key.id}`, {
      indexed: true,
      enforceUniqueValues: true,
      displayName: 'Request key',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Key', displayName: 'Request key', indexed: true, enforceUniqueValues: true });
    expect(graph.lists(SITE)[0]!.columns.find((column) => column.name === 'Key')).toEqual({
      name: 'Key',
      indexed: true,
      enforceUniqueValues: true,
      required: false,
    });
  });
});

describe('items', () => {
  it('creates, reads and updates an item with eTags and If-Match', async () => {
    const list = await requestsList();
    const created = await call('POST', `${LISTS}/${list}/items`, {
      fields: { Title: 'Year 6 trip', RequestKey: 'r-1', Status: 'Pending', Urgent: true, DueDate: '2025-03-01T09:30:15.123Z', Score: 3 },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('1');
    expect(created.body.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(created.body['@odata.etag']).toBe(created.body.eTag);
    expect(created.body.fields).toMatchObject({
      '@odata.etag': created.body.eTag,
      id: '1',
      Title: 'Year 6 trip',
      DueDate: '2025-03-01T09:30:15Z',
      Urgent: true,
      Score: 3,
    });
    expect(created.body.fields.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const read = await call('GET', `${LISTS}/${list}/items/1?expand=fields`);
    expect(read.body.fields.Status).toBe('Pending');
    expect((await call('GET', `${LISTS}/${list}/items/1`)).body.fields).toBeUndefined();
    expect((await call('GET', `${LISTS}/${list}/items/9?$expand=fields`)).status).toBe(404);

    const patched = await call(
      'PATCH',
      `${LISTS}/${list}/items/1/fields`,
      { Status: 'Approved', Score: null },
      { 'if-match': created.body.eTag },
    );
    expect(patched.status).toBe(200);
    expect(patched.body['@odata.etag']).toMatch(/,2"$/);
    expect(patched.body.Status).toBe('Approved');
    expect(patched.body).not.toHaveProperty('Score');

    const stale = await call('PATCH', `${LISTS}/${list}/items/1/fields`, { Status: 'Declined' }, { 'if-match': created.body.eTag });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'resourceModified', message: "ETag does not match current item's value" });
    expect((await call('PATCH', `${LISTS}/${list}/items/1/fields`, { Status: 'Declined' }, { 'if-match': '*' })).status).toBe(200);
    expect(graph.items(SITE, 'Access Requests')).toEqual([
      expect.objectContaining({ id: '1', version: 3, fields: expect.objectContaining({ Status: 'Declined' }) }),
    ]);
  });

  it('checks fields: known, required, choices, types, length', async () => {
    const list = await requestsList();
    const post = (fields: Record<string, unknown>) => call('POST', `${LISTS}/${list}/items`, { fields });
    const unknown = await post({ Title: 'x', Colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'invalidRequest', message: "Field 'Colour' is not recognized" });
    expect((await post({ RequestKey: 'no-title' })).status).toBe(400);
    expect((await post({ Title: 'x', Status: 'Maybe' })).status).toBe(400);
    expect((await post({ Title: 'x', Score: 'three' })).status).toBe(400);
    expect((await post({ Title: 'x', DueDate: 'tomorrow' })).status).toBe(400);
    expect((await post({ Title: 'x'.repeat(256) })).status).toBe(400);
    expect((await post({ Title: 'x', Notes: 'n'.repeat(1000) })).status).toBe(201);
    expect((await post({ Title: 'x', ID: 5 })).status).toBe(400);
  });

  it('refuses a duplicate value in a unique column, on create and on update', async () => {
    const list = await requestsList();
    expect((await call('POST', `${LISTS}/${list}/items`, { fields: { Title: 'a', RequestKey: 'r-1' } })).status).toBe(201);
    expect((await call('POST', `${LISTS}/${list}/items`, { fields: { Title: 'b', RequestKey: 'r-2' } })).status).toBe(201);
    const duplicate = await call('POST', `${LISTS}/${list}/items`, { fields: { Title: 'c', RequestKey: 'R-1' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({
      code: 'conflict',
      message:
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [RequestKey].',
    });
    expect((await call('PATCH', `${LISTS}/${list}/items/2/fields`, { RequestKey: 'r-1' })).status).toBe(409);
    expect((await call('PATCH', `${LISTS}/${list}/items/2/fields`, { RequestKey: 'r-2' })).status).toBe(200);
    expect(graph.items(SITE, list)).toHaveLength(2);
  });
});

describe("date-only columns and the site's time zone", () => {
  const dateList = () => createList('Dates', [{ name: 'Day', dateTime: { format: 'dateOnly' } }]);

  it.each([
    // A UK site (the default): BST midnight is 23:00 UTC the day before; GMT midnight is midnight UTC.
    [undefined, '2026-09-04T00:00:00Z', '2026-09-03T23:00:00Z'],
    [undefined, '2026-12-04T00:00:00Z', '2026-12-04T00:00:00Z'],
    // A site left on US Eastern time: UTC midnight is the evening before there, so the day shifts back.
    ['America/New_York', '2026-09-04T00:00:00Z', '2026-09-03T04:00:00Z'],
    // A site on New Zealand time: midnight there is the previous UTC day.
    ['Pacific/Auckland', '2026-09-04T00:00:00Z', '2026-09-03T12:00:00Z'],
  ])("keeps a date-only value as midnight in the site's zone (%s): %s is stored as %s", async (zone, sent, kept) => {
    if (zone) graph.setSiteTimeZone(SITE, zone);
    const list = await dateList();
    const created = await call('POST', `${LISTS}/${list}/items`, { fields: { Title: 'x', Day: sent } });
    expect(created.body.fields.Day).toBe(kept);
  });
});

describe('sites and their app grants', () => {
  it('answers a site that exists and 404 for one that does not', async () => {
    graph.addSite(SITE, 'Riverside staff');
    expect((await call('GET', `/sites/${SITE}`)).body).toMatchObject({ id: SITE, displayName: 'Riverside staff' });
    expect((await call('GET', '/sites/contoso.sharepoint.com,0,0')).status).toBe(404);
  });

  it('lists the apps granted a site only to an app with Sites.FullControl.All', async () => {
    graph.grantApp(SITE, { appId: 'app-1', displayName: 'Online Safety Desk', roles: ['write'] });
    expect((await call('GET', `/sites/${SITE}/permissions`)).status).toBe(403);
    graph.appHasFullControlAll = true;
    const listed = await call('GET', `/sites/${SITE}/permissions`);
    expect(listed.body.value).toEqual([
      expect.objectContaining({
        roles: ['write'],
        grantedToIdentitiesV2: [{ application: { id: 'app-1', displayName: 'Online Safety Desk' } }],
      }),
    ]);
    expect((await call('GET', `/sites/${SITE}/permissions/${listed.body.value[0].id}`)).body.roles).toEqual(['write']);
  });
});

describe('filters', () => {
  const PREFER = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

  it('filters on indexed columns, refuses non-indexed ones unless told to', async () => {
    const list = await requestsList();
    graph.bulkInsert(SITE, list, [
      { Title: "O'Brien", RequestKey: 'k1', Status: 'Pending', Urgent: true, Score: 1 },
      { Title: 'Smith', RequestKey: 'k2', Status: 'Approved', Urgent: false, Score: 2 },
      { Title: 'Jones', RequestKey: 'k3', Status: 'Pending', Urgent: false, Score: 1 },
    ]);
    const titles = (reply: Reply) => reply.body.value.map((item: { fields: { Title: string } }) => item.fields.Title);

    expect(titles(await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/Status eq 'Pending'`))).toEqual([
      "O'Brien",
      'Jones',
    ]);
    expect(
      titles(
        await call(
          'GET',
          `${LISTS}/${list}/items?$expand=fields&$filter=${encodeURIComponent("fields/Status eq 'Pending' and fields/Urgent eq 1")}`,
        ),
      ),
    ).toEqual(["O'Brien"]);
    expect(
      titles(await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=(fields/Urgent eq false) and (fields/RequestKey eq 'K2')`)),
    ).toEqual(['Smith']);

    const refused = await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/Title eq 'O''Brien'`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'invalidRequest',
      message:
        "Field 'Title' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
      innerError: expect.any(Object),
    });
    expect(titles(await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/Title eq 'O''Brien'`, undefined, PREFER))).toEqual(
      ["O'Brien"],
    );
    expect(
      titles(
        await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/Score eq 1&$orderby=fields/Title desc`, undefined, PREFER),
      ),
    ).toEqual(["O'Brien", 'Jones']);
    expect((await call('GET', `${LISTS}/${list}/items?$filter=fields/Nope eq 1`)).status).toBe(400);
  });

  it('fails a non-indexed filter past the list view threshold, even with the Prefer header', async () => {
    const list = await requestsList();
    graph.bulkInsert(
      SITE,
      list,
      Array.from({ length: 5001 }, (_, at) => ({ Title: `Item ${at + 1}`, RequestKey: `k${at + 1}`, Status: 'Pending' })),
    );
    const refused = await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/Title eq 'Item 7'`, undefined, PREFER);
    expect(refused.status).toBe(500);
    expect(refused.body.error).toMatchObject({
      code: 'generalException',
      message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
    });
    const indexed = await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/RequestKey eq 'k5001'`);
    expect(indexed.body.value.map((item: { id: string }) => item.id)).toEqual(['5001']);
    // An indexed filter that still matches more than 5,000 items of such a list fails too.
    const wide = await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=fields/Status eq 'Pending'`);
    expect(wide.status).toBe(500);
  });

  it('compares with ge, gt, le and lt: numbers and instants by value, text by its characters', async () => {
    const list = await createList('Dated', [
      { name: 'At', dateTime: { format: 'dateTime' }, indexed: true },
      { name: 'Rank', number: {}, indexed: true },
    ]);
    graph.bulkInsert(SITE, list, [
      { Title: 'a', At: '2026-11-01T09:00:00Z', Rank: 2 },
      { Title: 'b', At: '2026-11-20T09:00:00Z', Rank: 10 },
      { Title: 'c', At: '2026-11-24T09:00:00Z', Rank: 9 },
    ]);
    const titles = async (filter: string) =>
      (await call('GET', `${LISTS}/${list}/items?expand=fields&$filter=${encodeURIComponent(filter)}`)).body.value.map(
        (item: { fields: { Title: string } }) => item.fields.Title,
      );
    expect(await titles("fields/At ge '2026-11-20T09:00:00Z'")).toEqual(['b', 'c']);
    expect(await titles("fields/At gt '2026-11-20T09:00:00.000Z'")).toEqual(['c']);
    expect(await titles("fields/At lt '2026-11-20'")).toEqual(['a']);
    expect(await titles('fields/Rank le 9')).toEqual(['a', 'c']);
    expect(await titles("fields/At ge '2026-11-02' and fields/At le '2026-11-21'")).toEqual(['b']);
  });
});

describe('paging', () => {
  it('pages with an absolute nextLink on its own origin, over three pages', async () => {
    const list = await requestsList();
    graph.bulkInsert(
      SITE,
      list,
      ['a', 'b', 'c', 'd', 'e'].map((title, at) => ({ Title: title, RequestKey: `k${at}`, Status: 'Pending' })),
    );
    const ids: string[][] = [];
    const links: string[] = [];
    let next: string | undefined = `${LISTS}/${list}/items?expand=fields&$filter=fields/Status eq 'Pending'&$top=2`;
    while (next) {
      const page: Reply = await call('GET', next);
      expect(page.status).toBe(200);
      ids.push(page.body.value.map((item: { id: string }) => item.id));
      const link = page.body['@odata.nextLink'] as string | undefined;
      if (link) links.push(link);
      next = link?.slice(`${origin}/v1.0`.length);
    }
    expect(ids).toEqual([['1', '2'], ['3', '4'], ['5']]);
    const tokens = links.map((link) => [
      link.startsWith(`${origin}/v1.0/sites/`),
      Buffer.from(new URL(link).searchParams.get('$skiptoken')!, 'base64url').toString(),
    ]);
    expect(tokens).toEqual([
      [true, 'Paged=TRUE&p_ID=2'],
      [true, 'Paged=TRUE&p_ID=4'],
    ]);
    expect((await call('GET', `${LISTS}/${list}/items?$top=1000`)).status).toBe(400);
  });
});

describe('$batch', () => {
  const batch = (requests: unknown[]) => call('POST', '/$batch', { requests });

  it('runs requests in order, honours dependsOn, and answers 424 after a failed dependency', async () => {
    const list = await requestsList();
    const items = `/sites/${SITE}/lists/${list}/items`;
    const json = { 'Content-Type': 'application/json' };
    const reply = await batch([
      { id: '1', method: 'POST', url: items, headers: json, body: { fields: { Title: 'a', RequestKey: 'k1' } } },
      { id: '2', method: 'PATCH', url: `${items}/1/fields`, headers: json, body: { Status: 'Approved' }, dependsOn: ['1'] },
      { id: '3', method: 'GET', url: `${items}/1?expand=fields`, dependsOn: ['2'] },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((response: { id: string; status: number }) => [response.id, response.status])).toEqual([
      ['1', 201],
      ['2', 200],
      ['3', 200],
    ]);
    expect(reply.body.responses[2].body.fields.Status).toBe('Approved');
    expect(graph.countBy('POST', /\$batch/)).toBe(1);
    expect(graph.countBy('PATCH', /fields/, 'batch')).toBe(1);

    const failing = await batch([
      { id: 'a', method: 'POST', url: items, headers: json, body: { fields: { Title: 'dup', RequestKey: 'k1' } } },
      { id: 'b', method: 'GET', url: `${items}/1`, dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: `${items}/1`, dependsOn: ['b'] },
    ]);
    expect(failing.body.responses.map((response: { status: number }) => response.status)).toEqual([409, 424, 424]);
    const parallel = await batch([
      { id: 'a', method: 'GET', url: `${items}/1` },
      { id: 'c', method: 'POST', url: items, body: { fields: { Title: 'no content type' } } },
    ]);
    expect(parallel.body.responses.map((response: { status: number }) => response.status)).toEqual([200, 400]);
  });

  it('refuses a batch that is neither fully sequential nor fully parallel', async () => {
    const lists = { method: 'GET', url: `/sites/${SITE}/lists` };
    for (const requests of [
      [
        { id: '1', ...lists },
        { id: '2', ...lists, dependsOn: ['1'] },
        { id: '3', ...lists },
      ],
      [
        { id: '1', ...lists },
        { id: '2', ...lists },
        { id: '3', ...lists, dependsOn: ['1'] },
      ],
    ]) {
      const reply = await batch(requests);
      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toBe('Batch should be either fully sequential or fully parallel');
    }
    const chain = await batch([
      { id: '1', ...lists },
      { id: '2', ...lists, dependsOn: ['1'] },
      { id: '3', ...lists, dependsOn: ['2'] },
    ]);
    expect(chain.status).toBe(200);
  });

  it('reads raw spaces and quotes in an inner url', async () => {
    const list = await requestsList();
    graph.bulkInsert(SITE, list, [
      { Title: 'a', RequestKey: "it's" },
      { Title: 'b', RequestKey: 'other' },
    ]);
    const reply = await batch([
      { id: '1', method: 'GET', url: `/sites/${SITE}/lists/${list}/items?expand=fields&$filter=fields/RequestKey eq 'it''s'` },
    ]);
    expect(reply.body.responses[0].body.value.map((item: { id: string }) => item.id)).toEqual(['1']);
    expect(graph.batchedRequests[0]).toMatchObject({ method: 'GET', batchId: '1', status: 200 });
  });

  it('refuses more than 20 requests and duplicate ids', async () => {
    const tooMany = await batch(
      Array.from({ length: 21 }, (_, at) => ({ id: String(at + 1), method: 'GET', url: `/sites/${SITE}/lists` })),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'BadRequest', message: 'Number of requests in the batch exceeds the limit of 20.' });
    const duplicate = await batch([
      { id: '1', method: 'GET', url: `/sites/${SITE}/lists` },
      { id: '1', method: 'GET', url: `/sites/${SITE}/lists` },
    ]);
    expect(duplicate.status).toBe(400);
  });
});

describe('directory', () => {
  const EVENTUAL = { ConsistencyLevel: 'eventual' };

  beforeEach(() => {
    graph.addUser({ id: 'u1', displayName: 'Ada', mail: 'ada@school.example' });
    graph.addUser({ id: 'u2', displayName: 'Ben', mail: 'ben@school.example' });
    graph.addUser({ id: 'u3', displayName: 'Cy', mail: 'cy@school.example' });
    graph.addGroup('staff', ['u1', 'teachers']);
    graph.addGroup('teachers', ['u2', 'year6']);
    graph.addGroup('year6', ['u3', 'staff']); // a cycle, as directories allow
    graph.addGroup('governors', ['u1']);
  });

  it('lists a user’s groups transitively', async () => {
    const groups = await call('GET', '/users/u3/transitiveMemberOf/microsoft.graph.group?$select=id', undefined, EVENTUAL);
    expect(groups.status).toBe(200);
    expect(groups.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.group', id: 'staff' },
      { '@odata.type': '#microsoft.graph.group', id: 'teachers' },
      { '@odata.type': '#microsoft.graph.group', id: 'year6' },
    ]);
    expect(
      (await call('GET', '/users/u1/transitiveMemberOf/microsoft.graph.group?$select=id', undefined, EVENTUAL)).body.value,
    ).toHaveLength(4);
    expect((await call('GET', '/users/nobody/transitiveMemberOf/microsoft.graph.group', undefined, EVENTUAL)).status).toBe(404);
    const withoutHeader = await call('GET', '/users/u3/transitiveMemberOf/microsoft.graph.group?$select=id');
    expect(withoutHeader.status).toBe(400);
    expect(withoutHeader.body.error.code).toBe('Request_UnsupportedQuery');
  });

  it("tracks changes to groups' members with delta queries: all of them first, then only the groups that changed", async () => {
    const first = await call('GET', `/groups/delta?$select=members&$filter=${encodeURIComponent("id eq 'staff' or id eq 'governors'")}`);
    expect(first.status).toBe(200);
    expect(
      first.body.value.map((group: { id: string; 'members@delta': { id: string }[] }) => [
        group.id,
        group['members@delta'].map((member) => member.id),
      ]),
    ).toEqual([
      ['staff', ['u1', 'teachers']],
      ['governors', ['u1']],
    ]);
    const quiet = await call('GET', (first.body['@odata.deltaLink'] as string).slice(`${origin}/v1.0`.length));
    expect(quiet.body.value).toEqual([]);
    graph.addGroup('governors', ['u1', 'u2']);
    graph.addGroup('teachers', ['u2']); // nested in staff: a change to another group
    const changed = await call('GET', (quiet.body['@odata.deltaLink'] as string).slice(`${origin}/v1.0`.length));
    expect(changed.body.value.map((group: { id: string }) => group.id)).toEqual(['governors']);
    expect((await call('GET', '/groups/delta?$deltatoken=nonsense')).status).toBe(410);
    const tooMany = Array.from({ length: 51 }, (_, at) => `id eq 'g${at}'`).join(' or ');
    expect((await call('GET', `/groups/delta?$select=members&$filter=${encodeURIComponent(tooMany)}`)).status).toBe(400);
  });

  it('lists a group’s users transitively, in pages', async () => {
    const first = await call(
      'GET',
      '/groups/teachers/transitiveMembers/microsoft.graph.user?$select=id,displayName,mail&$top=2',
      undefined,
      EVENTUAL,
    );
    expect(first.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: 'u2', displayName: 'Ben', mail: 'ben@school.example' },
      { '@odata.type': '#microsoft.graph.user', id: 'u3', displayName: 'Cy', mail: 'cy@school.example' },
    ]);
    const second = await call('GET', (first.body['@odata.nextLink'] as string).slice(`${origin}/v1.0`.length), undefined, EVENTUAL);
    expect(second.body.value.map((user: { id: string }) => user.id)).toEqual(['u1']);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    expect((await call('GET', '/groups/nobody/transitiveMembers/microsoft.graph.user', undefined, EVENTUAL)).status).toBe(404);
  });
});

describe('fault injection', () => {
  it('fails the next requests with a Retry-After header, then answers again', async () => {
    graph.failNext(2, { status: 429, retryAfterSeconds: 3 });
    const first = await call('GET', LISTS);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body.error).toMatchObject({ code: 'TooManyRequests', message: 'Injected' });
    expect((await call('GET', LISTS)).status).toBe(429);
    expect((await call('GET', LISTS)).status).toBe(200);
    graph.failNext(1, { status: 503 });
    const unavailable = await call('GET', LISTS);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBeNull();
    expect(graph.requests.filter((request) => request.injected).length).toBe(3);
  });

  it('throttles one request in n, round trips and requests inside a batch alike, and counts requests sent before Retry-After passed', async () => {
    graph.throttleEvery(3, { retryAfterSeconds: 30 });
    const statuses = [];
    for (let at = 0; at < 3; at++) statuses.push((await call('GET', LISTS)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(graph.sentWhileThrottled).toBe(0);
    const lists = { id: '1', method: 'GET', url: `/sites/${SITE}/lists` };
    const reply = await call('POST', '/$batch', { requests: [lists, { ...lists, id: '2' }, { ...lists, id: '3' }] });
    expect(reply.status).toBe(200);
    expect(graph.sentWhileThrottled).toBe(1);
    expect(reply.body.responses.map((response: { status: number }) => response.status)).toEqual([200, 429, 200]);
    expect(reply.body.responses[1].headers['Retry-After']).toBe('30');
    graph.stopFailing();
    expect((await call('GET', LISTS)).status).toBe(200);
  });

  it('fails a whole batch, or only requests inside one', async () => {
    graph.failNext(1, { status: 503 });
    const lists = { id: '1', method: 'GET', url: `/sites/${SITE}/lists` };
    expect((await call('POST', '/$batch', { requests: [lists] })).status).toBe(503);
    graph.failNext(1, { status: 429, retryAfterSeconds: 2, insideBatchOnly: true });
    const reply = await call('POST', '/$batch', { requests: [lists, { ...lists, id: '2' }] });
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((response: { status: number }) => response.status)).toEqual([429, 200]);
    expect(reply.body.responses[0].headers['Retry-After']).toBe('2');
  });

  it('fails at random, reproducibly from a seed, sometimes after applying a write', async () => {
    const run = async (seed: number): Promise<{ outcomes: (number | 'reset')[]; stored: number }> => {
      const stand = new GraphStandIn();
      const base = await stand.start();
      try {
        const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
        await fetch(`${base}/v1.0${LISTS}`, { method: 'POST', headers: auth, body: JSON.stringify({ displayName: 'Audit' }) });
        stand.failRandomly(1, { seed });
        const outcomes: (number | 'reset')[] = [];
        for (let at = 0; at < 40; at++) {
          try {
            const response = await fetch(`${base}/v1.0${LISTS}/Audit/items`, {
              method: 'POST',
              headers: auth,
              body: JSON.stringify({ fields: { Title: `t${at}` } }),
            });
            await response.text();
            outcomes.push(response.status);
          } catch {
            outcomes.push('reset');
          }
        }
        return { outcomes, stored: stand.items(SITE, 'Audit').length };
      } finally {
        await stand.stop();
      }
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect((await run(7)).outcomes).not.toEqual(first.outcomes);
    expect(new Set(first.outcomes)).toEqual(new Set([429, 503, 'reset']));
    expect(first.outcomes.every((outcome) => outcome !== 201)).toBe(true);
    expect(first.stored).toBeGreaterThan(0); // written, though every client saw a failure
    expect(first.stored).toBeLessThan(40);
  });

  it('can apply a write and then drop the connection', async () => {
    await createList('Audit');
    graph.failNext(1, { status: 'reset', afterWrite: true });
    await expect(call('POST', `${LISTS}/Audit/items`, { fields: { Title: 'kept' } })).rejects.toThrow();
    graph.failNext(1, { status: 503, afterWrite: true });
    expect((await call('PATCH', `${LISTS}/Audit/items/1/fields`, { Title: 'changed' })).status).toBe(503);
    graph.failNext(1, { status: 503, afterWrite: true });
    expect((await call('GET', `${LISTS}/Audit/items/1?expand=fields`)).status).toBe(503);
    expect(graph.items(SITE, 'Audit').map((item) => [item.fields.Title, item.version])).toEqual([['changed', 2]]);
    expect(graph.requests.map((request) => request.status)).toEqual([201, 'reset', 503, 503]);
  });

  it('fails inside batches at random too, reproducibly', async () => {
    const run = async (): Promise<unknown> => {
      const stand = new GraphStandIn();
      const base = await stand.start();
      try {
        const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
        const requests = Array.from({ length: 20 }, (_, at) => ({ id: String(at), method: 'GET', url: `/sites/${SITE}/lists` }));
        stand.failRandomly(0.3, { seed: 3 });
        const outcomes: unknown[] = [];
        for (let at = 0; at < 5; at++) {
          try {
            const response = await fetch(`${base}/v1.0/$batch`, { method: 'POST', headers: auth, body: JSON.stringify({ requests }) });
            const body = (await response.json()) as { responses?: { status: number }[] };
            outcomes.push(body.responses ? body.responses.map((inner) => inner.status) : response.status);
          } catch {
            outcomes.push('reset');
          }
        }
        return outcomes;
      } finally {
        await stand.stop();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(JSON.stringify(first)).toMatch(/200/);
    expect(JSON.stringify(first)).toMatch(/429|503/);
  });

  it('stops failing', async () => {
    graph.failRandomly(1, { seed: 1 });
    graph.stopFailing();
    expect((await call('GET', LISTS)).status).toBe(200);
  });
});
