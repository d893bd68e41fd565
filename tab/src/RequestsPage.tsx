import { Body1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, type AccessRequestSummary, type Credentials } from './api';
import { DataTable, type Column } from './ui/DataTable';
import { GrowingBadge } from './ui/GrowingBadge';

const useStyles = makeStyles({
  empty: { color: tokens.colorNeutralForeground3 },
});

const STATE_COLOURS: Record<string, 'brand' | 'success' | 'warning' | 'danger' | 'informative'> = {
  withOnlineSafetyLead: 'brand',
  withHeadteacher: 'brand',
  returnedToRequester: 'warning',
  approved: 'success',
  unblocked: 'success',
  refused: 'danger',
  withdrawn: 'informative',
};

const COLUMNS: Column<AccessRequestSummary>[] = [
  { header: 'Request', width: '5em', cell: (request) => request.reference },
  { header: 'Website', breakAnywhere: true, cell: (request) => request.url },
  { header: 'Requested by', cell: (request) => request.requesterName },
  { header: 'Date', width: '8em', cell: (request) => new Date(request.submittedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) },
  { header: 'Status', width: '12em', cell: (request) => <GrowingBadge color={STATE_COLOURS[request.state] ?? 'informative'}>{request.stateLabel}</GrowingBadge> },
];

/** Blocked-website requests (policy s.9): your own, or everyone's for the people who decide them. */
export function RequestsPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [requests, setRequests] = useState<AccessRequestSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setRequests(undefined);
    setError(undefined);
    getJson<{ items: AccessRequestSummary[] }>('/api/access-requests', credentials).then((list) => setRequests(list.items), (failure: Error) => setError(failure.message));
  }, [credentials]);

  if (error) return <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!requests) return <Spinner label="Loading requests…" />;
  if (requests.length === 0) return <Body1 className={styles.empty}>No requests yet. Ask the Online Safety Desk bot to "request access" to start one.</Body1>;
  return <DataTable label="Blocked website requests" columns={COLUMNS} rows={requests} rowKey={(request) => request.id} rowProps={() => ({ 'data-testid': 'access-request-row' })} size="medium" />;
}
