import type { AuditEntry } from '../../../ports/audit-log.port';
import { StaleRecordError, StoreUnavailableError, type Versioned } from '../../../ports/collection.port';
import type { CardMessageRecord } from '../../../ports/conversation.port';
import type { OutboxEntry } from '../../../ports/outbox.port';
import {
  PartlySavedError,
  type GoesWith,
  type SavedTogether,
  type SavedTogetherStore,
  type SaveTogether,
} from '../../../ports/save-together.port';
import { BATCH_LIMIT, mayHaveRun, unavailable, type BatchRequest, type BatchResponse, type GraphApi } from '../graph-api';
import { createItemsIn, etagOf, innerError, lookUpPlaced, type ListItem, type PlacedItem } from './batched-writes';
import type { Fields } from './field-mapping';
import { WRITE_COLUMN } from './list-spec';
import type { SharePointCollection } from './sharepoint-collection';

/** What is needed of a list: its writes, planned before they are sent, and its items read back. */
type ListOf<T extends { id: string }> = Pick<
  SharePointCollection<T, never>,
  'insert' | 'plannedChange' | 'writtenBy' | 'placedItem' | 'recordOf'
>;

/**
 * A request's write, its audit entry, its notices and the clicked card, in as few round trips as
 * Graph allows (https://learn.microsoft.com/graph/json-batching, "Sequencing requests with the
 * dependsOn property": a request whose dependency failed is answered 424 Failed Dependency).
 *
 * - A decision: ONE `$batch`, the conditional PATCH (`If-Match`) first and each later request
 *   depending on the one before it (`GraphApi.sequence`): if the PATCH is refused (412: someone
 *   decided first), nothing else is written.
 * - A new request: the item first (its id names everything that goes with it), then the rest in
 *   ONE `$batch`.
 *
 * Once the record is saved, whatever did not come back 201 is settled by its record key, chosen
 * once: a request whose fate is unknown (5xx, throttled past the retries, the batch's answer lost)
 * is looked up first; what is not there (and whatever was answered 424) is sent again with the
 * same key and write id (`createItemsIn`), so nothing is stored twice and nothing is lost.
 */
export class SharePointSaveTogether implements SaveTogether {
  constructor(
    private readonly graph: GraphApi,
    private readonly lists: Record<SavedTogetherStore, ListOf<{ id: string }>>,
    private readonly audit: ListOf<AuditEntry>,
    private readonly outbox: ListOf<OutboxEntry>,
    private readonly cardMessages: ListOf<CardMessageRecord>,
  ) {}

  async insert<T extends { id: string }>(
    store: SavedTogetherStore,
    record: Omit<T, 'id'>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): Promise<SavedTogether<T>> {
    const saved = (await this.lists[store].insert(record)) as Versioned<T>;
    const parts = await this.itemsFor(goesWith(saved));
    return { record: saved, notices: await this.settle(saved, parts, []) };
  }

  async update<T extends { id: string }>(
    store: SavedTogetherStore,
    record: Versioned<T>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): Promise<SavedTogether<T>> {
    const list = this.lists[store];
    const { itemsPath, change } = await list.plannedChange(record);
    const next = { ...record, version: record.version + 1 };
    const parts = await this.itemsFor(goesWith(next));
    const riding = parts.items.slice(0, BATCH_LIMIT - 1);
    const requests: BatchRequest[] = [
      { id: 'record', method: 'PATCH', url: `${itemsPath}/${change.id}/fields`, body: change.fields, headers: { 'If-Match': change.etag } },
      ...riding.map((item, index) => ({
        id: String(index + 1),
        method: 'POST' as const,
        url: item.itemsPath,
        body: { fields: item.fields },
      })),
    ];
    let answers: BatchResponse[] | undefined;
    try {
      answers = await this.graph.sequence(requests);
    } catch (error) {
      // The batch failed whole: carried out or not, nobody can tell without looking.
      if (!mayHaveRun(error)) throw unavailable(error);
    }
    const first = answers?.[0];
    let etag: string | undefined;
    if (first?.status === 200) etag = etagOf((first.body ?? {}) as Fields);
    else if (first && [404, 409, 412].includes(first.status)) throw new StaleRecordError(record.id);
    else {
      const mine = await list.writtenBy(change.id, change.version + 1, change.writeId).catch(() => undefined);
      if (!mine) throw first ? unavailable(innerError(first)) : new StoreUnavailableError('Microsoft 365 could not be reached.');
      etag = mine.etag;
    }
    const saved = { ...next, etag };
    // The answers of the requests that rode along; those that did not fit (more than 19) are still to send.
    const rode = riding.map((_, index) => answers?.[index + 1] ?? { id: String(index + 1), status: 0 });
    return { record: saved, notices: await this.settle(saved, parts, rode) };
  }

  private async itemsFor({ audit, notices, clickedCard }: GoesWith): Promise<{ items: PlacedItem[]; noticeCount: number }> {
    const items = [
      ...(await Promise.all(notices.map((notice) => this.outbox.placedItem(notice)))),
      await this.audit.placedItem(audit),
      ...(clickedCard ? [await this.cardMessages.placedItem(clickedCard)] : []),
    ];
    return { items, noticeCount: notices.length };
  }

  /**
   * Everything that goes with a saved record, stored: those answered 201 are; those whose fate is
   * unknown are looked up by key; the rest are sent (again) under the same key and write id.
   */
  private async settle(
    saved: Versioned<{ id: string }>,
    { items, noticeCount }: { items: PlacedItem[]; noticeCount: number },
    answers: BatchResponse[],
  ): Promise<Versioned<OutboxEntry>[]> {
    try {
      const stored = new Map<PlacedItem, ListItem>();
      items.forEach((item, index) => {
        if (answers[index]?.status === 201) stored.set(item, answers[index]!.body as ListItem);
      });
      const unsure = items.filter((item, index) => !stored.has(item) && index < answers.length && answers[index]!.status !== 424);
      for (const [item, landed] of await lookUpPlaced(this.graph, unsure)) {
        // The same write, or (for a notice) the same idempotency key stored by an earlier attempt.
        if (landed.fields[WRITE_COLUMN.name] === item.writeId || items.indexOf(item) < noticeCount) stored.set(item, landed);
      }
      const missing = items.filter((item) => !stored.has(item));
      const created = await createItemsIn(this.graph, missing);
      missing.forEach((item, index) => stored.set(item, created[index]!));
      return items.slice(0, noticeCount).map((item) => this.outbox.recordOf(stored.get(item)!));
    } catch (error) {
      throw new PartlySavedError(saved, { cause: error });
    }
  }
}
