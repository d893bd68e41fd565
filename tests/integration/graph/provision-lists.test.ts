/** `npm run provision:lists` against the Graph stand-in: complete, idempotent, additive. */
import { COPYING_MARK, provisionLists } from '../../../bot/src/adapters/graph/sharepoint/provision-lists';
import { columnDefinition } from '../../../bot/src/adapters/graph/sharepoint/column-definition';
import { createSharePointStores } from '../../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { listSpec } from '../../../bot/src/adapters/graph/sharepoint/list-spec';
import {
  EVIDENCE_LIBRARY,
  LISTS,
  MEDIA_LIBRARY,
  POLICY_LIBRARY,
  RECORDS_SITE_LISTS,
} from '../../../bot/src/adapters/graph/sharepoint/lists';
import type { GraphApi } from '../../../bot/src/adapters/graph/graph-api';
import type { GraphStandIn } from '../../fixtures/graph-stand-in';
import { emptySite, RECORDS_SITE_ID, SITE_ID, SITES } from '../../fixtures/sharepoint-site';

describe('provisioning the lists', () => {
  let standIn: GraphStandIn;
  let graph: GraphApi;
  beforeEach(async () => ({ standIn, graph } = await emptySite()));
  afterEach(() => standIn.stop());

  const writes = () => standIn.requests.filter((request) => request.method !== 'GET').length;

  it('creates every list with its columns, filter columns indexed and keys unique', async () => {
    const done = await provisionLists(graph, SITES);
    // Every list, the document libraries for the photos and videos of requests to post and for incidents' evidence,
    // and the policies' documents.
    expect(done).toHaveLength(Object.keys(LISTS).length + 3);
    expect(done).toContain(`Created document library "${POLICY_LIBRARY.displayName}" on the working site.`);
    expect(done).toContain(`Created document library "${MEDIA_LIBRARY.displayName}" on the records site.`);
    expect(done).toContain(`Created document library "${EVIDENCE_LIBRARY.displayName}" on the records site.`);
    expect(done[0]).toMatch(/^Created list "Online Safety Desk - School" with \d+ columns on the working site\.$/);
    const requests = standIn.lists(SITE_ID).find((list) => list.displayName === LISTS.accessRequests.displayName)!;
    const column = (name: string) => requests.columns.find((c) => c.name === name);
    expect(column('submissionKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(column('requesterId')).toMatchObject({ indexed: true, enforceUniqueValues: false });
    expect(column('state')).toMatchObject({ indexed: true });
    expect(column('siteContent')).toMatchObject({ indexed: false });
    expect(column('RecordVersion')).toBeDefined();
  });

  it('puts the incidents, their chronology, the people linked to them, their evidence, the audit log, the outbox (and its archive) and the photos of pupils on the records site, and nothing else there', async () => {
    await provisionLists(graph, SITES);
    const safeguarding = [
      LISTS.incidents.displayName,
      LISTS.incidentChronology.displayName,
      LISTS.incidentLinks.displayName,
      LISTS.pupilTransfers.displayName,
      LISTS.audit.displayName,
      LISTS.outbox.displayName,
      LISTS.outboxArchive.displayName,
      MEDIA_LIBRARY.displayName,
      EVIDENCE_LIBRARY.displayName,
    ];
    expect(
      standIn
        .lists(RECORDS_SITE_ID)
        .map((list) => list.displayName)
        .sort(),
    ).toEqual([...safeguarding].sort());
    const working = standIn.lists(SITE_ID).map((list) => list.displayName);
    // The working site's lists, and the policy library (policies are not confidential).
    expect(working).toHaveLength(Object.keys(LISTS).length - RECORDS_SITE_LISTS.length + 1);
    expect(working).toContain(POLICY_LIBRARY.displayName);
    expect(working.filter((name) => safeguarding.includes(name))).toEqual([]);
  });

  it('creates everything on one site when a developer tenant gives the same site twice', async () => {
    await provisionLists(graph, { working: SITE_ID, records: SITE_ID });
    expect(standIn.lists(SITE_ID)).toHaveLength(Object.keys(LISTS).length + 3);
  });

  it('warns about safeguarding lists an earlier version left on the working site', async () => {
    await provisionLists(graph, { working: SITE_ID, records: SITE_ID });
    const done = await provisionLists(graph, SITES);
    expect(done.filter((line) => line.startsWith('Warning:'))).toEqual([
      expect.stringContaining('"Online Safety Desk - Incidents" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Incident chronology" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - People in incidents" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Safeguarding files to transfer" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Audit log" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Reminder outbox" is still on the working site'),
      expect.stringContaining('"Online Safety Desk - Reminder outbox archive" is still on the working site'),
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
    expect(new Set(standIn.requests.map((request) => request.headers['user-agent']))).toEqual(
      new Set(['NONISV|Riverside Primary|OnlineSafetyDesk/0.1.0']),
    );
  });
});

describe('moving dates from date-only columns to text', () => {
  let standIn: GraphStandIn;
  let graph: GraphApi;
  beforeEach(async () => ({ standIn, graph } = await emptySite()));
  afterEach(() => standIn.stop());

  /** The consent list as the earlier version made it: a date-only column named after the field. */
  async function consentListAsBefore(): Promise<void> {
    const spec = LISTS.consents;
    const columns = spec.columns.map((column) =>
      column.type === 'date'
        ? { name: column.replaces, displayName: column.displayName, dateTime: { format: 'dateOnly' } }
        : columnDefinition(column),
    );
    await graph.post(`/sites/${SITE_ID}/lists`, {
      displayName: spec.displayName,
      description: spec.description,
      columns,
      list: { template: 'genericList' },
    });
    const consent = {
      Title: '7 images given',
      pupilId: '7',
      media: 'images',
      decision: 'given',
      source: 'consent form',
      recordedBy: 'Lynne Robbins',
      recordedAt: '2022-09-06T09:00:00Z',
      RecordVersion: 1,
    };
    // What the earlier version sent: UTC midnight, which a UK site keeps as its own midnight (BST: 23:00 UTC the day before).
    standIn.bulkInsert(SITE_ID, spec.displayName, [
      { ...consent, RecordKey: 'a', effectiveFrom: '2022-09-05T00:00:00Z' },
      { ...consent, RecordKey: 'b', decision: 'refused', source: 'written notice', effectiveFrom: '2026-01-12T00:00:00Z' },
    ]);
  }

  const consentDates = async () =>
    (await createSharePointStores(graph, SITES).consents.find({ where: { pupilId: '7' }, limit: 10 })).items.map(
      (event) => event.effectiveFrom,
    );

  it('copies each date into its text column once, and the records read the same days as before', async () => {
    await consentListAsBefore();
    const done = await provisionLists(graph, SITES);
    expect(done).toContain(
      'Copied 2 date(s) from "effectiveFrom" to "effectiveFromText" in "Online Safety Desk - Photo and video consent" on the working site: dates are now kept as YYYY-MM-DD, whatever the site\'s time zone.',
    );
    expect(await consentDates()).toEqual(['2022-09-05', '2026-01-12']);
    const columns = standIn
      .lists(SITE_ID)
      .find((list) => list.displayName === LISTS.consents.displayName)!
      .columns.map((column) => column.name);
    expect(columns).toEqual(expect.arrayContaining(['effectiveFrom', 'effectiveFromText']));
    expect(await provisionLists(graph, SITES)).toEqual([]);
  });

  it('finishes a copy that stopped part-way on the next run, and never copies again after that', async () => {
    await consentListAsBefore();
    // Where a run that lost Graph half-way leaves the list: the text column made, the old one marked, nothing copied.
    const listId = standIn.lists(SITE_ID).find((list) => list.displayName === LISTS.consents.displayName)!.id;
    const legacy = (await graph.get<{ value: { id: string; name: string }[] }>(`/sites/${SITE_ID}/lists/${listId}/columns`)).value.find(
      (column) => column.name === 'effectiveFrom',
    )!;
    await graph.patch(`/sites/${SITE_ID}/lists/${listId}/columns/${legacy.id}`, {
      displayName: 'From (date received) (old date column)',
      description: `${COPYING_MARK} effectiveFromText`,
    });
    await graph.post(
      `/sites/${SITE_ID}/lists/${listId}/columns`,
      columnDefinition(LISTS.consents.columns.find((column) => column.field === 'effectiveFrom')!),
    );
    expect(await consentDates()).toEqual([undefined, undefined]);

    expect(await provisionLists(graph, SITES)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Copied 2 date\(s\) from "effectiveFrom"/)]),
    );
    expect(await consentDates()).toEqual(['2022-09-05', '2026-01-12']);
    // A date the app clears later stays cleared: the old column is never copied from again.
    const stores = createSharePointStores(graph, SITES);
    const first = (await stores.consents.find({ where: { pupilId: '7' }, limit: 1 })).items[0]!;
    await stores.consents.update({ ...first, effectiveFrom: undefined as never });
    expect(await provisionLists(graph, SITES)).toEqual([]);
    expect(await consentDates()).toEqual([undefined, '2026-01-12']);
  });
});
