import { createSharePointStores } from '../../bot/src/adapters/graph/sharepoint/sharepoint-stores';
import { provisionedSite, SITE_ID } from '../fixtures/sharepoint-site';
import { describeIncidentContract } from './incident-contract';
import { describeStoreContract } from './store-contract';

describeStoreContract('SharePoint (through the Graph stand-in)', async () => {
  const { standIn, graph } = await provisionedSite();
  const stores = await createSharePointStores(graph, SITE_ID);
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

describeIncidentContract(async () => {
  const { standIn, graph } = await provisionedSite();
  return { stores: await createSharePointStores(graph, SITE_ID), cleanup: () => standIn.stop() };
});
