import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, typographyStyles, useAnnounce } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Credentials } from '../api';
import { DataTable, type Column } from '../ui/DataTable';
import { GrowingBadge } from '../ui/GrowingBadge';
import { useFirstAnswer } from '../ui/first-answer';
import { ApiError, api, formatDate, NO_FILTERS, queryString, type Filters, type IncidentRow, type Status } from './incidents-api';
import { IncidentFilters } from './IncidentFilters';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '12px' },
  footer: { display: 'flex', gap: '12px', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  badges: { display: 'flex', gap: '4px', flexWrap: 'wrap', alignItems: 'center' },
  empty: {
    margin: 0,
    padding: '32px',
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    border: `1px dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { margin: 0, ...typographyStyles.caption1 },
  reference: { fontFamily: tokens.fontFamilyMonospace, minWidth: 0, paddingInline: '4px' },
});

export const STATUS_COLOURS: Record<Status, 'danger' | 'warning' | 'success' | 'informative'> = {
  new: 'danger',
  inProgress: 'warning',
  actionTaken: 'success',
  closed: 'informative',
};
const PAGE = 50;

type Page = { total: number; items: IncidentRow[]; offset: number };
const countText = (page: Page) =>
  `${page.offset + 1}–${page.offset + page.items.length} of ${page.total} incident${page.total === 1 ? '' : 's'}`;

/**
 * The log: filters, search and sort on the server, a page at a time. `focusRowOf` is the incident
 * the person has just come back from: the focus returns to its row, or to the results if a filter now hides it.
 */
export function IncidentList({
  credentials,
  onOpen,
  onDenied,
  focusRowOf,
}: {
  credentials: Credentials;
  onOpen(id: string): void;
  onDenied(message: string): void;
  focusRowOf?: string;
}) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [filters, setFilters] = useState<Filters>(() => ({
    ...NO_FILTERS,
    ...JSON.parse(sessionStorage.getItem('incident-filters') ?? '{}'),
  }));
  const [typed, setTyped] = useState(filters.q);
  const [first, alreadyRead] = useFirstAnswer<Omit<Page, 'offset'>>(`/api/incidents?${queryString(filters)}`, credentials);
  const [page, setPage] = useState<Page | undefined>(first && { ...first, offset: 0 });
  const [error, setError] = useState<string>();
  const search = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLParagraphElement>(null);
  const openButtons = useRef(new Map<string, HTMLElement>());
  const returnTo = useRef(focusRowOf);
  const loads = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setFilters((current) => (current.q === typed ? current : { ...current, q: typed })), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    sessionStorage.setItem('incident-filters', JSON.stringify(filters));
    if (alreadyRead()) return;
    setPage(undefined);
    setError(undefined);
    let current = true;
    api.list(credentials, filters, 0).then(
      (found) => current && setPage({ ...found, offset: 0 }),
      (failure: Error) =>
        current && (failure instanceof ApiError && failure.status === 403 ? onDenied(failure.message) : setError(failure.message)),
    );
    return () => {
      current = false;
    };
  }, [credentials, filters, onDenied]);

  // Once rows arrive: say how many when the person changed something, and return the focus they left with.
  useEffect(() => {
    if (!page) return;
    loads.current += 1;
    if (loads.current > 1) announce(page.total === 0 ? 'No incidents match these filters.' : countText(page));
    const back = returnTo.current;
    returnTo.current = undefined;
    if (back) (openButtons.current.get(back) ?? results.current)?.focus();
  }, [page, announce]);

  const goTo = (offset: number) =>
    api.list(credentials, filters, offset).then(
      (found) => setPage({ ...found, offset }),
      (failure: Error) => setError(failure.message),
    );
  const filtered = JSON.stringify({ ...filters, sort: '', dir: '' }) !== JSON.stringify({ ...NO_FILTERS, sort: '', dir: '' });
  const clear = () => {
    setTyped('');
    setFilters(NO_FILTERS);
    // The button goes with the filters: start again from the search box.
    search.current?.focus();
    announce('Filters cleared.');
  };

  const columns: Column<IncidentRow>[] = [
    {
      header: 'Reference',
      cell: (row) => (
        <Button
          appearance="transparent"
          className={styles.reference}
          onClick={() => onOpen(row.id)}
          aria-label={`Open ${row.reference}`}
          ref={(button) => (button ? openButtons.current.set(row.id, button) : openButtons.current.delete(row.id))}
        >
          {row.reference}
        </Button>
      ),
    },
    { header: 'Reported', cell: (row) => formatDate(row.reportedAt) },
    { header: 'Category', cell: (row) => row.categoryLabel },
    { header: 'Routed to', cell: (row) => row.routedToLabel },
    { header: 'Assigned to', cell: (row) => row.assigneeName ?? '—' },
    {
      header: 'Status',
      cell: (row) => (
        <div className={styles.badges}>
          <GrowingBadge color={STATUS_COLOURS[row.status]}>{row.statusLabel}</GrowingBadge>
          {row.nobodyToldYet && (
            <GrowingBadge color="danger" data-testid="nobody-told">
              Nobody told yet
            </GrowingBadge>
          )}
          {row.late.map((text) => (
            <GrowingBadge key={text} color="warning" data-testid="late">
              {text}
            </GrowingBadge>
          ))}
        </div>
      ),
    },
  ];

  return (
    <section className={styles.panel} aria-label="Incident log">
      <IncidentFilters
        filters={filters}
        typed={typed}
        onType={setTyped}
        onChange={(key, value) => setFilters((current) => ({ ...current, [key]: value }))}
        onClear={clear}
        filtered={filtered}
        searchRef={search}
      />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!page && !error && <Spinner label="Loading incidents…" />}
      {page && page.total === 0 && (
        <p className={styles.empty} data-testid="incidents-empty" tabIndex={-1} ref={results}>
          {filtered
            ? 'No incidents match these filters. Try clearing one.'
            : 'No incidents have been reported. When staff report a concern in the bot it appears here.'}
        </p>
      )}
      {page && page.total > 0 && (
        <>
          <DataTable
            label="Incidents"
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.id}
            rowProps={() => ({ 'data-testid': 'incident-row' })}
          />
          <div className={styles.footer}>
            <p className={styles.count} data-testid="incident-count" tabIndex={-1} ref={results}>
              {countText(page)}
            </p>
            <div className={styles.buttons}>
              {/* Focusable when disabled: on the last page the focus stays on "Next" instead of falling to the page. */}
              <Button disabledFocusable={page.offset === 0} onClick={() => goTo(Math.max(0, page.offset - PAGE))}>
                Previous
              </Button>
              <Button disabledFocusable={page.offset + PAGE >= page.total} onClick={() => goTo(page.offset + PAGE)}>
                Next
              </Button>
              <Button
                appearance="primary"
                onClick={() => api.exportCsv(credentials, filters).catch((failure: Error) => setError(failure.message))}
              >
                Export CSV
              </Button>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
