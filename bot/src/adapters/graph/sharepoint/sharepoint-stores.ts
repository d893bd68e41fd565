import type { Stores } from '../../../ports/stores.port';
import { LISTS } from './lists';
import { SharePointAuditLog } from './sharepoint-audit-log';
import { SharePointCollection } from './sharepoint-collection';
import { SharePointChronology, SharePointIncidentStore } from './sharepoint-incident-store';
import { unavailable, type GraphApi } from '../graph-api';

/** The site's lists by display name. */
export async function findListIds(graph: GraphApi, siteId: string): Promise<Map<string, string>> {
  let path: string | undefined = `/sites/${siteId}/lists?$select=id,displayName`;
  const byName = new Map<string, string>();
  while (path) {
    const current: string = path;
    const page = await graph.get<{ value: { id: string; displayName: string }[]; '@odata.nextLink'?: string }>(current).catch((error: unknown) => {
      throw unavailable(error);
    });
    for (const list of page.value) byName.set(list.displayName, list.id);
    path = page['@odata.nextLink'] ? graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
  }
  return byName;
}

/** Every store on the school's SharePoint site, through Microsoft Graph. */
export async function createSharePointStores(graph: GraphApi, siteId: string): Promise<Stores> {
  const found = await findListIds(graph, siteId);
  const missing = Object.values(LISTS).filter((spec) => !found.has(spec.displayName)).map((spec) => spec.displayName);
  if (missing.length) throw new Error(`These SharePoint lists are missing: ${missing.join(', ')}. Run \`npm run provision:lists\` first.`);
  const items = (key: keyof typeof LISTS) => `/sites/${siteId}/lists/${found.get(LISTS[key].displayName)}/items`;
  const school = new SharePointCollection(graph, items('school'), LISTS.school);
  const people = new SharePointCollection(graph, items('people'), LISTS.people);
  return {
    school,
    people,
    pupils: new SharePointCollection(graph, items('pupils'), LISTS.pupils),
    consents: new SharePointCollection(graph, items('consents'), LISTS.consents),
    socialAccounts: new SharePointCollection(graph, items('socialAccounts'), LISTS.socialAccounts),
    posts: new SharePointCollection(graph, items('posts'), LISTS.posts),
    takedowns: new SharePointCollection(graph, items('takedowns'), LISTS.takedowns),
    policies: new SharePointCollection(graph, items('policies'), LISTS.policies),
    termDates: new SharePointCollection(graph, items('termDates'), LISTS.termDates),
    trainingRequirements: new SharePointCollection(graph, items('trainingRequirements'), LISTS.trainingRequirements),
    firstSeen: new SharePointCollection(graph, items('firstSeen'), LISTS.firstSeen),
    accessRequests: new SharePointCollection(graph, items('accessRequests'), LISTS.accessRequests),
    postingRequests: new SharePointCollection(graph, items('postingRequests'), LISTS.postingRequests),
    conversations: new SharePointCollection(graph, items('conversations'), LISTS.conversations),
    cardMessages: new SharePointCollection(graph, items('cardMessages'), LISTS.cardMessages),
    incidents: new SharePointIncidentStore(graph, items('incidents'), LISTS.incidents),
    incidentChronology: new SharePointChronology(new SharePointCollection(graph, items('incidentChronology'), LISTS.incidentChronology)),
    incidentLinks: new SharePointCollection(graph, items('incidentLinks'), LISTS.incidentLinks),
    trainingRecords: new SharePointCollection(graph, items('trainingRecords'), LISTS.trainingRecords),
    refreshers: new SharePointCollection(graph, items('refreshers'), LISTS.refreshers),
    outbox: new SharePointCollection(graph, items('outbox'), LISTS.outbox),
    appInstallations: new SharePointCollection(graph, items('appInstallations'), LISTS.appInstallations),
    audit: new SharePointAuditLog(new SharePointCollection(graph, items('audit'), LISTS.audit)),
    async isEmpty() {
      const [schools, persons] = await Promise.all([school.find({ limit: 1 }), people.find({ limit: 1 })]);
      return schools.items.length === 0 && persons.items.length === 0;
    },
    async close() {},
  };
}
