import { GraphError } from '@microsoft/microsoft-graph-client';
import { DuplicateRecordError, StoreUnavailableError } from '../../../ports/collection.port';
import { unavailable, type BatchRequest, type BatchResponse, type GraphApi } from '../graph-api';
import { filterLiteral, type Fields } from './field-mapping';
import { KEY_COLUMN, VERSION_COLUMN, WRITE_COLUMN } from './list-spec';

/**
 * Many writes to one list, 20 to a `$batch`, none ever stored twice. Every new item carries its
 * record key and every change a write id, chosen once: a write whose fate is unknown (the batch
 * failed whole with a 5xx or a dropped connection, or its own answer was a 5xx or a throttling
 * that outlasted the retries) is looked up first, 20 look-ups to a `$batch`, and sent again,
 * with the same key and write id, only if it is not there.
 */

export interface ListItem {
  id: string;
  eTag?: string;
  fields: Fields;
}

/** A new item's fields, with its record key and write id already among them. */
export interface NewItem {
  key: string;
  writeId: string;
  fields: Fields;
}

/** A new item and the list it goes in (`/sites/{site}/lists/{list}/items`). */
export type PlacedItem = NewItem & { itemsPath: string };

/** A conditional change: `fields` carry `version + 1` and `writeId`; sent with `If-Match: etag`. */
export interface ItemChange {
  id: string;
  etag: string;
  version: number;
  writeId: string;
  fields: Fields;
}

export type ChangeOutcome = { status: 'saved'; etag: string | undefined } | { status: 'stale' };

/** Sends, looks up and sends again at most this many times before the store counts as unreachable. */
const ROUNDS = 3;
const STALE: ChangeOutcome = { status: 'stale' };

export async function createItems(graph: GraphApi, itemsPath: string, items: NewItem[]): Promise<ListItem[]> {
  const stored = new Map<NewItem, ListItem>();
  let pending = items;
  for (let round = 1; pending.length > 0; round++) {
    const answers = await sendAll(
      graph,
      pending.map((item, index) => ({ id: String(index + 1), method: 'POST', url: itemsPath, body: { fields: item.fields } })),
    );
    const unknown: NewItem[] = [];
    const refused = new Set<NewItem>();
    for (const [index, item] of pending.entries()) {
      const answer = answers[index];
      if (answer?.status === 201) stored.set(item, answer.body as ListItem);
      else if (answer === undefined || fateUnknown(answer.status)) unknown.push(item);
      // 409: a unique column refused it; the item with its key may be this very write, stored by an earlier attempt.
      else if (answer.status === 409) {
        unknown.push(item);
        refused.add(item);
      } else throw unavailable(innerError(answer));
    }
    const found = await lookUpKeys(
      graph,
      itemsPath,
      unknown.map((item) => item.key),
    );
    pending = [];
    for (const item of unknown) {
      const landed = found.get(item.key);
      if (landed?.fields[WRITE_COLUMN.name] === item.writeId) stored.set(item, landed);
      else if (landed || refused.has(item)) throw new DuplicateRecordError('An item with the same key or unique value is already stored.');
      else pending.push(item);
    }
    if (pending.length > 0 && round === ROUNDS) throw new StoreUnavailableError('Microsoft 365 could not be reached.');
  }
  return items.map((item) => stored.get(item)!);
}

export async function changeItems(graph: GraphApi, itemsPath: string, changes: ItemChange[]): Promise<ChangeOutcome[]> {
  const outcomes = new Map<ItemChange, ChangeOutcome>();
  let pending = changes;
  for (let round = 1; pending.length > 0; round++) {
    const answers = await sendAll(
      graph,
      pending.map((change, index) => ({
        id: String(index + 1),
        method: 'PATCH',
        url: `${itemsPath}/${change.id}/fields`,
        body: change.fields,
        headers: { 'If-Match': change.etag },
      })),
    );
    const unknown: ItemChange[] = [];
    for (const [index, change] of pending.entries()) {
      const answer = answers[index];
      if (answer?.status === 200) outcomes.set(change, { status: 'saved', etag: etagOf((answer.body ?? {}) as Fields) });
      else if (answer?.status === 404 || answer?.status === 409 || (answer?.status === 412 && round === 1)) outcomes.set(change, STALE);
      // A 412 on a change sent again may be this very change, stored by the attempt before.
      else if (answer === undefined || fateUnknown(answer.status) || answer.status === 412) unknown.push(change);
      else throw unavailable(innerError(answer));
    }
    const current = await lookUpItems(
      graph,
      itemsPath,
      unknown.map((change) => change.id),
    );
    pending = [];
    for (const change of unknown) {
      const item = current.get(change.id);
      if (item && item.fields[WRITE_COLUMN.name] === change.writeId && Number(item.fields[VERSION_COLUMN.name]) === change.version + 1)
        outcomes.set(change, { status: 'saved', etag: etagOf(item.fields, item) });
      else if (item && etagOf(item.fields, item) === change.etag) pending.push(change);
      else outcomes.set(change, STALE);
    }
    if (pending.length > 0 && round === ROUNDS) throw new StoreUnavailableError('Microsoft 365 could not be reached.');
  }
  return changes.map((change) => outcomes.get(change)!);
}

/** The item's ETag, as a listItem or its fields carry it. */
export function etagOf(fields: Fields, item?: { eTag?: string }): string | undefined {
  return item?.eTag ?? (typeof fields['@odata.etag'] === 'string' ? fields['@odata.etag'] : undefined);
}

/** Every request's answer; `undefined` for each request of a batch that failed whole but may have run. */
async function sendAll(graph: GraphApi, requests: BatchRequest[]): Promise<(BatchResponse | undefined)[]> {
  try {
    return await graph.batchEach(requests);
  } catch (error) {
    throw unavailable(error);
  }
}

/** Items by record key (absent when there is none), 20 look-ups to a batch. */
export async function lookUpKeys(graph: GraphApi, itemsPath: string, keys: string[]): Promise<Map<string, ListItem>> {
  const answers = await readAll(
    graph,
    keys.map((key, index) => ({
      id: String(index + 1),
      method: 'GET',
      url: `${itemsPath}?$expand=fields&$top=1&$filter=${encodeURIComponent(`fields/${KEY_COLUMN.name} eq ${filterLiteral(KEY_COLUMN, key)}`)}`,
    })),
  );
  const found = new Map<string, ListItem>();
  for (const [index, key] of keys.entries()) {
    const item = (answers[index]!.body as { value: ListItem[] }).value[0];
    if (item) found.set(key, item);
  }
  return found;
}

/** Items by id (absent when deleted), 20 look-ups to a batch. */
async function lookUpItems(graph: GraphApi, itemsPath: string, ids: string[]): Promise<Map<string, ListItem>> {
  const answers = await readAll(
    graph,
    ids.map((id, index) => ({ id: String(index + 1), method: 'GET', url: `${itemsPath}/${id}?$expand=fields` })),
    [404],
  );
  const found = new Map<string, ListItem>();
  for (const [index, id] of ids.entries()) if (answers[index]!.status === 200) found.set(id, answers[index]!.body as ListItem);
  return found;
}

async function readAll(graph: GraphApi, requests: BatchRequest[], alsoFine: number[] = []): Promise<BatchResponse[]> {
  if (requests.length === 0) return [];
  let answers: BatchResponse[];
  try {
    answers = await graph.batch(requests);
  } catch (error) {
    throw unavailable(error);
  }
  const failed = answers.find((answer) => answer.status !== 200 && !alsoFine.includes(answer.status));
  if (failed) throw unavailable(innerError(failed));
  return answers;
}

function fateUnknown(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

/** One request's failure inside a batch, as the error a call of its own would have thrown. */
export function innerError(answer: BatchResponse): GraphError {
  const body = answer.body as { error?: { code?: string; message?: string } } | undefined;
  const error = new GraphError(answer.status, body?.error?.message ?? `Graph answered ${answer.status} inside a batch.`);
  error.code = body?.error?.code ?? null;
  return error;
}
