import { DataTable, type Column } from '../ui/DataTable';
import { GrowingBadge } from '../ui/GrowingBadge';
import { longDate, type TermDateEntry } from './settings-api';

const COLUMNS: Column<TermDateEntry>[] = [
  { header: 'Name', cell: (entry) => entry.name },
  {
    header: 'Type',
    cell: (entry) => (
      <GrowingBadge color={entry.kind === 'term' ? 'brand' : 'informative'}>{entry.kind === 'term' ? 'Term' : 'Closed'}</GrowingBadge>
    ),
  },
  { header: 'First day', cell: (entry) => longDate(entry.start) },
  { header: 'Last day', cell: (entry) => longDate(entry.end) },
];

/** Terms and closures in date order, read-only. */
export function TermDatesTable({ label, entries }: { label: string; entries: TermDateEntry[] }) {
  return (
    <DataTable
      label={label}
      columns={COLUMNS}
      rows={entries}
      rowKey={(entry) => `${entry.kind}-${entry.start}-${entry.end}-${entry.name}`}
      rowProps={() => ({ 'data-testid': 'term-date-row' })}
    />
  );
}
