/** `npm run provision:lists` against the Graph stand-in: complete, idempotent, additive. */
import { provisionLists } from '../../../bot/src/adapters/graph/sharepoint/provision-lists';
import { listSpec } from '../../../bot/src/adapters/graph/sharepoint/list-spec';
import { LISTS } from '../../../bot/src/adapters/graph/sharepoint/lists';
import { createGraphApi } from '../../../bot/src/main';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { RECORDS_SITE_ID, SITE_ID, SITES, sharePointSettings, silentLog, TEST_GRAPH } from '../../fixtures/sharepoint-site';

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
    const done = await provisionLists(graph, SITES);
    expect(done).toHaveLength(Object.keys(LISTS).length);
    expect(done[0]).toMatch(/^Created list "Online Safety Desk - School" with \d+ columns on the working site\.$/);
    const requests = standIn.lists(SITE_ID).find((list) => list.displayName === LISTS.accessRequests.displayName)!;
    const column = (name: string) => requests.columns.find((c) => c.name === name);
    expect(column('submissionKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(column('requesterId')).toMatchObject({ indexed: true, enforceUniqueValues: false });
    expect(column('state')).toMatchObject({ indexed: true });
    expect(column('siteContent')).toMatchObject({ indexed: false });
    expect(column('RecordVersion')).toBeDefined();
  });

  it('puts the incidents, their chronology and the audit log on the records site, and nothing else there', async () => {
    await provisionLists(graph, SITES);
    const safeguarding = [LISTS.incidents.displayName, LISTS.incidentChronology.displayName, LISTS.audit.displayName];
    expect(standIn.lists(RECORDS_SITE_ID).map((list) => list.displayName).sort()).toEqual([...safeguarding].sort());
    const working = standIn.lists(SITE_ID).map((list) => list.displayName);
    expect(working).toHaveLength(Object.keys(LISTS).length - 3);
    expect(working.filter((name) => safeguarding.includes(name))).toEqual([]);
  });

  it('creates everything on one site when a developer tenant gives the same site twice', async () => {
    await provisionLists(graph, { working: SITE_ID, records: SITE_ID });
    expect(standIn.lists(SITE_ID)).toHaveLength(Object.keys(LISTS).length);
  });

  it('warns about safeguarding lists an earlier version left on the working site', async () => {
    await provisionLists(graph, { working: SITE_ID, records: SITE_ID });
    const done = await provisionLists(graph, SITES);
    expect(done.filter((line) => line.startsWith('Warning:'))).toEqual([
      expect.stringContaining('"Online Safety Desk - Incidents" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Incident chronology" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Audit log" is still on the working site'),
    ]);
  });

  it('changes nothing when run again', async () => {
    await provisionLists(graph, SITES);
    const before = writes();
    expect(await provisionLists(graph, SITES)).toEqual([]);
    expect(writes()).toBe(before);
  });

  it('adds only a column that is new in code, and indexes a column that should be', async () => {
    await provisionLists(graph, SITES);
    const grown = listSpec<{ id: string; name: string; contactForAccess: string; motto: string }>(
      LISTS.school.name,
      LISTS.school.displayName,
      LISTS.school.description,
      { name: { type: 'text', indexed: true }, contactForAccess: 'text', motto: 'text' },
      (school) => school.name,
    );
    const before = writes();
    expect(await provisionLists(graph, SITES, { working: { school: grown as never } })).toEqual([
      'Indexed column "name" of "Online Safety Desk - School" on the working site.',
      'Added column "motto" to "Online Safety Desk - School" on the working site.',
    ]);
    expect(writes() - before).toBe(2);
  });

  it('identifies itself to SharePoint as it asks (NONISV|organisation|app/version)', async () => {
    await provisionLists(graph, SITES);
    expect(new Set(standIn.requests.map((request) => request.headers['user-agent']))).toEqual(new Set(['NONISV|Riverside Primary|OnlineSafetyDesk/0.1.0']));
  });
});
