import { Body1, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson, type AccessRequestSummary, type Credentials } from './api';
import { DataTable, type Column } from './ui/DataTable';
import { useFirstAnswer } from './ui/first-answer';
import { GrowingBadge } from './ui/GrowingBadge';
import type { PostingSummary } from './posting/posting-api';
import { shortDate } from './ui/dates';

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

const columns = (onOpen: (id: string) => void): Column<AccessRequestSummary>[] => [
  {
    header: 'Request',
    width: '5em',
    cell: (request) => (
      <Link as="button" aria-label={`Open request ${request.reference}`} onClick={() => onOpen(request.id)}>
        {request.reference}
      </Link>
    ),
  },
  { header: 'Website', breakAnywhere: true, cell: (request) => request.url },
  { header: 'Requested by', cell: (request) => request.requesterName },
  {
    header: 'Date',
    width: '8em',
    cell: (request) => shortDate(request.submittedAt),
  },
  {
    header: 'Status',
    width: '12em',
    cell: (request) => <GrowingBadge color={STATE_COLOURS[request.state] ?? 'informative'}>{request.stateLabel}</GrowingBadge>,
  },
];

/**
 * Blocked-website requests (policy s.9) and requests to post (s.4–6): your own, or everyone's for the people who decide them; each opens on
 * its own page.
 */
export function RequestsPage({
  credentials,
  onOpenPosting,
  onOpenAccess,
}: {
  credentials: Credentials;
  onOpenPosting(id: string): void;
  onOpenAccess(id: string): void;
}) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<{ items: AccessRequestSummary[] }>('/api/access-requests', credentials);
  const [requests, setRequests] = useState(first?.items);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (alreadyRead()) return;
    setRequests(undefined);
    setError(undefined);
    getJson<{ items: AccessRequestSummary[] }>('/api/access-requests', credentials).then(
      (list) => setRequests(list.items),
      (failure: Error) => setError(failure.message),
    );
  }, [credentials]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!requests) return <Spinner label="Loading requests…" />;
  return (
    <>
      {requests.length === 0 ? (
        <Body1 className={styles.empty}>No requests yet. Ask the Online Safety Desk bot to "request access" to start one.</Body1>
      ) : (
        <DataTable
          label="Blocked website requests"
          columns={columns(onOpenAccess)}
          rows={requests}
          rowKey={(request) => request.id}
          rowProps={() => ({ 'data-testid': 'access-request-row' })}
          size="medium"
        />
      )}
      <PostingRequests credentials={credentials} onOpen={onOpenPosting} />
    </>
  );
}

/** Requests to post, each opening on its own page with its photos and videos. */
function PostingRequests({ credentials, onOpen }: { credentials: Credentials; onOpen(id: string): void }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<{ items: PostingSummary[] }>('/api/posting-requests', credentials);
  const [requests, setRequests] = useState(first?.items);
  useEffect(() => {
    if (alreadyRead()) return;
    getJson<{ items: PostingSummary[] }>('/api/posting-requests', credentials).then(
      (list) => setRequests(list.items),
      () => setRequests([]),
    );
  }, [credentials]);
  const columns: Column<PostingSummary>[] = [
    {
      header: 'Request',
      width: '6em',
      cell: (request) => (
        <Link as="button" aria-label={`Open request to post ${request.reference}`} onClick={() => onOpen(request.id)}>
          {request.reference}
        </Link>
      ),
    },
    { header: 'School account', breakAnywhere: true, cell: (request) => request.accountLabel },
    { header: 'Requested by', cell: (request) => request.requesterName },
    { header: 'Files', width: '5em', cell: (request) => String(request.files) },
    {
      header: 'Status',
      width: '12em',
      cell: (request) => (
        <GrowingBadge color={request.state === 'checksFailed' ? 'warning' : request.state === 'refused' ? 'danger' : 'brand'}>
          {request.stateLabel}
        </GrowingBadge>
      ),
    },
  ];
  if (!requests) return null;
  return (
    <>
      <Subtitle2 as="h2">Requests to post</Subtitle2>
      {requests.length === 0 ? (
        <Body1 className={styles.empty}>No requests to post yet. Ask the bot to "request to post" to start one.</Body1>
      ) : (
        <DataTable
          label="Requests to post"
          columns={columns}
          rows={requests}
          rowKey={(request) => request.id}
          rowProps={() => ({ 'data-testid': 'posting-request-row' })}
          size="medium"
        />
      )}
    </>
  );
}
