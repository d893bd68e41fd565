import { Badge, Body1, Button, Input, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { getJson, sendJson, type Credentials } from './api';
import { AttendanceForm } from './AttendanceForm';
import { LogOwnTrainingForm, RefresherForm } from './OwnTrainingForms';
import { TrainingChart } from './TrainingChart';
import { downloadCsv, type ComplianceRow, type DueStatus, type TrainingOverview, type TrainingRecord } from './training-api';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '20px' },
  bar: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
});

const STATUS: Record<DueStatus, { label: string; color: 'success' | 'warning' | 'danger' }> = {
  upToDate: { label: 'Up to date', color: 'success' },
  dueSoon: { label: 'Due soon', color: 'warning' },
  overdue: { label: 'Overdue', color: 'danger' },
};

/** Online safety training (s.11) and policy reviews (s.12): compliance at a glance, who is overdue, a person's history. */
export function TrainingPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [overview, setOverview] = useState<TrainingOverview>();
  const [history, setHistory] = useState<{ name: string; records: TrainingRecord[] }>();
  const [error, setError] = useState<string>();
  const [reviewedOn, setReviewedOn] = useState('');
  const [notice, setNotice] = useState<string>();

  const load = useCallback(() => {
    getJson<TrainingOverview>('/api/training', credentials).then((found) => {
      setOverview(found);
      setReviewedOn((current) => current || found.today);
    }, (failure: Error) => setError(failure.message));
  }, [credentials]);
  useEffect(load, [load]);

  const openHistory = (row: ComplianceRow) =>
    getJson<{ records: TrainingRecord[] }>(`/api/training/history/${encodeURIComponent(row.subjectId)}`, credentials).then(({ records }) => setHistory({ name: row.subjectName, records }), (failure: Error) => setError(failure.message));
  const decide = async (record: TrainingRecord, decision: 'confirm' | 'reject') => {
    const result = await sendJson<{ error?: string }>('POST', `/api/training/records/${record.id}/decision`, credentials, { decision });
    if (!result.ok) setError(result.body.error ?? 'Nothing was saved.');
    load();
  };
  const recordReview = async (policyId: string) => {
    const result = await sendJson<{ error?: string; policy?: { nextReviewDue: string } }>('POST', `/api/policies/${policyId}/review`, credentials, { reviewedOn });
    if (!result.ok) return setError(result.body.error ?? 'Nothing was saved.');
    setNotice(`Review recorded. Next review: ${result.body.policy!.nextReviewDue}. All staff are being told the policy changed.`);
    load();
  };

  if (error) return <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!overview) return <Spinner label="Loading training…" />;
  const overdue = overview.rows.filter((row) => row.status === 'overdue');
  const dueSoon = overview.rows.filter((row) => row.status === 'dueSoon');

  const list = (rows: ComplianceRow[], label: string, testId: string) => (
    <Table aria-label={label} data-testid={testId} size="small">
      <TableHeader><TableRow><TableHeaderCell>Who</TableHeaderCell><TableHeaderCell>Group</TableHeaderCell><TableHeaderCell>Training</TableHeaderCell><TableHeaderCell>Due</TableHeaderCell><TableHeaderCell>Status</TableHeaderCell></TableRow></TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.requirementId}-${row.subjectId}`}>
            <TableCell><Link as="button" onClick={() => void openHistory(row)}>{row.subjectName}</Link></TableCell>
            <TableCell>{row.group}</TableCell>
            <TableCell>{row.requirementTitle} <Body1 as="span">({row.policy})</Body1></TableCell>
            <TableCell>{row.due ?? '—'}</TableCell>
            <TableCell><Badge appearance="tint" color={STATUS[row.status].color}>{STATUS[row.status].label}</Badge></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

  return (
    <div className={styles.page}>
      {notice && <MessageBar intent="success"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {overview.everyone && (
        <section aria-label="Compliance at a glance">
          <div className={styles.bar}>
            <Subtitle2 as="h2">Compliance at a glance</Subtitle2>
            <Button onClick={() => void downloadCsv('/api/training.csv', credentials, `online-safety-training-${overview.today}.csv`).catch((failure: Error) => setError(failure.message))}>Export CSV</Button>
          </div>
          <TrainingChart groups={overview.groups} />
        </section>
      )}
      <section aria-label="Overdue">
        <Subtitle2 as="h2">Overdue ({overdue.length})</Subtitle2>
        {overdue.length ? list(overdue, 'Overdue', 'overdue-list') : <Body1 as="p">Nobody is overdue.</Body1>}
      </section>
      <section aria-label="Due in the next 30 days">
        <Subtitle2 as="h2">Due in the next 30 days ({dueSoon.length})</Subtitle2>
        {dueSoon.length ? list(dueSoon, 'Due soon', 'due-soon-list') : <Body1 as="p">Nothing is due soon.</Body1>}
      </section>
      {!overview.everyone && list(overview.rows, 'Your training', 'my-training')}
      {overview.can.logOwn && !overview.can.record && (
        <section aria-label="Log your training">
          <Subtitle2 as="h2">Done your training?</Subtitle2>
          <LogOwnTrainingForm credentials={credentials} today={overview.today} onSaved={load} />
        </section>
      )}
      {overview.can.requireRefresher && (
        <section aria-label="Refreshers">
          <Subtitle2 as="h2">Require a refresher (after a significant incident or change)</Subtitle2>
          <RefresherForm credentials={credentials} today={overview.today} classes={[...new Set(overview.rows.filter((row) => row.audience === 'pupils').map((row) => row.subjectId))]} onSaved={load} />
        </section>
      )}
      {history && (
        <section aria-label="History" data-testid="training-history">
          <Subtitle2 as="h2">History: {history.name}</Subtitle2>
          {history.records.length === 0 ? <Body1 as="p">No training recorded yet.</Body1> : (
            <ul>{history.records.map((r) => <li key={r.id}>{r.completedOn} — {r.requirementId} — {r.status === 'confirmed' ? 'confirmed' : r.status === 'rejected' ? 'not confirmed' : 'waiting for confirmation'} — {r.evidence || 'no evidence given'} (recorded by {r.recordedByName}){r.attendees?.length ? ` — attended: ${r.attendees.join(', ')}` : ''}</li>)}</ul>
          )}
        </section>
      )}
      {overview.can.confirm && overview.awaitingConfirmation.length > 0 && (
        <section aria-label="Waiting for your confirmation">
          <Subtitle2 as="h2">Logged by staff, waiting for you to confirm</Subtitle2>
          {overview.awaitingConfirmation.map((record) => (
            <div key={record.id} className={styles.bar}>
              <Body1>{record.subjectName}: {record.completedOn} — {record.evidence || 'no evidence given'}</Body1>
              <Button appearance="primary" onClick={() => void decide(record, 'confirm')}>Confirm</Button>
              <Button onClick={() => void decide(record, 'reject')}>Not confirmed</Button>
            </div>
          ))}
        </section>
      )}
      {overview.can.record && (
        <section aria-label="Record a session">
          <Subtitle2 as="h2">Record a session</Subtitle2>
          <AttendanceForm overview={overview} credentials={credentials} onSaved={load} />
        </section>
      )}
      {overview.policies.length > 0 && (
        <section aria-label="Policy reviews">
          <Subtitle2 as="h2">Policy reviews (sections 2 and 12)</Subtitle2>
          {overview.policies.map((policy) => (
            <div key={policy.id} className={styles.bar} data-testid="policy-review">
              <Body1>{policy.title}: approved {policy.approvedOn ?? '—'}, next review {policy.nextReviewDue ?? '—'}</Body1>
              {overview.can.recordReview && (
                <>
                  <Input type="date" aria-label={`Review date for ${policy.title}`} value={reviewedOn} max={overview.today} onChange={(_, data) => setReviewedOn(data.value)} />
                  <Button onClick={() => void recordReview(policy.id)}>Record completed review</Button>
                </>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
