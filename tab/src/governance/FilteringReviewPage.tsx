import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FilteringReviewPackView } from '../../../bot/src/contracts/governance';
import { download, getJson, type Credentials } from '../api';
import { DataTable } from '../ui/DataTable';
import { ReviewRecordForm } from './ReviewRecordForm';
import { longDate } from '../ui/dates';
import { GovernanceSection as Part, shown, trainingColumns, unblockedColumns } from './governance-parts';
import { useFirstAnswer } from '../ui/first-answer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '24px' },
  controls: { display: 'flex', gap: '16px', alignItems: 'end', flexWrap: 'wrap' },
  heading: { display: 'flex', flexDirection: 'column', gap: '8px', '& h2, & p': { margin: 0 } },
  signature: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '24px',
    '& p': { margin: 0, minHeight: '3em', borderBottom: '1px solid currentColor' },
  },
  entry: { display: 'flex', flexDirection: 'column', gap: '8px', '& p': { margin: 0 } },
  outcome: { whiteSpace: 'pre-wrap' },
});

/**
 * The annual filtering and monitoring review pack (DfE filtering and monitoring standards) for a
 * school year, to read in the tab or print (or save as PDF from the print dialogue): every access
 * decision with its reasons and scope, the sites open now, the incidents filtering should have
 * stopped, training, the policies in force, and space for the reviewers' outcome and signatures.
 */
export function FilteringReviewPage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [year, setYear] = useState<string>();
  const [first, alreadyRead] = useFirstAnswer<FilteringReviewPackView>('/api/filtering-review', credentials);
  const [pack, setPack] = useState(first);
  const [error, setError] = useState<string>();
  const [recorded, setRecorded] = useState<string>();
  const [downloadProblem, setDownloadProblem] = useState<string>();
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (alreadyRead()) return;
    setError(undefined);
    getJson<FilteringReviewPackView>(`/api/filtering-review${year ? `?year=${encodeURIComponent(year)}` : ''}`, credentials).then(
      setPack,
      (failure: Error) => setError(failure.message),
    );
  }, [credentials, year, reload]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!pack) return <Spinner label="Preparing the review pack…" />;
  const downloadFailed = downloadProblem && (
    <MessageBar intent="error" className="no-print">
      <MessageBarBody>{downloadProblem}</MessageBarBody>
    </MessageBar>
  );
  return (
    <section className={styles.page} aria-labelledby="filtering-review-heading" data-testid="filtering-review">
      <div className={`${styles.controls} no-print`}>
        <Field label="School year">
          <Select value={pack.year} onChange={(_, data) => setYear(data.value)}>
            {pack.years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
        <Button
          onClick={() =>
            download(
              `/api/filtering-review/pdf?year=${encodeURIComponent(pack.year)}`,
              credentials,
              `filtering-review-${pack.year}.pdf`,
            ).then(
              () => setDownloadProblem(undefined),
              (failure: Error) => setDownloadProblem(failure.message),
            )
          }
        >
          Download PDF
        </Button>
      </div>
      {downloadFailed}
      <div className={styles.heading}>
        <Title3 as="h2" id="filtering-review-heading">
          Filtering and monitoring review {pack.year}
        </Title3>
        <Body1 as="p">
          {pack.schoolName}: {longDate(pack.from)} to {longDate(pack.to)}. Reviewed by{' '}
          {pack.reviewers.lead || 'the senior leader (not named in School settings yet)'} and{' '}
          {pack.reviewers.governor || 'the governor (not named in School settings yet)'}, as the DfE filtering and monitoring standards ask,
          at least once a year.
        </Body1>
      </div>

      <Part title="What was blocked or allowed, and why" id="review-decisions">
        {pack.decisions.length === 0 ? (
          <Body1>No request to open a blocked site was decided in {pack.year}.</Body1>
        ) : (
          <DataTable
            label={`Decisions on blocked sites, ${pack.year}`}
            rows={pack.decisions}
            rowKey={(decision) => decision.reference}
            rowProps={() => ({ 'data-testid': 'review-decision' })}
            columns={[
              { header: 'Site', cell: (decision) => `${decision.reference}: ${decision.url}`, breakAnywhere: true },
              { header: 'Why it was asked for', cell: (decision) => `${decision.reasons} (${decision.siteContent})` },
              { header: 'Risks and controls', cell: (decision) => decision.risksAndControls },
              {
                header: 'Decision',
                cell: (decision) =>
                  `${decision.approved ? 'Opened' : 'Kept blocked'} by ${decision.decidedBy} on ${longDate(decision.decidedOn)}${decision.decisionReasons ? `: ${decision.decisionReasons}` : ''}`,
              },
              { header: 'For', cell: (decision) => decision.scope ?? 'No period or scope recorded' },
            ]}
          />
        )}
      </Part>

      <Part title="Sites open now" id="review-open">
        {pack.openUnblocks.length === 0 ? (
          <Body1>No blocked site is open.</Body1>
        ) : (
          <DataTable label="Sites open now" rows={pack.openUnblocks} rowKey={(site) => site.reference} columns={unblockedColumns} />
        )}
      </Part>

      <Part title="Incidents filtering and monitoring should have stopped" id="review-incidents">
        {pack.smallCountsHidden && (
          <Caption1>Counts of 1 or 2 are shown as "fewer than 3": in a small school a small number can point to a child.</Caption1>
        )}
        <DataTable
          label={`Incidents, ${pack.year}`}
          rows={pack.incidents}
          rowKey={(row) => row.category}
          rowProps={() => ({ 'data-testid': 'review-incidents' })}
          columns={[
            { header: 'Category', cell: (row) => row.label },
            { header: 'Incidents', cell: (row) => shown(row.count) },
            ...(pack.incidents.some((row) => row.references.length > 0)
              ? [{ header: 'References', cell: (row: FilteringReviewPackView['incidents'][number]) => row.references.join(', ') || '—' }]
              : []),
          ]}
        />
      </Part>

      <Part title="Training" id="review-training">
        <DataTable
          label="Training compliance"
          rows={pack.training}
          rowKey={(group) => `${group.audience}|${group.group}`}
          columns={trainingColumns}
        />
      </Part>

      <Part title="Policies in force" id="review-policies">
        <DataTable
          label="Policies in force"
          rows={pack.policies}
          rowKey={(policy) => policy.title}
          columns={[
            { header: 'Policy', cell: (policy) => policy.title },
            { header: 'Approved', cell: (policy) => (policy.approvedOn ? longDate(policy.approvedOn) : 'No date recorded') },
            { header: 'Next review', cell: (policy) => (policy.nextReviewDue ? longDate(policy.nextReviewDue) : 'Listed for reference') },
          ]}
        />
      </Part>

      <Part title="Outcome of the review" id="review-outcome">
        {recorded && (
          <MessageBar intent="success" className="no-print">
            <MessageBarBody>{recorded}</MessageBarBody>
          </MessageBar>
        )}
        {pack.recorded.entries.length === 0 ? (
          <Body1>
            {pack.can.record
              ? 'Not recorded yet. Record it below once the senior leader and the governor have reviewed it; until then, write it on the printed pack:'
              : 'Not recorded in the app yet: what the reviewers found, and the actions agreed (who, by when):'}
          </Body1>
        ) : (
          pack.recorded.entries.map((entry, index) => (
            <div key={index} className={styles.entry} data-testid="recorded-review">
              <Body1 as="p">
                <strong>
                  Reviewed on {longDate(entry.reviewedOn)} by {entry.seniorLeader} (senior leader) and {entry.governor} (governor)
                </strong>
                , recorded by {entry.recordedBy} on {longDate(entry.recordedOn)}.
              </Body1>
              <Body1 as="p" className={styles.outcome}>
                {entry.outcome}
              </Body1>
              {entry.actions.length === 0 ? (
                <Caption1>No actions were agreed.</Caption1>
              ) : (
                <DataTable
                  label={`Actions agreed on ${longDate(entry.reviewedOn)}`}
                  rows={entry.actions}
                  rowKey={(action) => action.reference ?? action.description}
                  rowProps={() => ({ 'data-testid': 'review-action' })}
                  columns={[
                    { header: 'Action', cell: (action) => `${action.reference ? `${action.reference}: ` : ''}${action.description}` },
                    { header: 'Who', cell: (action) => action.assignee },
                    { header: 'Due by', cell: (action) => longDate(action.due) },
                    {
                      header: 'Status',
                      cell: (action) =>
                        action.done
                          ? `Done on ${longDate(action.done.on)} (${action.done.by}): ${action.done.note}`
                          : action.status === 'overdue'
                            ? 'Overdue'
                            : 'Open',
                    },
                  ]}
                />
              )}
            </div>
          ))
        )}
        {pack.can.record && pack.choices && (
          <ReviewRecordForm
            key={pack.year}
            pack={pack}
            credentials={credentials}
            today={pack.today}
            onRecorded={(message) => {
              setRecorded(message || undefined);
              setReload((count) => count + 1);
            }}
          />
        )}
        <div className={styles.signature}>
          <p>Senior leader: {pack.reviewers.lead}</p>
          <p>Governor: {pack.reviewers.governor}</p>
          <p>Signed and dated</p>
          <p>Signed and dated</p>
        </div>
      </Part>
      <Subtitle2 as="p" className="print-only">
        Printed from Online Safety Desk.
      </Subtitle2>
    </section>
  );
}
