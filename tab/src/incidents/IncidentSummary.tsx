import { Body1, Card, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Credentials } from '../api';
import { BarChart } from '../ui/BarChart';
import { ApiError, api, type Summary } from './incidents-api';
import { monthAndYear } from '../ui/dates';

const useStyles = makeStyles({
  // Two cards side by side where they fit, one under the other on a phone.
  page: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(360px, 100%), 1fr))', gap: '16px' },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * Counts by category, by month, by pupils' year group and by pupils' part, for the headteacher's and governors' reports: no names, no
 * details.
 */
export function IncidentSummary({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    // Someone who only sees the incidents assigned to them is told here, without losing the log.
    api
      .summary(credentials)
      .then(setSummary, (failure: Error) =>
        setError(
          failure instanceof ApiError && failure.status === 403
            ? 'The summary is for the DSL, deputy DSLs, the headteacher and the chair of governors.'
            : failure.message,
        ),
      );
  }, [credentials]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!summary) return <Spinner label="Counting…" />;
  if (summary.total === 0) return <Body1 className={styles.empty}>No incidents in the last twelve months.</Body1>;
  const categories = Object.entries(summary.byCategory).map(([key, count]) => ({ label: summary.categoryLabels[key] ?? key, count }));
  const months = summary.byMonth.map(({ month, count }) => ({
    label: monthAndYear(`${month}-01`),
    count,
  }));
  const yearGroups = summary.byYearGroup.map(({ yearGroup, count }) => ({ label: yearGroup, count }));
  const parts = Object.entries(summary.byPupilRole).map(([role, count]) => ({
    label: capitalise(summary.roleLabels[role] ?? role),
    count,
  }));
  return (
    <section className={styles.page} aria-label="Summary" data-testid="incident-summary">
      <Card>
        <BarChart caption={`By category, last twelve months (${summary.total} in all)`} bars={categories} testId="summary-by-category" />
      </Card>
      <Card>
        <BarChart caption="By month" bars={months} testId="summary-by-month" />
      </Card>
      <Card>
        {yearGroups.length ? (
          <BarChart
            caption="Incidents involving pupils, by their year group at the time"
            bars={yearGroups}
            testId="summary-by-year-group"
          />
        ) : (
          <Body1 className={styles.empty}>No pupils are linked to these incidents.</Body1>
        )}
      </Card>
      <Card>
        <BarChart caption="Pupils' part in incidents (a pupil in two incidents counts twice)" bars={parts} testId="summary-by-part" />
      </Card>
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
