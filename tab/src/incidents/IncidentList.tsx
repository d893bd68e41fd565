import {
  Badge, Body1, Button, Caption1, Field, Input, SearchBox, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Credentials } from '../api';
import { ApiError, api, formatDate, NO_FILTERS, type Filters, type IncidentRow, type Status } from './incidents-api';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '12px' },
  filters: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
  footer: { display: 'flex', gap: '12px', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  empty: { padding: '32px', textAlign: 'center', color: tokens.colorNeutralForeground3, border: `1px dashed ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  reference: { fontFamily: tokens.fontFamilyMonospace },
});

export const STATUS_COLOURS: Record<Status, 'danger' | 'warning' | 'success' | 'informative'> = { new: 'danger', inProgress: 'warning', actionTaken: 'success', closed: 'informative' };
const STATUSES: [string, string][] = [['new', 'New'], ['inProgress', 'In progress'], ['actionTaken', 'Action taken'], ['closed', 'Closed']];
const CATEGORIES: [string, string][] = [
  ['abuseAboutSchool', 'Comment or abuse about the school'], ['cyberbullying', 'Cyberbullying'], ['pupilDisclosure', 'Disclosure by a pupil'], ['staffConduct', "Staff member's online conduct"],
  ['friendFollowStaff', "'Friend' or 'follow' of staff"], ['contentOnSchoolEquipment', 'Content on school equipment'], ['firewallCircumvention', 'Getting round the firewall'], ['illegalActivity', 'Possible illegal activity'], ['other', 'Other'],
];
const ROUTES: [string, string][] = [['dsl', 'DSL'], ['headteacher', 'Headteacher'], ['chairOfGovernors', 'Chair of governors'], ['onlineSafetyLead', 'Online safety lead']];
const SORTS: [string, string][] = [['reportedAt', 'Date reported'], ['occurredOn', 'Date it happened'], ['status', 'Status'], ['category', 'Category'], ['routedTo', 'Routed to']];
const PAGE = 50;

/** The log: filters, search and sort on the server, a page at a time. */
export function IncidentList({ credentials, onOpen, onDenied }: { credentials: Credentials; onOpen(id: string): void; onDenied(message: string): void }) {
  const styles = useStyles();
  const [filters, setFilters] = useState<Filters>(() => ({ ...NO_FILTERS, ...JSON.parse(sessionStorage.getItem('incident-filters') ?? '{}') }));
  const [typed, setTyped] = useState(filters.q);
  const [page, setPage] = useState<{ total: number; items: IncidentRow[]; offset: number }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const timer = setTimeout(() => setFilters((current) => (current.q === typed ? current : { ...current, q: typed })), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    sessionStorage.setItem('incident-filters', JSON.stringify(filters));
    setPage(undefined);
    setError(undefined);
    let current = true;
    api.list(credentials, filters, 0).then(
      (found) => current && setPage({ ...found, offset: 0 }),
      (failure: Error) => current && (failure instanceof ApiError && failure.status === 403 ? onDenied(failure.message) : setError(failure.message)),
    );
    return () => {
      current = false;
    };
  }, [credentials, filters, onDenied]);

  const goTo = (offset: number) => api.list(credentials, filters, offset).then((found) => setPage({ ...found, offset }), (failure: Error) => setError(failure.message));
  const set = (key: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const filtered = JSON.stringify({ ...filters, sort: '', dir: '' }) !== JSON.stringify({ ...NO_FILTERS, sort: '', dir: '' });

  return (
    <section className={styles.panel} aria-label="Incident log">
      <div className={styles.filters} role="search">
        <Field label="Search">
          <SearchBox placeholder="Words, name or C-00042" value={typed} onChange={(_, data) => setTyped(data.value)} />
        </Field>
        <Choice label="Status" value={filters.status} options={STATUSES} onChange={set('status')} />
        <Choice label="Category" value={filters.category} options={CATEGORIES} onChange={set('category')} />
        <Choice label="Routed to" value={filters.routedTo} options={ROUTES} onChange={set('routedTo')} />
        <Field label="Reported from">
          <Input type="date" value={filters.from} onChange={(_, data) => set('from')(data.value)} />
        </Field>
        <Field label="to">
          <Input type="date" value={filters.to} onChange={(_, data) => set('to')(data.value)} />
        </Field>
        <Choice label="Sort by" value={filters.sort} options={SORTS} onChange={set('sort')} any={false} />
        <Choice label="Order" value={filters.dir} options={[['desc', 'Newest or Z first'], ['asc', 'Oldest or A first']]} onChange={set('dir')} any={false} />
        {filtered && <Button onClick={() => { setTyped(''); setFilters(NO_FILTERS); }}>Clear filters</Button>}
      </div>
      {error && <Body1 role="alert">{error}</Body1>}
      {!page && !error && <Spinner label="Loading incidents…" />}
      {page && page.total === 0 && (
        <div className={styles.empty} data-testid="incidents-empty">
          {filtered ? 'No incidents match these filters. Try clearing one.' : 'No incidents have been reported. When staff report a concern in the bot it appears here.'}
        </div>
      )}
      {page && page.total > 0 && (
        <>
          <Table aria-label="Incidents" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Reference</TableHeaderCell>
                <TableHeaderCell>Reported</TableHeaderCell>
                <TableHeaderCell>Category</TableHeaderCell>
                <TableHeaderCell>Routed to</TableHeaderCell>
                <TableHeaderCell>Assigned to</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.items.map((row) => (
                <TableRow key={row.id} data-testid="incident-row">
                  <TableCell>
                    <Button appearance="transparent" className={styles.reference} onClick={() => onOpen(row.id)} aria-label={`Open ${row.reference}`}>
                      {row.reference}
                    </Button>
                  </TableCell>
                  <TableCell>{formatDate(row.reportedAt)}</TableCell>
                  <TableCell>{row.categoryLabel}</TableCell>
                  <TableCell>{row.routedToLabel}</TableCell>
                  <TableCell>{row.assigneeName ?? '—'}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLOURS[row.status]}>{row.statusLabel}</Badge>
                    {row.nobodyToldYet && <> <Badge appearance="tint" color="danger" data-testid="nobody-told">Nobody told yet</Badge></>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={styles.footer}>
            <Caption1 data-testid="incident-count">
              {page.offset + 1}–{page.offset + page.items.length} of {page.total} incident{page.total === 1 ? '' : 's'}
            </Caption1>
            <div>
              <Button disabled={page.offset === 0} onClick={() => goTo(Math.max(0, page.offset - PAGE))}>Previous</Button>{' '}
              <Button disabled={page.offset + PAGE >= page.total} onClick={() => goTo(page.offset + PAGE)}>Next</Button>{' '}
              <Button appearance="primary" onClick={() => api.exportCsv(credentials, filters).catch((failure: Error) => setError(failure.message))}>Export CSV</Button>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function Choice({ label, value, options, onChange, any = true }: { label: string; value: string; options: [string, string][]; onChange(value: string): void; any?: boolean }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {any && <option value="">Any</option>}
        {options.map(([key, text]) => (
          <option key={key} value={key}>{text}</option>
        ))}
      </Select>
    </Field>
  );
}
