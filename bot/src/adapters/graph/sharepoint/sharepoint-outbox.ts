import { randomUUID } from 'node:crypto';
import type { OutboxCollection, OutboxEntry } from '../../../ports/outbox.port';
import { graphCall, unavailable, type GraphApi } from '../graph-api';
import type { ListItem } from './batched-writes';
import { fromFields, toFields } from './field-mapping';
import { KEY_COLUMN, WRITE_COLUMN } from './list-spec';
import { LISTS } from './lists';
import { SharePointCollection, type ListLocation } from './sharepoint-collection';

type OutboxField = 'key' | 'status' | 'run' | 'updatedAt';

/**
 * The outbox on a SharePoint list. Old entries move to the "Reminder outbox archive" list on the
 * same site: each is copied there under its idempotency key (so a copy made twice is refused as
 * already there) and then deleted from the outbox, 20 to a `$batch` each way.
 */
export class SharePointOutbox extends SharePointCollection<OutboxEntry, OutboxField> implements OutboxCollection {
  constructor(
    graph: GraphApi,
    list: ListLocation,
    private readonly archive: ListLocation,
  ) {
    super(graph, list, LISTS.outbox);
  }

  /**
   * Pages through the whole outbox, oldest first, without a filter: a first run after an upgrade
   * may meet more old entries than SharePoint's 5,000-item threshold lets one filtered query
   * touch, and once archiving runs weekly the outbox holds only its last few months anyway.
   */
  async archiveBefore(cutoff: string): Promise<number> {
    const itemsPath = await this.list.itemsPath();
    const archivePath = await this.archive.itemsPath();
    let moved = 0;
    let path: string | undefined = `${itemsPath}?$expand=fields&$top=999`;
    while (path) {
      const current: string = path;
      const page = await graphCall(() => this.graph.get<{ value: ListItem[]; '@odata.nextLink'?: string }>(current));
      const old = page.value.filter(
        (item) => Date.parse(fromFields(LISTS.outbox, item.id, item.fields, undefined).updatedAt) < Date.parse(cutoff),
      );
      for (let start = 0; start < old.length; start += 20) moved += await this.move(old.slice(start, start + 20), itemsPath, archivePath);
      path = page['@odata.nextLink'] ? this.graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
    }
    return moved;
  }

  /** Copies, then deletes what was copied (or had been by an earlier run: 409 on its key). */
  private async move(items: ListItem[], itemsPath: string, archivePath: string): Promise<number> {
    const copies = await this.batchOrFail(
      items.map((item, index) => {
        const { id: _id, version, etag: _etag, ...entry } = fromFields(LISTS.outbox, item.id, item.fields, undefined);
        return {
          id: String(index + 1),
          method: 'POST' as const,
          url: archivePath,
          body: {
            fields: {
              ...toFields(LISTS.outboxArchive, entry, version, false),
              [KEY_COLUMN.name]: entry.key,
              [WRITE_COLUMN.name]: randomUUID(),
            },
          },
        };
      }),
    );
    const copied = items.filter((_, index) => copies[index]!.status === 201 || copies[index]!.status === 409);
    const deletions = await this.batchOrFail(
      copied.map((item, index) => ({ id: String(index + 1), method: 'DELETE' as const, url: `${itemsPath}/${item.id}` })),
    );
    return deletions.filter((answer) => answer.status === 204 || answer.status === 404).length;
  }

  private async batchOrFail(requests: Parameters<GraphApi['batch']>[0]) {
    try {
      return await this.graph.batch(requests);
    } catch (error) {
      throw unavailable(error);
    }
  }
}
