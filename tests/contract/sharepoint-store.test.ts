import { createSharePointStores } from '../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { provisionedSite, RECORDS_SITE_ID, SITE_ID, SITES } from '../fixtures/sharepoint-site';
import { describeIncidentContract } from './incident-contract';
import { describeStoreContract } from './store-contract';

describeStoreContract('SharePoint (through the Graph stand-in)', async () => {
  const { standIn, graph } = await provisionedSite();
  const stores = createSharePointStores(graph, SITES);
  return {
    stores,
    async breakIt() {
      standIn.failNext(1000, { status: 503 });
    },
    async cleanup() {
      await standIn.stop();
    },
  };
});

// Date-only values must not move a day on a site whose regional settings are not UK time: the
// whole contract again, with the working site on US Eastern time and the records site on New Zealand time.
describeStoreContract('SharePoint on sites not set to UK time', async () => {
  const { standIn, graph } = await provisionedSite();
  standIn.setSiteTimeZone(SITE_ID, 'America/New_York');
  standIn.setSiteTimeZone(RECORDS_SITE_ID, 'Pacific/Auckland');
  return {
    stores: createSharePointStores(graph, SITES),
    async breakIt() {
      standIn.failNext(1000, { status: 503 });
    },
    async cleanup() {
      await standIn.stop();
    },
  };
});

describeIncidentContract(async () => {
  const { standIn, graph } = await provisionedSite();
  return { stores: createSharePointStores(graph, SITES), cleanup: () => standIn.stop() };
});

describe('which SharePoint site holds what', () => {
  it('writes the audit log and the incident chronology to the records site only, everyday records to the working site', async () => {
    const { standIn, graph } = await provisionedSite();
    const stores = createSharePointStores(graph, SITES);
    await stores.audit.append({
      at: '2026-11-24T09:00:00.000Z',
      actorId: '7',
      actorName: 'Patti Fernandez',
      action: 'incident.report',
      recordType: 'incident',
      recordId: '1',
      summary: 'Concern reported',
    });
    await stores.incidentChronology.append({
      incidentId: '1',
      at: '2026-11-24T09:00:00.000Z',
      byId: '7',
      byName: 'Patti Fernandez',
      kind: 'action',
      text: 'Spoke to the class teacher',
    });
    await stores.people.insert({ displayName: 'Alex Wilber', roles: ['staff'] });
    const holding = (siteId: string) =>
      standIn
        .lists(siteId)
        .filter((list) => list.itemCount > 0)
        .map((list) => list.displayName)
        .sort();
    expect(holding(RECORDS_SITE_ID)).toEqual(['Online Safety Desk - Audit log', 'Online Safety Desk - Incident chronology']);
    expect(holding(SITE_ID)).toEqual(['Online Safety Desk - People']);
    await standIn.stop();
  });
});
