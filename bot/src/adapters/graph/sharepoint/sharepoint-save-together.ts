import type { AuditEntry } from '../../../ports/audit-log.port';
import { DuplicateRecordError, StaleRecordError, StoreUnavailableError, type Versioned } from '../../../ports/collection.port';
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
import { etagOf, innerError, type ListItem, type PlacedItem } from './batched-writes';
import type { Fields } from './field-mapping';
import type { SharePointCollection } from './sharepoint-collection';

/** What is needed of a list: its writes, planned before they are sent, and its items read back. */
type ListOf<T extends { id: string }> = Pick<
  SharePointCollection<T, never>,
  'insert' | 'insertPlaced' | 'plannedChange' | 'writtenBy' | 'placedItem' | 'recordOf'
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
 * once, one request at a time through the pipeline's own retries (`insertPlaced`): a part whose
 * fate is unknown (5xx, throttled past the retries, the batch's answer lost) is looked up first;
 * what is not there (and whatever was answered 424) is sent again with the same key and write id,
 * so nothing is stored twice and nothing is lost.
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
    let answers: (BatchResponse | undefined)[];
    try {
      answers = await this.graph.batchEach(parts.map(({ item }, index) => post(item, String(index + 1))));
    } catch {
      answers = parts.map(() => undefined);
    }
    return { record: saved, notices: await this.settle(saved, parts, answers) };
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
    const riding = parts.slice(0, BATCH_LIMIT - 1);
    const requests: BatchRequest[] = [
      { id: 'record', method: 'PATCH', url: `${itemsPath}/${change.id}/fields`, body: change.fields, headers: { 'If-Match': change.etag } },
      ...riding.map(({ item }, index) => post(item, String(index + 1))),
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
    // The answers of the requests that rode along (none when the batch's answer was lost); those
    // that did not fit (more than 19) were not sent.
    const rode = parts.map((_, index) => (index < riding.length ? (answers?.[index + 1] ?? NO_ANSWER) : NOT_SENT));
    return { record: saved, notices: await this.settle(saved, parts, rode) };
  }

  /** The notices first (their records are answered), then the audit entry and the clicked card. */
  private async itemsFor({ audit, notices, clickedCard }: GoesWith): Promise<Part[]> {
    return [
      ...(await Promise.all(
        notices.map(async (notice) => ({ item: await this.outbox.placedItem(notice), list: this.outbox, notice: true })),
      )),
      { item: await this.audit.placedItem(audit), list: this.audit, notice: false },
      ...(clickedCard ? [{ item: await this.cardMessages.placedItem(clickedCard), list: this.cardMessages, notice: false }] : []),
    ];
  }

  /**
   * Everything that goes with a saved record, stored: what was answered 201 is; the rest goes one
   * at a time through the pipeline's own retries, under its key and write id, looked up first
   * when its fate is unknown (not when it was answered 424 or never sent). A part that cannot be
   * stored does not stop the parts after it (the audit entry comes after the notices).
   */
  private async settle(
    saved: Versioned<{ id: string }>,
    parts: Part[],
    answers: (BatchResponse | undefined)[],
  ): Promise<Versioned<OutboxEntry>[]> {
    const notices: Versioned<OutboxEntry>[] = [];
    const left: Part[] = [];
    let cause: unknown;
    for (const [index, part] of parts.entries()) {
      const answer = answers[index];
      try {
        const stored =
          answer?.status === 201
            ? part.list.recordOf(answer.body as ListItem)
            : await part.list.insertPlaced(part.item, answer?.status !== 424 && answer !== NOT_SENT);
        if (part.notice) notices.push(stored as Versioned<OutboxEntry>);
      } catch (error) {
        left.push(part);
        cause ??= error;
      }
    }
    if (left.length > 0) throw new PartlySavedError(saved, () => this.storeLeft(saved, left), { cause });
    return notices;
  }

  /**
   * The parts a saved record's first try left, tried again: each looked up by its record key first
   * (its first try's fate is unknown). A `DuplicateRecordError` means the same entry is already
   * stored another way: a notice the step's notices planned again since (under a record key of
   * their own, refused on the outbox's unique notice key, 409). Audit entries and cards have no
   * unique column but the record key, so theirs can only be this very write. Stored all the same.
   */
  private async storeLeft(saved: Versioned<{ id: string }>, parts: Part[]): Promise<void> {
    const left: Part[] = [];
    let cause: unknown;
    for (const part of parts) {
      try {
        await part.list.insertPlaced(part.item, true);
      } catch (error) {
        if (error instanceof DuplicateRecordError) continue;
        left.push(part);
        cause ??= error;
      }
    }
    if (left.length > 0) throw new PartlySavedError(saved, () => this.storeLeft(saved, left), { cause });
  }
}

/** One thing that goes with a record, the list it goes in, and whether it is a notice. */
interface Part {
  item: PlacedItem;
  list: ListOf<{ id: string }>;
  notice: boolean;
}

const NO_ANSWER: BatchResponse = { id: '', status: 0 };
const NOT_SENT: BatchResponse = { id: '', status: -1 };

function post(item: PlacedItem, id: string): BatchRequest {
  return { id, method: 'POST', url: item.itemsPath, body: { fields: item.fields } };
}
