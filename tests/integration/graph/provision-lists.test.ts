/** `npm run provision:lists` against the Graph stand-in: complete, idempotent, additive. */
import { provisionLists } from '../../../bot/src/adapters/graph/sharepoint/provision-lists';
import { listSpec } from '../../../bot/src/adapters/graph/sharepoint/list-spec';
import { LISTS, MEDIA_LIBRARY } from '../../../bot/src/adapters/graph/sharepoint/lists';
import { createGraphApi } from '../../../bot/src/main';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { SITE_ID, sharePointSettings, silentLog, TEST_GRAPH } from '../../fixtures/sharepoint-site';

describe('provisioning the lists', () => {
  let standIn: GraphStandIn;
  let graph: ReturnType<typeof createGraphApi>;
  beforeEach(async () => {
    standIn = new GraphStandIn();
    graph = createGraphApi(sharePointSettings(await standIn.start()), silentLog, TEST_GRAPH);
  });
  afterEach(() => standIn.stop());

  const writes = () => standIn.requests.filter((request) => request.method !== 'GET').length;

  it('creates every list with its columns, filter columns indexed and keys unique', async () => {
    const done = await provisionLists(graph, SITE_ID);
    expect(done).toHaveLength(Object.keys(LISTS).length + 1);
    expect(done[0]).toMatch(/^Created list "Online Safety Desk - School" with \d+ columns\.$/);
    // The photos and videos of requests to post go in a document library on the same site.
    expect(done.at(-1)).toBe(`Created document library "${MEDIA_LIBRARY.displayName}".`);
    const requests = standIn.lists(SITE_ID).find((list) => list.displayName === LISTS.accessRequests.displayName)!;
    const column = (name: string) => requests.columns.find((c) => c.name === name);
    expect(column('submissionKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(column('requesterId')).toMatchObject({ indexed: true, enforceUniqueValues: false });
    expect(column('state')).toMatchObject({ indexed: true });
    expect(column('siteContent')).toMatchObject({ indexed: false });
    expect(column('RecordVersion')).toBeDefined();
  });

  it('finishes when the answer to creating a list is lost and the retry meets the list it made', async () => {
    standIn.failNext(1, { status: 'reset', afterWrite: true, writesOnly: true });
    await provisionLists(graph, SITE_ID);
    expect(standIn.requests.filter((request) => request.injected).map((request) => request.method)).toEqual(['POST']);
    expect(standIn.lists(SITE_ID).map((list) => list.displayName).sort()).toEqual([...Object.values(LISTS).map((spec) => spec.displayName), MEDIA_LIBRARY.displayName].sort());
  });

  it('changes nothing when run again', async () => {
    await provisionLists(graph, SITE_ID);
    const before = writes();
    expect(await provisionLists(graph, SITE_ID)).toEqual([]);
    expect(writes()).toBe(before);
  });

  it('adds only a column that is new in code, and indexes a column that should be', async () => {
    await provisionLists(graph, SITE_ID);
    const grown = listSpec<{ id: string; name: string; contactForAccess: string; motto: string }>(
      LISTS.school.name,
      LISTS.school.displayName,
      LISTS.school.description,
      { name: { type: 'text', indexed: true }, contactForAccess: 'text', motto: 'text' },
      (school) => school.name,
    );
    const before = writes();
    expect(await provisionLists(graph, SITE_ID, { school: grown as never })).toEqual([
      'Indexed column "name" of "Online Safety Desk - School".',
      'Added column "motto" to "Online Safety Desk - School".',
    ]);
    expect(writes() - before).toBe(2);
  });

  it('identifies itself to SharePoint as it asks (NONISV|organisation|app/version)', async () => {
    await provisionLists(graph, SITE_ID);
    expect(new Set(standIn.requests.map((request) => request.headers['user-agent']))).toEqual(new Set(['NONISV|Riverside Primary|OnlineSafetyDesk/0.1.0']));
  });
});
