import { sameSite, type SharePointSites } from '../../../config';
import type { AppGrant, SchemaProblem, SiteGrants, SiteInspector, SiteRole, SiteSchema } from '../../../ports/site-inspection.port';
import { graphStatus, type GraphApi } from '../graph-api';
import { columnDefinition, facetOf } from './column-definition';
import type { ColumnSpec, ListSpec } from './list-spec';
import { LISTS, listsOn, RECORDS_SITE_LIBRARIES, RECORDS_SITE_LISTS, WORKING_SITE_LIBRARIES } from './lists';
import { findListIds } from './site-lists';

interface GraphColumn extends Record<string, unknown> {
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

interface GraphPermission {
  id: string;
  roles?: string[];
  grantedToIdentitiesV2?: { application?: { id?: string; displayName?: string } }[];
  grantedToIdentities?: { application?: { id?: string; displayName?: string } }[];
}

/**
 * Reads the two sites through Graph with the app's own identity: the site itself
 * (https://learn.microsoft.com/graph/api/site-get), its lists and their columns
 * (https://learn.microsoft.com/graph/api/list-list-columns), compared with lists.ts; and the
 * apps granted the site (https://learn.microsoft.com/graph/api/site-list-permissions), which Graph
 * answers only to an app with Sites.FullControl.All — with Sites.Selected the answer is 403.
 */
export class GraphSiteInspector implements SiteInspector {
  readonly oneSite: boolean;

  constructor(
    private readonly graph: GraphApi,
    private readonly sites: SharePointSites,
    readonly appId: string,
  ) {
    this.oneSite = sameSite(sites.working, sites.records);
  }

  async schema(site: SiteRole): Promise<SiteSchema> {
    const siteId = this.sites[site];
    let siteName: string;
    try {
      siteName =
        (await this.graph.get<{ displayName?: string; name?: string }>(`/sites/${siteId}?$select=id,displayName,name,webUrl`))
          .displayName ?? siteId;
    } catch (error) {
      return { reachable: false, why: cannotOpen(error) };
    }
    const expected = Object.values(this.oneSite ? LISTS : listsOn(site)) as ListSpec<never>[];
    const found = await findListIds(this.graph, siteId);
    const problems: SchemaProblem[] = [];
    for (const spec of expected) {
      const listId = found.get(spec.displayName);
      if (!listId) {
        problems.push({ kind: 'list missing', list: spec.displayName, required: true });
        continue;
      }
      const columns = (await this.graph.get<{ value: GraphColumn[] }>(`/sites/${siteId}/lists/${listId}/columns`)).value;
      problems.push(...spec.columns.flatMap((column) => columnProblems(spec.displayName, column, columns)));
    }
    // The photos and videos of requests to post, and incidents' evidence, live in document libraries on the records site.
    // The policies' documents live on the working site (they are not confidential).
    const libraries = this.oneSite
      ? [...RECORDS_SITE_LIBRARIES, ...WORKING_SITE_LIBRARIES]
      : site === 'records'
        ? RECORDS_SITE_LIBRARIES
        : WORKING_SITE_LIBRARIES;
    for (const library of libraries) {
      if (!found.has(library.displayName)) problems.push({ kind: 'list missing', list: library.displayName, required: true });
    }
    if (site === 'working' && !this.oneSite) {
      for (const key of RECORDS_SITE_LISTS) {
        if (found.has(LISTS[key].displayName))
          problems.push({ kind: 'safeguarding list on the working site', list: LISTS[key].displayName, required: true });
      }
    }
    return { reachable: true, siteName, listCount: expected.length, problems };
  }

  async grants(site: SiteRole): Promise<SiteGrants> {
    let permissions: GraphPermission[];
    try {
      permissions = (await this.graph.get<{ value: GraphPermission[] }>(`/sites/${this.sites[site]}/permissions`)).value;
    } catch (error) {
      const status = graphStatus(error);
      if (status === 403 || status === 401) {
        return {
          readable: false,
          why: 'Microsoft Graph shows the apps granted a site only to an app with Sites.FullControl.All, which this app rightly does not have',
        };
      }
      return { readable: false, why: cannotOpen(error) };
    }
    const grants: AppGrant[] = [];
    for (const permission of permissions) {
      const application = [...(permission.grantedToIdentitiesV2 ?? []), ...(permission.grantedToIdentities ?? [])].find(
        (identity) => identity.application,
      )?.application;
      if (!application?.id) continue;
      // The list may leave roles out; the permission itself has them.
      const roles = permission.roles?.length
        ? permission.roles
        : ((await this.graph.get<GraphPermission>(`/sites/${this.sites[site]}/permissions/${encodeURIComponent(permission.id)}`)).roles ??
          []);
      grants.push({ appId: application.id, displayName: application.displayName ?? application.id, roles });
    }
    return { readable: true, grants };
  }
}

function columnProblems(list: string, column: ColumnSpec, existing: GraphColumn[]): SchemaProblem[] {
  const current = existing.find((candidate) => candidate.name.toLowerCase() === column.name.toLowerCase());
  if (!current) return [{ kind: 'column missing', list, column: column.name, required: true }];
  const wanted = facetOf(columnDefinition(column));
  const found = facetOf(current);
  if (wanted.facet !== found.facet || wanted.multiLine !== found.multiLine)
    return [{ kind: 'column of another type', list, column: column.name, required: true }];
  const problems: SchemaProblem[] = [];
  if ((column.indexed || column.unique) && !current.indexed)
    problems.push({ kind: 'index missing', list, column: column.name, required: column.indexed !== 'optional' });
  if (column.unique && !current.enforceUniqueValues)
    problems.push({ kind: 'unique values not enforced', list, column: column.name, required: true });
  return problems;
}

function cannotOpen(error: unknown): string {
  const status = graphStatus(error);
  if (status === 404) return 'Microsoft Graph found no site with that id';
  if (status === 401 || status === 403) return `Microsoft Graph refused the app (${status}): the app has not been granted this site`;
  return status ? `Microsoft Graph answered ${status}` : 'Microsoft Graph could not be reached';
}
