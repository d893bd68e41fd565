import {
  DuplicateRecordError,
  StaleRecordError,
  type Collection,
  type FindQuery,
  type Page,
  type UpdateOutcome,
  type Versioned,
} from '../../../ports/collection.port';
import { randomUUID } from 'node:crypto';
import { filterLiteral, fromFields, toFields, type Fields } from './field-mapping';
import { graphCall, graphStatus, unavailable, type GraphApi } from '../graph-api';
import { KEY_COLUMN, VERSION_COLUMN, WRITE_COLUMN, type ListSpec } from './list-spec';
import { changeItems, createItems, etagOf, lookUpKeys, type ItemChange, type ListItem, type PlacedItem } from './batched-writes';

/** Graph's largest page of list items: used when a whole filtered set must be read. */
const FULL_PAGE = 999;

/** Where a list's items are: `/sites/{site-id}/lists/{list-id}/items`, found when first needed. */
export interface ListLocation {
  /** Throws StoreUnavailableError, naming the list, while the list does not exist. */
  itemsPath(): Promise<string>;
}

/**
 * A collection as a SharePoint list. Updates are conditional on the item's ETag (412 → stale);
 * filters use one indexed column; paging follows `@odata.nextLink`.
 */
export class SharePointCollection<T extends { id: string }, K extends keyof T & string> implements Collection<T, K> {
  constructor(
    protected readonly graph: GraphApi,
    protected readonly list: ListLocation,
    private readonly spec: ListSpec<T>,
  ) {}

  async insert(record: Omit<T, 'id'>): Promise<Versioned<T>> {
    return this.insertKeyed(record, this.keyFor(record));
  }

  /** A new item under a record key chosen by the caller (`insertPlaced`). */
  protected async insertKeyed(record: Omit<T, 'id'>, key: string): Promise<Versioned<T>> {
    const writeId = randomUUID();
    return this.insertPlaced({ itemsPath: await this.list.itemsPath(), key, writeId, fields: this.newItemFields(record, key, writeId) });
  }

  /**
   * A new item, stored once. A retried POST whose first answer was lost meets its own item (409 on
   * the record key), and a POST that finally failed may still have landed: both are settled by
   * looking the key up. `lookUpFirst`: an earlier attempt's fate is unknown, so the key is looked up
   * before anything is sent.
   */
  async insertPlaced(item: PlacedItem, lookUpFirst = false): Promise<Versioned<T>> {
    const { itemsPath, key, writeId } = item;
    if (lookUpFirst) {
      const landed = await graphCall(() => this.byKey(itemsPath, key));
      if (landed && landed.fields[WRITE_COLUMN.name] === writeId) return this.fromItem(landed);
      if (landed) throw new DuplicateRecordError(`A ${this.spec.displayName} item with that key is already stored.`);
    }
    try {
      return this.fromItem(await this.graph.post<ListItem>(itemsPath, { fields: item.fields }));
    } catch (error) {
      const landed = await this.byKey(itemsPath, key).catch(() => undefined);
      // This very insert, sent again after its first answer was lost.
      if (landed && landed.fields[WRITE_COLUMN.name] === writeId) return this.fromItem(landed);
      // Another item has the same record key, or another unique column refused the value.
      if (landed || graphStatus(error) === 409 || /duplicate values were found/i.test(String((error as Error).message))) {
        throw new DuplicateRecordError(`A ${this.spec.displayName} item with that key is already stored.`);
      }
      throw unavailable(error);
    }
  }

  async insertMany(records: Omit<T, 'id'>[]): Promise<Versioned<T>[]> {
    return this.insertManyKeyed(
      records,
      records.map((record) => this.keyFor(record)),
    );
  }

  /** New items under the given record keys, 20 to a `$batch`, each stored once however the batches fail (`createItems`). */
  protected async insertManyKeyed(records: Omit<T, 'id'>[], keys: string[]): Promise<Versioned<T>[]> {
    const itemsPath = await this.list.itemsPath();
    const items = records.map((record, index) => {
      const writeId = randomUUID();
      return { key: keys[index]!, writeId, fields: this.newItemFields(record, keys[index]!, writeId) };
    });
    return (await createItems(this.graph, itemsPath, items)).map((item) => this.fromItem(item));
  }

  /** The records with these record keys (those that exist), 20 look-ups to a `$batch`. */
  protected async byKeys(keys: string[]): Promise<Versioned<T>[]> {
    const found = await lookUpKeys(this.graph, await this.list.itemsPath(), keys);
    return keys.flatMap((key) => (found.has(key) ? [this.fromItem(found.get(key)!)] : []));
  }

  /** Every record with its record key, page after page. */
  protected async everyKeyed(): Promise<{ key: string; record: Versioned<T> }[]> {
    const all: { key: string; record: Versioned<T> }[] = [];
    let path: string | undefined = `${await this.list.itemsPath()}?$expand=fields&$top=${FULL_PAGE}`;
    while (path) {
      const current: string = path;
      const page = await graphCall(() => this.graph.get<{ value: ListItem[]; '@odata.nextLink'?: string }>(current));
      all.push(...page.value.map((item) => ({ key: String(item.fields[KEY_COLUMN.name] ?? ''), record: this.fromItem(item) })));
      path = page['@odata.nextLink'] ? this.graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
    }
    return all;
  }

  /** A record's record key; undefined when there is no such record. */
  protected async keyOf(id: string): Promise<string | undefined> {
    try {
      const item = await this.graph.get<ListItem>(`${await this.list.itemsPath()}/${id}?$expand=fields`);
      return String(item.fields[KEY_COLUMN.name] ?? '');
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw unavailable(error);
    }
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    if (!/^\d{1,12}$/.test(id)) return undefined;
    const itemsPath = await this.list.itemsPath();
    try {
      return this.fromItem(await this.graph.get<ListItem>(`${itemsPath}/${id}?$expand=fields`));
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw unavailable(error);
    }
  }

  /**
   * Conditional on the ETag the record was read with. If the PATCH was retried after a lost answer,
   * the retry meets a changed ETag (412): the write id tells whether the change was this very write.
   */
  async update(record: Versioned<T>): Promise<Versioned<T>> {
    const { itemsPath, change } = await this.plannedChange(record);
    const { id, version } = change;
    try {
      const stored = await this.graph.patch<Fields>(`${itemsPath}/${id}/fields`, change.fields, { 'If-Match': change.etag });
      return { ...record, version: version + 1, etag: typeof stored['@odata.etag'] === 'string' ? stored['@odata.etag'] : undefined };
    } catch (error) {
      const mine = await this.writtenBy(id, version + 1, change.writeId).catch(() => undefined);
      if (mine) return { ...record, version: version + 1, etag: mine.etag };
      const status = graphStatus(error);
      if (status === 412 || status === 409 || status === 404) throw new StaleRecordError(id);
      throw unavailable(error);
    }
  }

  /**
   * The conditional change that saves the record: its fields at `version + 1` with a new write id,
   * to send with `If-Match` (a record read without its ETag is read again; StaleRecordError if it moved on).
   */
  async plannedChange(record: Versioned<T>): Promise<{ itemsPath: string; change: ItemChange }> {
    const etag = record.etag ?? (await this.currentEtag(record));
    const itemsPath = await this.list.itemsPath();
    const { id, version, etag: _previous, ...data } = record as Versioned<T> & Record<string, unknown>;
    const writeId = randomUUID();
    const fields = { ...toFields(this.spec, data as Omit<T, 'id'>, version + 1, true), [WRITE_COLUMN.name]: writeId };
    return { itemsPath, change: { id, etag, version, writeId, fields } };
  }

  /** A new item for the record, under its record key with a new write id, and the list it goes in. */
  async placedItem(record: Omit<T, 'id'>): Promise<PlacedItem> {
    const key = this.keyFor(record);
    const writeId = randomUUID();
    return { itemsPath: await this.list.itemsPath(), key, writeId, fields: this.newItemFields(record, key, writeId) };
  }

  /** The item's ETag, if its current content is the write with this id at this version (its fate was unknown). */
  async writtenBy(id: string, version: number, writeId: string): Promise<{ etag: string | undefined } | undefined> {
    return this.ownWrite(await this.list.itemsPath(), id, version, writeId);
  }

  /** The record a list item holds. */
  recordOf(item: ListItem): Versioned<T> {
    return this.fromItem(item);
  }

  /** Conditional changes 20 to a `$batch` (`changeItems`); a record read without its ETag is read again first. */
  async updateMany(records: Versioned<T>[]): Promise<UpdateOutcome<T>[]> {
    const itemsPath = await this.list.itemsPath();
    const outcomes = new Map<Versioned<T>, UpdateOutcome<T>>();
    const changes: { record: Versioned<T>; change: ItemChange }[] = [];
    for (const record of records) {
      const etag = record.etag ?? (await this.etagIfCurrent(record));
      if (!etag) {
        outcomes.set(record, { status: 'stale', id: record.id });
        continue;
      }
      const { id, version, etag: _previous, ...data } = record as Versioned<T> & Record<string, unknown>;
      const writeId = randomUUID();
      changes.push({
        record,
        change: {
          id,
          etag,
          version,
          writeId,
          fields: { ...toFields(this.spec, data as Omit<T, 'id'>, version + 1, true), [WRITE_COLUMN.name]: writeId },
        },
      });
    }
    const results = await changeItems(
      this.graph,
      itemsPath,
      changes.map(({ change }) => change),
    );
    for (const [index, { record }] of changes.entries()) {
      const result = results[index]!;
      outcomes.set(
        record,
        result.status === 'saved'
          ? { status: 'saved', record: { ...record, version: record.version + 1, etag: result.etag } }
          : { status: 'stale', id: record.id },
      );
    }
    return records.map((record) => outcomes.get(record)!);
  }

  async find(query: FindQuery<T, K>): Promise<Page<Versioned<T>>> {
    return query.newestFirst ? this.findNewestFirst(query) : this.findInOrder(query);
  }

  /**
   * Oldest first, as SharePoint returns items; the cursor is Graph's own next link. Graph serves
   * at most 999 items a page, so a bigger limit gets a full page and a cursor for the rest.
   */
  private async findInOrder(query: FindQuery<T, K>): Promise<Page<Versioned<T>>> {
    const firstPage = `${await this.list.itemsPath()}?$expand=fields&$top=${Math.min(query.limit, FULL_PAGE)}${this.filter(query)}`;
    const path = query.cursor
      ? `${firstPage}&$skiptoken=${encodeURIComponent(Buffer.from(query.cursor, 'base64url').toString())}`
      : firstPage;
    const page = await graphCall(() => this.graph.get<{ value: ListItem[]; '@odata.nextLink'?: string }>(path));
    const items = page.value.map((item) => this.fromItem(item));
    const skipToken = this.skipTokenOf(page['@odata.nextLink']);
    return skipToken ? { items, next: Buffer.from(skipToken).toString('base64url') } : { items };
  }

  /**
   * Newest first. Graph ignores $orderby on list items (microsoftgraph/microsoft-graph-docs
   * issues 3962 and 14191), so the filtered set is read in full and sorted here; the cursor is the
   * last id shown: one round trip per 999 items. Kept on purpose (docs/sharepoint-and-entra.md,
   * "Lists read newest first"): windows of an indexed date would cost more round trips at a
   * school's volumes.
   */
  private async findNewestFirst(query: FindQuery<T, K>): Promise<Page<Versioned<T>>> {
    const all: Versioned<T>[] = [];
    let path: string | undefined = `${await this.list.itemsPath()}?$expand=fields&$top=${FULL_PAGE}${this.filter(query)}`;
    while (path) {
      const current: string = path;
      const page = await graphCall(() => this.graph.get<{ value: ListItem[]; '@odata.nextLink'?: string }>(current));
      all.push(...page.value.map((item) => this.fromItem(item)));
      const nextLink = page['@odata.nextLink'];
      path = nextLink ? this.graph.pathFromNextLink(nextLink) : undefined;
    }
    const before = query.cursor && /^\d{1,12}$/.test(query.cursor) ? Number(query.cursor) : Infinity;
    const newest = all.filter((record) => Number(record.id) < before).sort((a, b) => Number(b.id) - Number(a.id));
    const items = newest.slice(0, query.limit);
    return newest.length > query.limit ? { items, next: items[items.length - 1]!.id } : { items };
  }

  private filter(query: FindQuery<T, K>): string {
    // https://learn.microsoft.com/graph/api/listitem-list: eq, ge and the other comparisons; "the service can only filter one indexed field at a time".
    const conditions = [
      ...Object.entries(query.where ?? {}).map((condition) => [...condition, 'eq'] as const),
      ...Object.entries(query.atLeast ?? {}).map((condition) => [...condition, 'ge'] as const),
    ];
    if (conditions.length > 1) throw new Error('Filter on one indexed field at a time (SharePoint filters on one indexed field).');
    const [condition] = conditions;
    if (!condition) return '';
    const [field, value, operator] = condition;
    const column = this.spec.columns.find((candidate) => candidate.field === field);
    if (column?.indexed !== true) throw new Error(`${this.spec.name}.${field} is not an indexed column and cannot be filtered on.`);
    return `&$filter=${encodeURIComponent(`fields/${column.name} ${operator} ${filterLiteral(column, value)}`)}`;
  }

  /**
   * Cursors come back from the tabs, so a cursor holds only Graph's skip token: the next page is
   * asked for with this query's own filter, never with a link someone could have altered.
   */
  private skipTokenOf(nextLink: string | undefined): string | undefined {
    if (!nextLink) return undefined;
    try {
      return new URL(nextLink).searchParams.get('$skiptoken') ?? undefined;
    } catch {
      return undefined;
    }
  }

  private keyFor(record: Omit<T, 'id'>): string {
    return this.spec.naturalKey?.(record) ?? randomUUID();
  }

  private newItemFields(record: Omit<T, 'id'>, key: string, writeId: string): Fields {
    return { ...toFields(this.spec, record, 1, false), [KEY_COLUMN.name]: key, [WRITE_COLUMN.name]: writeId };
  }

  private async byKey(itemsPath: string, key: string): Promise<ListItem | undefined> {
    const filter = encodeURIComponent(`fields/${KEY_COLUMN.name} eq ${filterLiteral(KEY_COLUMN, key)}`);
    const page = await this.graph.get<{ value: ListItem[] }>(`${itemsPath}?$expand=fields&$top=1&$filter=${filter}`);
    return page.value[0];
  }

  /** The item, if its current content is the write with this id at this version. */
  private async ownWrite(
    itemsPath: string,
    id: string,
    version: number,
    writeId: string,
  ): Promise<{ etag: string | undefined } | undefined> {
    const item = await this.graph.get<ListItem>(`${itemsPath}/${id}?$expand=fields`);
    const matches = item.fields[WRITE_COLUMN.name] === writeId && Number(item.fields[VERSION_COLUMN.name]) === version;
    return matches ? { etag: item.eTag ?? (item.fields['@odata.etag'] as string | undefined) } : undefined;
  }

  private async currentEtag(record: Versioned<T>): Promise<string> {
    const etag = await this.etagIfCurrent(record);
    if (!etag) throw new StaleRecordError(record.id);
    return etag;
  }

  /** The item's ETag while it is still at the version the record was read at. */
  private async etagIfCurrent(record: Versioned<T>): Promise<string | undefined> {
    const current = await this.get(record.id);
    return current && current.version === record.version ? current.etag : undefined;
  }

  private fromItem(item: ListItem): Versioned<T> {
    return fromFields(this.spec, item.id, item.fields, etagOf(item.fields, item));
  }
}
