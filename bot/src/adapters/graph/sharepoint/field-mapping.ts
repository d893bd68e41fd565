import type { Versioned } from '../../../ports/collection.port';
import { HOUSEKEEPING_COLUMNS, VERSION_COLUMN, type ColumnSpec, type ListSpec } from './list-spec';

export type Fields = Record<string, unknown>;

/** A record as list item fields: one column per field, Title for people browsing the list. */
export function toFields<T extends { id: string }>(spec: ListSpec<T>, record: Omit<T, 'id'>, version: number, forUpdate: boolean): Fields {
  const source = record as Record<string, unknown>;
  const fields: Fields = { Title: spec.title(record as T), [VERSION_COLUMN.name]: version };
  for (const column of spec.columns) {
    if (HOUSEKEEPING_COLUMNS.includes(column)) continue;
    const value = toColumnValue(column, source[column.field]);
    // On update an absent value must clear the column; on create it is simply left out.
    if (value !== undefined) fields[column.name] = value;
    else if (forUpdate) fields[column.name] = null;
  }
  return fields;
}

/** Item fields back to a record; unknown columns (SharePoint's own) are ignored. */
export function fromFields<T extends { id: string }>(
  spec: ListSpec<T>,
  id: string,
  fields: Fields,
  etag: string | undefined,
): Versioned<T> {
  const record: Record<string, unknown> = { id, version: Number(fields[VERSION_COLUMN.name] ?? 1) };
  if (etag) record.etag = etag;
  for (const column of spec.columns) {
    if (HOUSEKEEPING_COLUMNS.includes(column)) continue;
    const value = fromColumnValue(column, fields[column.name]);
    if (value !== undefined) record[column.field] = value;
  }
  return record as Versioned<T>;
}

/** The value to compare in `$filter` for this column (OData literal, quotes escaped). */
export function filterLiteral(column: ColumnSpec, value: unknown): string {
  if (column.type === 'number') return String(Number(value));
  if (column.type === 'boolean') return value ? '1' : '0';
  return `'${String(value).replace(/'/g, "''")}'`;
}

function toColumnValue(column: ColumnSpec, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (column.type) {
    case 'json':
      return JSON.stringify(value);
    case 'boolean':
      return Boolean(value);
    case 'number':
      return Number(value);
    case 'date':
      return String(value).slice(0, 10);
    default:
      return String(value);
  }
}

function fromColumnValue(column: ColumnSpec, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (column.type) {
    case 'json':
      return JSON.parse(String(value));
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true';
    case 'number':
      return Number(value);
    case 'dateTime':
      // SharePoint answers in UTC without milliseconds; keep ISO strings as the records use them.
      return new Date(String(value)).toISOString();
    default:
      return String(value);
  }
}
