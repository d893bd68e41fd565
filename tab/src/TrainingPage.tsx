import { Body1, Button, Input, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { download, getJson, sendJson, type Credentials } from './api';
import { ClaimsToConfirm } from './ClaimsToConfirm';
import { TrainingChart } from './TrainingChart';
import type { ComplianceRow, DueStatus, TrainingOverview, TrainingRecord } from './training-api';
import { DataTable, type Column } from './ui/DataTable';
import { GrowingBadge } from './ui/GrowingBadge';
import { lazyComponent } from './ui/lazy';
import { OpenOnClick } from './ui/OpenOnClick';
import { useFirstAnswer } from './ui/first-answer';

// The forms are loaded when they are used: the lead opens the page to see who is due.
const AttendanceForm = lazyComponent(() => import('./AttendanceForm'), 'AttendanceForm');
const LogOwnTrainingForm = lazyComponent(() => import('./OwnTrainingForms'), 'LogOwnTrainingForm');
const RefresherForm = lazyComponent(() => import('./OwnTrainingForms'), 'RefresherForm');

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '20px' },
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  bar: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  heading: { margin: 0 },
});

const STATUS: Record<DueStatus, { label: string; color: 'success' | 'warning' | 'danger' }> = {
  upToDate: { label: 'Up to date', color: 'success' },
  dueSoon: { label: 'Due soon', color: 'warning' },
  overdue: { label: 'Overdue', color: 'danger' },
};

/** Online safety training (s.11) and policy reviews (s.12): compliance at a glance, who is overdue, a person's history. */
export function TrainingPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<TrainingOverview>('/api/training', credentials);
  const [overview, setOverview] = useState(first);
  const [history, setHistory] = useState<{ name: string; records: TrainingRecord[] }>();
  const [loadError, setLoadError] = useState<string>();
  const [error, setError] = useState<string>();
  const [reviewedOn, setReviewedOn] = useState(first?.today ?? '');
  const [notice, setNotice] = useState<string>();
  const historyHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    getJson<TrainingOverview>('/api/training', credentials).then(
      (found) => {
        setOverview(found);
        setReviewedOn((current) => current || found.today);
      },
      (failure: Error) => setLoadError(failure.message),
    );
  }, [credentials]);
  useEffect(() => {
    if (!alreadyRead()) load();
  }, [load]);
  // The history opens at the end of the page: the focus goes there with it.
  useEffect(() => historyHeading.current?.focus(), [history]);

  const openHistory = (row: ComplianceRow) =>
    getJson<{ records: TrainingRecord[] }>(`/api/training/history/${encodeURIComponent(row.subjectId)}`, credentials).then(
      ({ records }) => setHistory({ name: row.subjectName, records }),
      (failure: Error) => setError(failure.message),
    );
  const recordReview = async (policyId: string, reviewId: string) => {
    setError(undefined);
    const result = await sendJson<{ error?: string; nextReviewDue?: string; staffTold?: boolean }>(
      'POST',
      `/api/policies/${policyId}/review`,
      credentials,
      {
        reviewId,
        reviewedOn,
      },
    );
    if (!result.ok) return setError(result.body.error ?? 'Nothing was saved.');
    setNotice(
      result.body.staffTold
        ? `Review recorded. Next review: ${result.body.nextReviewDue}. All staff are being told the policy was reviewed.`
        : `Review recorded. Next review: ${result.body.nextReviewDue}. The version in force is confirmed; if the policy changed, publish the new version in the policy library and staff will be asked to read it.`,
    );
    load();
  };

  if (loadError)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{loadError}</MessageBarBody>
      </MessageBar>
    );
  if (!overview) return <Spinner label="Loading training…" />;
  const overdue = overview.rows.filter((row) => row.status === 'overdue');
  const dueSoon = overview.rows.filter((row) => row.status === 'dueSoon');
  const columns: Column<ComplianceRow>[] = [
    {
      header: 'Who',
      cell: (row) => (
        <Link as="button" onClick={() => void openHistory(row)}>
          {row.subjectName}
        </Link>
      ),
    },
    { header: 'Group', cell: (row) => row.group },
    { header: 'Training', cell: (row) => `${row.requirementTitle} (${row.policy})` },
    { header: 'Due', width: '7em', cell: (row) => row.due ?? '—' },
    { header: 'Status', cell: (row) => <GrowingBadge color={STATUS[row.status].color}>{STATUS[row.status].label}</GrowingBadge> },
  ];
  const list = (rows: ComplianceRow[], label: string, testId: string) => (
    <div data-testid={testId}>
      <DataTable label={label} columns={columns} rows={rows} rowKey={(row) => `${row.requirementId}-${row.subjectId}`} />
    </div>
  );
  const heading = (text: string, ref?: Ref<HTMLHeadingElement>) => (
    <Subtitle2 as="h2" block className={styles.heading} {...(ref ? { ref, tabIndex: -1 } : {})}>
      {text}
    </Subtitle2>
  );

  return (
    <div className={styles.page}>
      {error && (
        <MessageBar key={error} intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar key={notice} intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {overview.everyone && (
        <section aria-label="Compliance at a glance" className={styles.section}>
          <div className={styles.bar}>
            {heading('Compliance at a glance')}
            <Button
              onClick={() =>
                void download('/api/training.csv', credentials, `online-safety-training-${overview.today}.csv`).catch((failure: Error) =>
                  setError(failure.message),
                )
              }
            >
              Export CSV
            </Button>
          </div>
          <TrainingChart groups={overview.groups} />
        </section>
      )}
      <section aria-label="Overdue" className={styles.section}>
        {heading(`Overdue (${overdue.length})`)}
        {overdue.length ? (
          list(overdue, 'Overdue', 'overdue-list')
        ) : (
          <Body1 as="p" className={styles.heading}>
            Nobody is overdue.
          </Body1>
        )}
      </section>
      <section aria-label="Due in the next 30 days" className={styles.section}>
        {heading(`Due in the next 30 days (${dueSoon.length})`)}
        {dueSoon.length ? (
          list(dueSoon, 'Due soon', 'due-soon-list')
        ) : (
          <Body1 as="p" className={styles.heading}>
            Nothing is due soon.
          </Body1>
        )}
      </section>
      {!overview.everyone && list(overview.rows, 'Your training', 'my-training')}
      {overview.can.logOwn && !overview.can.record && (
        <section aria-label="Log your training" className={styles.section}>
          {heading('Done your training?')}
          <Suspense fallback={<Spinner size="tiny" label="Loading the form…" />}>
            <LogOwnTrainingForm credentials={credentials} today={overview.today} onSaved={load} />
          </Suspense>
        </section>
      )}
      {overview.can.requireRefresher && (
        <section aria-label="Refreshers" className={styles.section}>
          {heading('Require a refresher (after a significant incident or change)')}
          <OpenOnClick label="Require a refresher…">
            <RefresherForm
              credentials={credentials}
              today={overview.today}
              classes={[...new Set(overview.rows.filter((row) => row.audience === 'pupils').map((row) => row.subjectId))]}
              onSaved={load}
            />
          </OpenOnClick>
        </section>
      )}
      {history && (
        <section aria-label="History" data-testid="training-history" className={styles.section}>
          {heading(`History: ${history.name}`, historyHeading)}
          {history.records.length === 0 ? (
            <Body1 as="p">No training recorded yet.</Body1>
          ) : (
            <ul>
              {history.records.map((r) => (
                <li key={r.id}>
                  {r.completedOn} — {r.requirementId} —{' '}
                  {r.status === 'confirmed' ? 'confirmed' : r.status === 'rejected' ? 'not confirmed' : 'waiting for confirmation'} —{' '}
                  {r.evidence || 'no evidence given'} (recorded by {r.recordedByName})
                  {r.attendees?.length ? ` — attended: ${r.attendees.join(', ')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {overview.can.confirm && <ClaimsToConfirm claims={overview.awaitingConfirmation} credentials={credentials} onDecided={load} />}
      {overview.can.record && (
        <section aria-label="Record a session" className={styles.section}>
          {heading('Record a session')}
          <OpenOnClick label="Record a session…">
            <AttendanceForm overview={overview} credentials={credentials} onSaved={load} />
          </OpenOnClick>
        </section>
      )}
      {overview.policies.length > 0 && (
        <section aria-label="Policy reviews" className={styles.section}>
          {heading('Policy reviews (sections 2 and 12)')}
          {overview.can.recordReview && (
            <Input
              type="date"
              aria-label="Date the review was completed"
              value={reviewedOn}
              max={overview.today}
              onChange={(_, data) => setReviewedOn(data.value)}
            />
          )}
          {overview.policies.flatMap((policy) =>
            policy.reviews.map((review) => (
              <div key={`${policy.id}-${review.id}`} className={styles.bar} data-testid="policy-review">
                <Body1>
                  {policy.title} — {review.name}: approved {policy.approvedOn ?? '—'}, next review {review.nextReviewDue}
                </Body1>
                {overview.can.recordReview && (
                  <Button
                    aria-label={`Record completed review: ${policy.title}, ${review.name}`}
                    onClick={() => void recordReview(policy.id, review.id)}
                  >
                    Record completed review
                  </Button>
                )}
              </div>
            )),
          )}
        </section>
      )}
    </div>
  );
}
