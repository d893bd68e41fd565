import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
  type TableProps,
} from '@fluentui/react-components';
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

const useStyles = makeStyles({
  // Fluent's fixed layout shares the width equally: narrow columns then overlap. Let content size them.
  table: { tableLayout: 'auto' },
  cell: { overflowWrap: 'break-word', paddingBlock: tokens.spacingVerticalXS },
  anywhere: { overflowWrap: 'anywhere' },
  label: { display: 'none' },
  stackedHeader: {
    [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  },
  stackedRow: { [NARROW]: { display: 'block', paddingBlock: tokens.spacingVerticalS } },
  // Fluent gives a cell a fixed height, which a table row stretches but a stacked line would not: two-line values would overlap the next.
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
  size?: TableProps['size'];
}

/**
 * A Fluent table that reflows: columns size to their content on wide screens, and on a narrow one
 * each row is stacked with the column's name beside each value (WCAG 1.4.10). The explicit roles
 * keep it a table for screen readers whose browser drops table semantics once `display` changes.
 */
export function DataTable<Row>({ label, columns, rows, rowKey, rowProps, after, stack = true, size = 'small' }: DataTableProps<Row>) {
  const styles = useStyles();
  const rowClass = mergeClasses(stack && styles.stackedRow);
  const cellClass = mergeClasses(styles.cell, stack && styles.stackedCell);
  return (
    <Table aria-label={label} size={size} className={styles.table} role="table">
      <TableHeader className={mergeClasses(stack && styles.stackedHeader)} role="rowgroup">
        <TableRow role="row">
          {columns.map((column) => (
            <TableHeaderCell key={column.header} role="columnheader" style={column.width ? { width: column.width } : undefined}>
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody role="rowgroup">
        {rows.map((row) => {
          const extra = after?.(row);
          return (
            <Fragment key={rowKey(row)}>
              <TableRow role="row" className={rowClass} {...rowProps?.(row)}>
                {columns.map((column) => (
                  <TableCell key={column.header} role="cell" className={mergeClasses(cellClass, column.breakAnywhere && styles.anywhere)}>
                    {stack && (
                      <span aria-hidden="true" className={mergeClasses(styles.label, styles.stackedLabel)}>
                        {column.header}
                      </span>
                    )}
                    <div>{column.cell(row)}</div>
                  </TableCell>
                ))}
              </TableRow>
              {extra && (
                <TableRow role="row" className={rowClass}>
                  <TableCell role="cell" colSpan={columns.length} className={styles.cell}>
                    {extra}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
