import type { Stores } from '../../../ports/stores.port';
import type { SharePointSites } from '../../../config';
import { LISTS, type ListKey } from './lists';
import { SharePointAuditLog } from './sharepoint-audit-log';
import { SharePointCollection } from './sharepoint-collection';
import { SharePointChronology, SharePointIncidentStore } from './sharepoint-incident-store';
import type { GraphApi } from '../graph-api';
import { SiteLists } from './site-lists';
import { sharePointPosts } from './sharepoint-post-store';
import { SharePointOutbox } from './sharepoint-outbox';
import { SharePointSaveTogether } from './sharepoint-save-together';

/**
 * Every store on the school's two SharePoint sites, through Microsoft Graph. Nothing is read
 * here: each list is found when first used, so the app can start before provisioning.
 */
export function createSharePointStores(graph: GraphApi, sites: SharePointSites): Stores {
  const lists = new SiteLists(graph, sites);
  const items = (key: ListKey) => lists.location(key);
  const school = new SharePointCollection(graph, items('school'), LISTS.school);
  const people = new SharePointCollection(graph, items('people'), LISTS.people);
  const requests = {
    accessRequests: new SharePointCollection(graph, items('accessRequests'), LISTS.accessRequests),
    postingRequests: new SharePointCollection(graph, items('postingRequests'), LISTS.postingRequests),
    permissionRequests: new SharePointCollection(graph, items('permissionRequests'), LISTS.permissionRequests),
  };
  const cardMessages = new SharePointCollection(graph, items('cardMessages'), LISTS.cardMessages);
  const outbox = new SharePointOutbox(graph, items('outbox'), items('outboxArchive'));
  const auditEntries = new SharePointCollection(graph, items('audit'), LISTS.audit);
  return {
    school,
    people,
    pupils: new SharePointCollection(graph, items('pupils'), LISTS.pupils),
    consents: new SharePointCollection(graph, items('consents'), LISTS.consents),
    socialAccounts: new SharePointCollection(graph, items('socialAccounts'), LISTS.socialAccounts),
    posts: sharePointPosts(graph, lists),
    devices: new SharePointCollection(graph, items('devices'), LISTS.devices),
    takedowns: new SharePointCollection(graph, items('takedowns'), LISTS.takedowns),
    policies: new SharePointCollection(graph, items('policies'), LISTS.policies),
    policyVersions: new SharePointCollection(graph, items('policyVersions'), LISTS.policyVersions),
    policyReads: new SharePointCollection(graph, items('policyReads'), LISTS.policyReads),
    termDates: new SharePointCollection(graph, items('termDates'), LISTS.termDates),
    trainingRequirements: new SharePointCollection(graph, items('trainingRequirements'), LISTS.trainingRequirements),
    firstSeen: new SharePointCollection(graph, items('firstSeen'), LISTS.firstSeen),
    ...requests,
    conversations: new SharePointCollection(graph, items('conversations'), LISTS.conversations),
    cardMessages,
    incidents: new SharePointIncidentStore(graph, items('incidents'), LISTS.incidents),
    incidentChronology: new SharePointChronology(new SharePointCollection(graph, items('incidentChronology'), LISTS.incidentChronology)),
    incidentLinks: new SharePointCollection(graph, items('incidentLinks'), LISTS.incidentLinks),
    pupilTransfers: new SharePointCollection(graph, items('pupilTransfers'), LISTS.pupilTransfers),
    trainingRecords: new SharePointCollection(graph, items('trainingRecords'), LISTS.trainingRecords),
    refreshers: new SharePointCollection(graph, items('refreshers'), LISTS.refreshers),
    filteringReviews: new SharePointCollection(graph, items('filteringReviews'), LISTS.filteringReviews),
    reviewActions: new SharePointCollection(graph, items('reviewActions'), LISTS.reviewActions),
    outbox,
    appInstallations: new SharePointCollection(graph, items('appInstallations'), LISTS.appInstallations),
    jobRuns: new SharePointCollection(graph, items('jobRuns'), LISTS.jobRuns),
    importJobs: new SharePointCollection(graph, items('importJobs'), LISTS.importJobs),
    audit: new SharePointAuditLog(auditEntries),
    together: new SharePointSaveTogether(graph, requests, auditEntries, outbox, cardMessages),
    async isEmpty() {
      const [schools, persons] = await Promise.all([school.find({ limit: 1 }), people.find({ limit: 1 })]);
      return schools.items.length === 0 && persons.items.length === 0;
    },
    async close() {},
  };
}
