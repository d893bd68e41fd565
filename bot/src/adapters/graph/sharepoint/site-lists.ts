import { StoreUnavailableError } from '../../../ports/collection.port';
import type { SharePointSites } from '../../../config';
import { unavailable, type GraphApi } from '../graph-api';
import type { ListLocation } from './sharepoint-collection';
import { LISTS, siteOf, type ListKey } from './lists';

/** A site's lists by display name. */
export async function findListIds(graph: GraphApi, siteId: string): Promise<Map<string, string>> {
  let path: string | undefined = `/sites/${siteId}/lists?$select=id,displayName`;
  const byName = new Map<string, string>();
  while (path) {
    const current: string = path;
    const page = await graph
      .get<{ value: { id: string; displayName: string }[]; '@odata.nextLink'?: string }>(current)
      .catch((error: unknown) => {
        throw unavailable(error);
      });
    for (const list of page.value) byName.set(list.displayName, list.id);
    path = page['@odata.nextLink'] ? graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
  }
  return byName;
}

/**
 * Where each of the app's lists is, found by display name on its site the first time it is used.
 * A list that is not there yet (the first deploy runs before provisioning) is looked for again on
 * the next call, so the app starts without its lists and works as soon as they exist.
 */
export class SiteLists {
  private readonly ids = new Map<string, string>();
  private readonly lookups = new Map<string, Promise<void>>();

  constructor(
    private readonly graph: GraphApi,
    private readonly sites: SharePointSites,
  ) {}

  location(key: ListKey): ListLocation {
    return { itemsPath: () => this.itemsPath(key) };
  }

  private async itemsPath(key: ListKey): Promise<string> {
    const siteId = this.sites[siteOf(key)];
    const { displayName } = LISTS[key];
    if (!this.ids.has(`${siteId}|${displayName}`)) await this.lookUp(siteId);
    const listId = this.ids.get(`${siteId}|${displayName}`);
    if (!listId)
      throw new StoreUnavailableError(
        `The SharePoint list "${displayName}" does not exist yet: run provisioning (npm run provision:lists).`,
      );
    return `/sites/${siteId}/lists/${listId}/items`;
  }

  /** One lookup per site at a time, however many calls are waiting for it. */
  private lookUp(siteId: string): Promise<void> {
    let lookup = this.lookups.get(siteId);
    if (!lookup) {
      lookup = findListIds(this.graph, siteId)
        .then((found) => {
          for (const [name, id] of found) this.ids.set(`${siteId}|${name}`, id);
        })
        .finally(() => this.lookups.delete(siteId));
      this.lookups.set(siteId, lookup);
    }
    return lookup;
  }
}
