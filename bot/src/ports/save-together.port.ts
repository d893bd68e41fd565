import type { AuditEntry } from './audit-log.port';
import type { Versioned } from './collection.port';
import type { CardMessageRecord } from './conversation.port';
import type { OutboxEntry } from './outbox.port';

/** The stores whose records are saved together with what goes with them: the request types'. */
export type SavedTogetherStore = 'accessRequests' | 'postingRequests' | 'permissionRequests';

/**
 * What must be stored with a saved record, made from the record as saved (its id, its new
 * version): its audit entry, the notices of the step (stored, not yet sent), and, for a new
 * record, the card that was clicked, remembered so that later steps update it. Pure: it is
 * called inside a transaction.
 */
export interface GoesWith {
  audit: Omit<AuditEntry, 'id'>;
  notices: Omit<OutboxEntry, 'id'>[];
  clickedCard?: Omit<CardMessageRecord, 'id'>;
}

export interface SavedTogether<T> {
  record: Versioned<T>;
  /** The notices as stored, in the order given. */
  notices: Versioned<OutboxEntry>[];
}

/**
 * A record's insert or conditional update, its audit entry and its notices, saved together, so
 * that a crash in between never leaves a step saved without its audit entry or its notices.
 * - SQLite: one transaction; if any part fails, nothing is written.
 * - SharePoint: one `$batch` in which the audit entry and notices depend on the record's write
 *   (`dependsOn`), so they are written only if it succeeded. An insert is one round trip and the
 *   rest one `$batch` (a new item's id is needed for what goes with it).
 *
 * When the record's write is refused, nothing else is written: `StaleRecordError` (someone
 * changed it since it was read), `DuplicateRecordError` (a unique key is taken),
 * `StoreUnavailableError`. Once the record is saved, what goes with it is sent again (by the same
 * keys, looked up first) until stored; if the store still cannot be reached, `PartlySavedError`.
 */
export interface SaveTogether {
  insert<T extends { id: string }>(
    store: SavedTogetherStore,
    record: Omit<T, 'id'>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): Promise<SavedTogether<T>>;
  update<T extends { id: string }>(
    store: SavedTogetherStore,
    record: Versioned<T>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): Promise<SavedTogether<T>>;
}

/**
 * The record was saved, but its audit entry or some of its notices could not be stored after
 * every retry (SharePoint only: SQLite writes all or nothing). The step stands. Every part was
 * tried; `finish` tries again those that are not stored, under the keys they were first sent
 * with (looked up first, so nothing is stored twice), and throws another `PartlySavedError` for
 * any still left.
 */
export class PartlySavedError extends Error {
  constructor(
    readonly record: Versioned<{ id: string }>,
    readonly finish: () => Promise<void>,
    options?: { cause?: unknown },
  ) {
    super(`Record ${record.id} was saved; its audit entry or notices could not all be stored.`, options);
    this.name = 'PartlySavedError';
  }
}
