import { Badge, Body1, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { GovernanceView, ScheduledReview } from '../../../bot/src/contracts/governance';
import { getJson, type Credentials } from '../api';
import { DataTable } from '../ui/DataTable';
import { GovernanceSection as Part, shown, trainingColumns, unblockedColumns } from './governance-parts';
import { longDate, monthAndYear } from '../ui/dates';
import { useFirstAnswer } from '../ui/first-answer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '24px' },
  facts: { display: 'flex', gap: '24px', flexWrap: 'wrap', margin: 0 },
});

const monthName = (month: string) => monthAndYear(`${month}-01`);

/** Each standing in words as well as colour. */
const STANDING: Record<ScheduledReview['standing'], { label: string; color: 'danger' | 'warning' | 'success' }> = {
  overdue: { label: 'Overdue', color: 'danger' },
  dueSoon: { label: 'Due soon', color: 'warning' },
  scheduled: { label: 'Scheduled', color: 'success' },
};
const TRAINING_STATUS = { upToDate: 'Up to date', dueSoon: 'Due soon', overdue: 'Overdue' } as const;

/**
 * The governing board's view of the policy in practice (s.2, s.12): the review schedule, training,
 * incidents, unblocked sites, requests to post and takedowns, as counts and registers. Nothing on
 * it names a pupil or a member of staff, and no incident is shown, only counted.
 */
export function GovernancePage({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<GovernanceView>('/api/governance', credentials);
  const [view, setView] = useState(first);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (alreadyRead()) return;
    setError(undefined);
    getJson<GovernanceView>('/api/governance', credentials).then(setView, (failure: Error) => setError(failure.message));
  }, [credentials]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!view) return <Spinner label="Loading the governors' view…" />;
  const reviewKinds = [...new Set(view.reviews.map((review) => review.reviewName))];
  return (
    <section className={styles.page} aria-labelledby="governance-heading" data-testid="governance">
      <Subtitle2 as="h2" id="governance-heading">
        Governance
      </Subtitle2>
      <Body1>
        What the governing board oversees under the Social Media Policy, as it stands on {longDate(view.today)}. Nothing here names a pupil
        or a member of staff.
      </Body1>

      <Part title="Policy reviews" id="governance-reviews">
        {reviewKinds.length === 0 && <Body1>No policy in the register has a review set.</Body1>}
        {reviewKinds.map((kind) => (
          <DataTable
            key={kind}
            label={`Reviews: ${kind}`}
            rows={view.reviews.filter((review) => review.reviewName === kind)}
            rowKey={(review) => `${review.policyTitle}|${review.reviewName}`}
            rowProps={() => ({ 'data-testid': 'governance-review' })}
            columns={[
              { header: kind, cell: (review) => review.policyTitle },
              { header: 'Every', cell: (review) => `${review.cycleMonths} months` },
              { header: 'Next review', cell: (review) => longDate(review.nextReviewDue) },
              {
                header: 'Standing',
                cell: (review) => (
                  <Badge appearance="tint" color={STANDING[review.standing].color}>
                    {STANDING[review.standing].label}
                  </Badge>
                ),
              },
              {
                header: 'Last completed',
                cell: (review) =>
                  review.lastCompleted
                    ? `${longDate(review.lastCompleted.on)}, recorded by ${review.lastCompleted.byName}`
                    : 'Not recorded here yet',
              },
            ]}
          />
        ))}
      </Part>

      {view.ownTraining.length > 0 && (
        <Part title="Your own online safety training" id="governance-own-training">
          <DataTable
            label="Your own online safety training"
            rows={view.ownTraining}
            rowKey={(row) => row.requirementTitle}
            columns={[
              { header: 'Training', cell: (row) => row.requirementTitle },
              { header: 'Last done', cell: (row) => (row.lastCompletedOn ? longDate(row.lastCompletedOn) : 'Not yet') },
              { header: 'Due', cell: (row) => (row.due ? longDate(row.due) : '—') },
              { header: 'Standing', cell: (row) => TRAINING_STATUS[row.status] },
            ]}
          />
        </Part>
      )}

      <Part title="Training" id="governance-training">
        <DataTable
          label="Training compliance"
          rows={view.training}
          rowKey={(group) => `${group.audience}|${group.group}`}
          rowProps={() => ({ 'data-testid': 'governance-training' })}
          columns={trainingColumns}
        />
      </Part>

      <Part title={`Incidents in the last ${view.incidents.months} months`} id="governance-incidents">
        <Body1 data-testid="governance-incident-total">{shown(view.incidents.total)} in all.</Body1>
        {view.smallCountsHidden && (
          <Caption1>
            Counts of 1 or 2 are shown as "fewer than 3", with one more count where it could be worked out from the total: in a small school
            a small number can point to a child.
          </Caption1>
        )}
        <Caption1>
          {view.includesConcernsAboutHeadteacher
            ? 'Concerns about the headteacher are counted here: they are shown to the chair of governors only.'
            : 'Concerns about the headteacher are not counted here: they are shown to the chair of governors only.'}
        </Caption1>
        <DataTable
          label="Incidents by category"
          stack={false}
          rows={view.incidents.byCategory}
          rowKey={(row) => row.category}
          rowProps={() => ({ 'data-testid': 'governance-by-category' })}
          columns={[
            { header: 'Category', cell: (row) => row.label },
            { header: 'Incidents', cell: (row) => shown(row.count) },
          ]}
        />
        <DataTable
          label="Incidents by month"
          stack={false}
          rows={view.incidents.byMonth}
          rowKey={(row) => row.month}
          rowProps={() => ({ 'data-testid': 'governance-by-month' })}
          columns={[
            { header: 'Month', cell: (row) => monthName(row.month) },
            { header: 'Incidents', cell: (row) => shown(row.count) },
          ]}
        />
      </Part>

      <Part title="Sites unblocked" id="governance-unblocked">
        {view.unblockedSites.length === 0 ? (
          <Body1>No blocked site has been opened.</Body1>
        ) : (
          <DataTable
            label="Register of unblocked sites"
            rows={view.unblockedSites}
            rowKey={(site) => site.reference}
            rowProps={() => ({ 'data-testid': 'governance-unblocked-site' })}
            columns={unblockedColumns}
          />
        )}
      </Part>

      <Part title={`Requests to post and takedowns (last ${view.incidents.months} months)`} id="governance-posting">
        <dl className={styles.facts} data-testid="governance-posting">
          <Fact term="Requests to post approved" value={view.postingRequests.approved} />
          <Fact term="Requests to post refused" value={view.postingRequests.refused} />
          <Fact term="Waiting for the headteacher" value={view.postingRequests.waiting} />
          <Fact term="Takedowns open" value={view.takedowns.open} />
          <Fact term="Takedowns closed" value={view.takedowns.closed} />
        </dl>
      </Part>
    </section>
  );
}

function Fact({ term, value }: { term: string; value: number }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd style={{ margin: 0, fontWeight: 600 }}>{value}</dd>
    </div>
  );
}
