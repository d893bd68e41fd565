import { Body1, Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { download, getJson, type Credentials } from '../api';
import type { UnblockRegister, UnblockRow } from '../../../bot/src/contracts/access-requests';
import { DataTable, type Column } from '../ui/DataTable';
import { GrowingBadge } from '../ui/GrowingBadge';
import { shortDate } from '../ui/dates';
import { useFirstAnswer } from '../ui/first-answer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  row: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  empty: { color: tokens.colorNeutralForeground3 },
});

const STATUS_COLOURS: Record<UnblockRow['status'], 'success' | 'danger' | 'warning' | 'informative'> = {
  open: 'success',
  pastEnd: 'danger',
  noEndDate: 'warning',
  reblocked: 'informative',
};

const columns = (onOpen: (id: string) => void): Column<UnblockRow>[] => [
  {
    header: 'Request',
    width: '5em',
    cell: (row) => (
      <Link as="button" aria-label={`Open request ${row.reference}`} onClick={() => onOpen(row.id)}>
        {row.reference}
      </Link>
    ),
  },
  { header: 'Website', breakAnywhere: true, cell: (row) => row.url },
  { header: 'Reasons', cell: (row) => row.reasons },
  { header: 'Open for', width: '9em', cell: (row) => row.scope },
  {
    header: 'Period',
    width: '12em',
    cell: (row) => (row.from && row.to ? `${shortDate(row.from)} to ${shortDate(row.to)}` : 'No end date'),
  },
  {
    header: 'Approved',
    width: '11em',
    cell: (row) => (row.approvedOn ? `${row.approvedBy}, ${shortDate(row.approvedOn)}` : row.approvedBy),
  },
  {
    header: 'Status',
    width: '12em',
    cell: (row) => (
      <GrowingBadge color={STATUS_COLOURS[row.status]}>
        {row.status === 'reblocked' && row.reblockedOn ? `${row.statusLabel} ${shortDate(row.reblockedOn)}` : row.statusLabel}
      </GrowingBadge>
    ),
  },
];

/**
 * The register of unblocked sites (DfE filtering and monitoring standards: what is allowed, for whom
 * and why): every site opened after a request, those open past their last day first; a CSV copy.
 */
export function UnblocksPage({ credentials, onOpen }: { credentials: Credentials; onOpen(id: string): void }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<UnblockRegister>('/api/unblocks', credentials);
  const [rows, setRows] = useState(first?.rows);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const { announce } = useAnnounce();

  useEffect(() => {
    if (alreadyRead()) return;
    setRows(undefined);
    setError(undefined);
    getJson<UnblockRegister>('/api/unblocks', credentials).then(
      (register) => setRows(register.rows),
      (failure: Error) => setError(failure.message),
    );
  }, [credentials]);

  const exportCsv = async () => {
    try {
      const name = await download('/api/unblocks.csv', credentials, 'unblocks.csv');
      setStatus(`Downloaded ${name}.`);
      announce(`Downloaded ${name}.`);
    } catch (failure) {
      setStatus((failure as Error).message);
      announce((failure as Error).message, { alert: true });
    }
  };

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!rows) return <Spinner label="Loading the register…" />;
  const pastEnd = rows.filter((row) => row.status === 'pastEnd').length;
  const noEnd = rows.filter((row) => row.status === 'noEndDate').length;
  return (
    <section className={styles.page} aria-label="Register of unblocked sites" data-testid="unblock-register">
      {pastEnd > 0 && (
        <MessageBar intent="error" data-testid="past-end">
          <MessageBarBody>
            {pastEnd === 1 ? '1 site is' : `${pastEnd} sites are`} still open after {pastEnd === 1 ? 'its' : 'their'} last day and must be
            blocked again on the school filter.
          </MessageBarBody>
        </MessageBar>
      )}
      {noEnd > 0 && (
        <MessageBar intent="warning" data-testid="no-end-date">
          <MessageBarBody>
            {noEnd === 1 ? '1 site was' : `${noEnd} sites were`} opened without an end date. The online safety lead sets one from the
            request's page.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button onClick={() => void exportCsv()} disabled={rows.length === 0}>
          Download CSV
        </Button>
        {status && <Body1 data-testid="export-status">{status}</Body1>}
      </div>
      {rows.length === 0 ? (
        <Body1 className={styles.empty}>No site has been opened after a request yet.</Body1>
      ) : (
        <DataTable
          label="Unblocked sites"
          columns={columns(onOpen)}
          rows={rows}
          rowKey={(row) => row.id}
          rowProps={(row) => ({ 'data-testid': 'unblock-row', 'data-status': row.status })}
          size="medium"
        />
      )}
    </section>
  );
}
