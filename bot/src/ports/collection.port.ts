/**
 * A list of records, shaped so that a SharePoint list can implement it as well as SQLite:
 * no transactions across records, conditional updates by version, filters on indexed fields only.
 */
export type Versioned<T> = T & {
  version: number;
  /** The backing store's own concurrency token (a SharePoint item's ETag), carried unchanged. */
  etag?: string;
};

/** Equality on exactly one indexed field: SharePoint filters on one indexed field at a time. */
export type OneFieldEquals<T, K extends keyof T> = { [P in K]: { [Q in P]: T[P] } }[K];

export type IndexValue = string | number | boolean;

export interface FindQuery<T, K extends keyof T> {
  /**
   * Equality on one indexed field (SharePoint refuses filters on other columns past 5,000 items,
   * and filters on one indexed field at a time).
   */
  where?: OneFieldEquals<T, K>;
  /**
   * The records whose indexed field is at least this value (ISO dates and times compare in time
   * order): a range on one indexed field, instead of `where`, never with it.
   */
  atLeast?: OneFieldEquals<T, K>;
  newestFirst?: boolean;
  /** The most items on one page; a store may return fewer (with `next`) when it pages smaller. */
  limit: number;
  /** Opaque: the `next` of the previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  next?: string;
}

/** What became of one record of `updateMany`: saved, or changed by someone else since it was read (nothing written). */
export type UpdateOutcome<T> = { status: 'saved'; record: Versioned<T> } | { status: 'stale'; id: string };

export interface Collection<T extends { id: string }, K extends keyof T> {
  insert(record: Omit<T, 'id'>): Promise<Versioned<T>>;
  /**
   * Several new records in as few round trips as the store allows, in order. Not a transaction:
   * if it throws, some records may have been stored.
   */
  insertMany(records: Omit<T, 'id'>[]): Promise<Versioned<T>[]>;
  get(id: string): Promise<Versioned<T> | undefined>;
  /** Saves the record only if it is still at `record.version`; otherwise throws StaleRecordError. */
  update(record: Versioned<T>): Promise<Versioned<T>>;
  /**
   * Several updates, each as conditional as `update`, in as few round trips as the store allows,
   * answered in order. Not a transaction: it throws only when the store cannot be reached, and
   * then some records may have been saved (each at most once).
   */
  updateMany(records: Versioned<T>[]): Promise<UpdateOutcome<T>[]>;
  find(query: FindQuery<T, K>): Promise<Page<Versioned<T>>>;
}

/** Someone else changed the record since it was read: nothing was written. */
export class StaleRecordError extends Error {
  constructor(readonly recordId: string) {
    super(`Record ${recordId} was changed by someone else; nothing was written.`);
    this.name = 'StaleRecordError';
  }
}

/** The store could not be reached or refused the write: nothing was written. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A record with the same unique key (for example a submission key) is already stored. */
export class DuplicateRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateRecordError';
  }
}
