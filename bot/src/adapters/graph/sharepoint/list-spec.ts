/**
 * How each record type is laid out as a SharePoint list: one typed column per field, so the
 * school can read its lists in SharePoint too. Nested values (history, signatures) are kept as
 * JSON in multi-line text columns.
 */
/**
 * `date` is a calendar date (YYYY-MM-DD), kept as text: a SharePoint date-only column holds
 * midnight in the site's time zone as an instant, so a site not set to UK time shows and returns
 * another day. `dateTime` is an instant, kept to the second by SharePoint.
 */
export type ColumnType = 'text' | 'note' | 'number' | 'boolean' | 'date' | 'dateTime' | 'choice' | 'json';

export interface ColumnSpec {
  /** The record field the column holds. */
  field: string;
  /** The column's internal name in SharePoint. */
  name: string;
  displayName: string;
  type: ColumnType;
  /**
   * `true`: used in $filter, which Graph refuses on a column that is not indexed. `'optional'`:
   * indexed for SharePoint's own views of a big list; the app does not filter on it.
   */
  indexed?: boolean | 'optional';
  unique?: boolean;
  choices?: readonly string[];
  /**
   * A date column's name before dates were kept as text: a SharePoint date-only column that
   * provisioning copies into this one and then leaves alone.
   */
  replaces?: string;
}

/** Added to a date field's column name: the text column took over from a date-only column of the field's name. */
export const DATE_TEXT_SUFFIX = 'Text';

export interface ListSpec<T> {
  /** A short name for the list in code and error messages; SharePoint finds it by display name. */
  name: string;
  displayName: string;
  description: string;
  columns: ColumnSpec[];
  /** What the item's Title column shows when someone browses the list. */
  title(record: T): string;
  /**
   * A record's own key, when two records with the same one are the same record: it becomes the
   * item's record key (unique), so a second insert is refused however it is sent.
   */
  naturalKey?: (record: Omit<T, 'id'>) => string | undefined;
}

/** The record's version, for conditional updates alongside the item's ETag. */
export const VERSION_COLUMN: ColumnSpec = { field: 'version', name: 'RecordVersion', displayName: 'Record version', type: 'number' };

/**
 * Marks that make writes safe to retry: each new item carries a unique key chosen by the app, and
 * each update a fresh write id. When an answer is lost and the write is sent again, the app can
 * tell its own earlier write (already stored) from somebody else's.
 */
export const KEY_COLUMN: ColumnSpec = {
  field: '',
  name: 'RecordKey',
  displayName: 'Record key',
  type: 'text',
  indexed: true,
  unique: true,
};
export const WRITE_COLUMN: ColumnSpec = { field: '', name: 'RecordWrite', displayName: 'Last write', type: 'text' };

/** Columns the app keeps for itself, not fields of a record. */
export const HOUSEKEEPING_COLUMNS: readonly ColumnSpec[] = [VERSION_COLUMN, KEY_COLUMN, WRITE_COLUMN];

export type ColumnDeclaration =
  | ColumnType
  | {
      type: ColumnType;
      indexed?: boolean | 'optional';
      unique?: boolean;
      choices?: readonly string[];
      displayName?: string;
      column?: string;
    };

/**
 * Declares a list. The declaration must name every field of the record (the compiler checks), so
 * a field added to a record type cannot be forgotten here.
 */
export function listSpec<T extends { id: string }>(
  name: string,
  displayName: string,
  description: string,
  fields: { [F in Exclude<keyof T, 'id'> & string]-?: ColumnDeclaration },
  title: (record: T) => string,
  options: Pick<ListSpec<T>, 'naturalKey'> = {},
): ListSpec<T> {
  const columns = Object.entries(fields as Record<string, ColumnDeclaration>).map(([field, declaration]): ColumnSpec => {
    const { column, ...decl } = typeof declaration === 'string' ? { type: declaration, column: undefined } : declaration;
    const name = column ?? field;
    const spec: ColumnSpec = { field, name, displayName: decl.displayName ?? humanise(field), ...decl };
    return decl.type === 'date' ? { ...spec, name: `${name}${DATE_TEXT_SUFFIX}`, replaces: name } : spec;
  });
  return {
    name,
    displayName,
    description,
    columns: [...columns, ...HOUSEKEEPING_COLUMNS],
    title: (record) => title(record).slice(0, 255),
    ...options,
  };
}

/** The same columns, none indexed or unique: for a list the app never filters, such as an archive. */
export function withoutIndexes<F extends Record<string, ColumnDeclaration>>(fields: F): { [K in keyof F]: ColumnDeclaration } {
  const plain = Object.entries(fields).map(([field, declaration]) => [
    field,
    typeof declaration === 'string' ? declaration : { ...declaration, indexed: false, unique: false },
  ]);
  return Object.fromEntries(plain) as { [K in keyof F]: ColumnDeclaration };
}

function humanise(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
