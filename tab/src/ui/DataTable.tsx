import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment, type HTMLAttributes, type ReactNode } from 'react';

export interface Column<Row> {
  /** The column's heading, also shown beside each value when the rows are stacked on a narrow screen. */
  header: string;
  cell(row: Row): ReactNode;
  /** A width hint for wide screens, such as '7em'. */
  width?: string;
  /** For web addresses and emails: break them anywhere rather than push the table wider than the screen. */
  breakAnywhere?: boolean;
}

/** Below this width (a phone, or a laptop at 200 % zoom) each row becomes a block of "label: value" lines. */
const NARROW = '@media (max-width: 640px)';

// Fluent's table look (its Table, TableRow, TableHeaderCell and TableCell at sizes small and medium) on plain
// table elements: Fluent's components each run hooks per row and cell (focus tracking, context, slots), which on a
// 50-row log was a large part of a first page's work, for rows nobody focuses.
const useStyles = makeStyles({
  // Fluent's fixed layout shares the width equally: narrow columns then overlap. Let content size them.
  table: {
    width: '100%',
    verticalAlign: 'middle',
    tableLayout: 'auto',
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorSubtleBackground,
  },
  head: { display: 'table-row-group' },
  row: {
    color: tokens.colorNeutralForeground1,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bodyRow: {
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1Hover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed, color: tokens.colorNeutralForeground1Pressed },
    // Windows' high contrast themes: the row under the pointer in the system's highlight colour, as Fluent's.
    '@media (forced-colors: active)': {
      ':hover': {
        color: 'Highlight',
        borderTopColor: 'Highlight',
        borderRightColor: 'Highlight',
        borderBottomColor: 'Highlight',
        borderLeftColor: 'Highlight',
      },
    },
  },
  headerCell: {
    verticalAlign: 'middle',
    position: 'relative',
    padding: `0px ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  heading: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    boxSizing: 'content-box',
    width: '100%',
    height: '100%',
    minHeight: '32px',
    lineHeight: 'normal',
    textAlign: 'unset',
  },
  cell: {
    verticalAlign: 'middle',
    position: 'relative',
    padding: `0px ${tokens.spacingHorizontalS}`,
    height: '34px',
    overflowWrap: 'break-word',
    paddingBlock: tokens.spacingVerticalXS,
  },
  medium: { height: '44px' },
  anywhere: { overflowWrap: 'anywhere' },
  label: { display: 'none' },
  stackedHeader: {
    [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  },
  stackedRow: { [NARROW]: { display: 'block', paddingBlock: tokens.spacingVerticalS } },
  // A cell has a fixed height, which a table row stretches but a stacked line would not: two-line values would overlap the next.
  stackedCell: {
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: '7em minmax(0, 1fr)',
      gap: tokens.spacingHorizontalS,
      alignItems: 'baseline',
      height: 'auto',
      minHeight: '28px',
      paddingBlock: '2px',
    },
  },
  stackedLabel: { [NARROW]: { display: 'block', fontWeight: tokens.fontWeightSemibold } },
});

export interface DataTableProps<Row> {
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  /** Extra attributes for a row (a test id, aria-selected). */
  rowProps?(row: Row): HTMLAttributes<HTMLTableRowElement> & { 'data-testid'?: string };
  /** Something shown as a full-width row right after a row (an opened panel), so it comes next in reading and Tab order. */
  after?(row: Row): ReactNode;
  /** False for a table whose few columns fit a phone as they are. */
  stack?: boolean;
  /** Fluent's row heights: 34 px (small) or 44 px (medium). */
  size?: 'small' | 'medium';
}

/**
 * A table in Fluent's look that reflows: columns size to their content on wide screens, and on a narrow one
 * each row is stacked with the column's name beside each value (WCAG 1.4.10). The explicit roles
 * keep it a table for screen readers whose browser drops table semantics once `display` changes.
 */
export function DataTable<Row>({ label, columns, rows, rowKey, rowProps, after, stack = true, size = 'small' }: DataTableProps<Row>) {
  const styles = useStyles();
  const rowClass = mergeClasses(styles.row, styles.bodyRow, stack && styles.stackedRow);
  const cellClass = mergeClasses(styles.cell, size === 'medium' && styles.medium, stack && styles.stackedCell);
  const anywhereClass = mergeClasses(cellClass, styles.anywhere);
  const labelClass = mergeClasses(styles.label, styles.stackedLabel);
  const extraCellClass = mergeClasses(styles.cell, size === 'medium' && styles.medium);
  return (
    <table aria-label={label} className={styles.table} role="table">
      <thead className={mergeClasses(styles.head, stack && styles.stackedHeader)} role="rowgroup">
        <tr role="row" className={styles.row}>
          {columns.map((column) => (
            <th
              key={column.header}
              role="columnheader"
              className={styles.headerCell}
              style={column.width ? { width: column.width } : undefined}
            >
              <div className={styles.heading}>{column.header}</div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => {
          const extra = after?.(row);
          return (
            <Fragment key={rowKey(row)}>
              <tr role="row" className={rowClass} {...rowProps?.(row)}>
                {columns.map((column) => (
                  <td key={column.header} role="cell" className={column.breakAnywhere ? anywhereClass : cellClass}>
                    {stack && (
                      <span aria-hidden="true" className={labelClass}>
                        {column.header}
                      </span>
                    )}
                    <div>{column.cell(row)}</div>
                  </td>
                ))}
              </tr>
              {extra && (
                <tr role="row" className={rowClass}>
                  <td role="cell" colSpan={columns.length} className={extraCellClass}>
                    {extra}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
