import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';
import {
  DuplicateRecordError,
  StaleRecordError,
  StoreUnavailableError,
  type Collection,
  type FindQuery,
  type Page,
  type UpdateOutcome,
  type Versioned,
} from '../../ports/collection.port';

export type Row = { id: number; version: number; data: string };
type SqlValue = string | number | null;

/** One collection in its own table: the record as JSON, the indexed fields as columns. */
export class SqliteCollection<T extends { id: string }, K extends keyof T & string> implements Collection<T, K> {
  private readonly statements = new Map<string, Statement<SqlValue[]>>();

  constructor(
    protected readonly db: SqliteDatabase,
    private readonly table: string,
    private readonly indexed: readonly K[],
  ) {}

  /** Statements are prepared once per distinct SQL text (a handful per table). */
  private prepare(sql: string): Statement<SqlValue[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<SqlValue[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async insert(record: Omit<T, 'id'>): Promise<Versioned<T>> {
    return guard(() => this.insertRow(record));
  }

  /** The insert itself, synchronous, so that it can be part of a transaction (`SqliteSaveTogether`). */
  insertRow(record: Omit<T, 'id'>): Versioned<T> {
    const columns = ['version', 'data', ...this.indexed.map(quote)];
    const values = [1, JSON.stringify(record), ...this.indexed.map((field) => toSql((record as Record<string, unknown>)[field]))];
    const info = this.prepare(`INSERT INTO ${this.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...values,
    );
    return { ...(record as object), id: String(info.lastInsertRowid), version: 1 } as Versioned<T>;
  }

  async insertMany(records: Omit<T, 'id'>[]): Promise<Versioned<T>[]> {
    const stored: Versioned<T>[] = [];
    for (const record of records) stored.push(await this.insert(record));
    return stored;
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    return guard(() => {
      const row = this.prepare(`SELECT id, version, data FROM ${this.table} WHERE id = ?`).get(Number(id)) as Row | undefined;
      return row ? fromRow<T>(row) : undefined;
    });
  }

  async update(record: Versioned<T>): Promise<Versioned<T>> {
    return guard(() => this.updateRow(record));
  }

  /** The update itself, synchronous, so that it can be part of a transaction (`SqliteSaveTogether`). */
  updateRow(record: Versioned<T>): Versioned<T> {
    const { id, version, etag: _etag, ...data } = record as Versioned<T> & Record<string, unknown>;
    const sets = ['version = version + 1', 'data = ?', ...this.indexed.map((field) => `${quote(field)} = ?`)];
    const values = [JSON.stringify(data), ...this.indexed.map((field) => toSql(data[field]))];
    const info = this.prepare(`UPDATE ${this.table} SET ${sets.join(', ')} WHERE id = ? AND version = ?`).run(
      ...values,
      Number(id),
      version,
    );
    if (info.changes === 0) throw new StaleRecordError(id);
    return { ...record, version: version + 1 };
  }

  async updateMany(records: Versioned<T>[]): Promise<UpdateOutcome<T>[]> {
    const outcomes: UpdateOutcome<T>[] = [];
    for (const record of records) {
      try {
        outcomes.push({ status: 'saved', record: await this.update(record) });
      } catch (error) {
        if (!(error instanceof StaleRecordError)) throw error;
        outcomes.push({ status: 'stale', id: record.id });
      }
    }
    return outcomes;
  }

  async find(query: FindQuery<T, K>): Promise<Page<Versioned<T>>> {
    return guard(() => {
      const clauses: string[] = [];
      const values: SqlValue[] = [];
      const conditions = [
        ...Object.entries(query.where ?? {}).map((condition) => [...condition, '='] as const),
        ...Object.entries(query.atLeast ?? {}).map((condition) => [...condition, '>='] as const),
      ];
      if (conditions.length > 1) throw new Error('Filter on one indexed field at a time (as SharePoint does).');
      for (const [field, value, operator] of conditions) {
        if (!this.indexed.includes(field as K)) throw new Error(`${this.table}.${field} is not indexed and cannot be filtered on.`);
        clauses.push(`${quote(field)} ${operator} ?`);
        values.push(toSql(value));
      }
      if (query.cursor) {
        clauses.push(query.newestFirst ? 'id < ?' : 'id > ?');
        values.push(Number(query.cursor));
      }
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const rows = this.prepare(
        `SELECT id, version, data FROM ${this.table} ${where} ORDER BY id ${query.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
      ).all(...values, query.limit + 1) as Row[];
      const items = rows.slice(0, query.limit).map((row) => fromRow<T>(row));
      return rows.length > query.limit ? { items, next: items[items.length - 1]!.id } : { items };
    });
  }
}

export function fromRow<T>(row: Row): Versioned<T> {
  return { ...JSON.parse(row.data), id: String(row.id), version: row.version } as Versioned<T>;
}

function quote(field: string): string {
  return `"${field}"`;
}

function toSql(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error('Only scalar fields can be indexed.');
}

/** Maps the driver's failures onto the port's errors; a stale write stays a stale write. */
export function guard<R>(work: () => R): R {
  try {
    return work();
  } catch (error) {
    if (error instanceof StaleRecordError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateRecordError('A record with that key is already stored.');
    if (code.startsWith('SQLITE_') && !code.startsWith('SQLITE_CONSTRAINT')) {
      throw new StoreUnavailableError('The database could not be reached.', { cause: error });
    }
    // Checked by message, not class: the driver's errors may come from another realm (e.g. under Jest).
    if (/database connection is not open/.test(String((error as { message?: unknown }).message))) {
      throw new StoreUnavailableError('The database is closed.', { cause: error });
    }
    throw error;
  }
}
