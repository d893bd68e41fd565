import { Body1, Card, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Credentials } from '../api';
import { ApiError, api, type Summary } from './incidents-api';

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: '16px' },
  svg: { width: '100%', height: 'auto', color: tokens.colorNeutralForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** Counts by category and by month for the headteacher's and governors' reports: no names, no details. */
export function IncidentSummary({ credentials }: { credentials: Credentials }) {
  const styles = useStyles();
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    // Someone who only sees the incidents assigned to them is told here, without losing the log.
    api.summary(credentials).then(setSummary, (failure: Error) => setError(failure instanceof ApiError && failure.status === 403 ? 'The summary is for the DSL, deputy DSLs, the headteacher and the chair of governors.' : failure.message));
  }, [credentials]);

  if (error) return <Body1 role="alert">{error}</Body1>;
  if (!summary) return <Spinner label="Counting…" />;
  if (summary.total === 0) return <Body1 className={styles.empty}>No incidents in the last twelve months.</Body1>;
  const categories = Object.entries(summary.byCategory).map(([key, count]) => ({ label: summary.categoryLabels[key] ?? key, count }));
  const months = summary.byMonth.map(({ month, count }) => ({ label: new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }), count }));
  return (
    <section className={styles.page} aria-label="Summary" data-testid="incident-summary">
      <Card>
        <Subtitle2 as="h2">By category, last twelve months ({summary.total})</Subtitle2>
        <HorizontalBars bars={categories} className={styles.svg} />
      </Card>
      <Card>
        <Subtitle2 as="h2">By month</Subtitle2>
        <VerticalBars bars={months} className={styles.svg} />
      </Card>
    </section>
  );
}

type Bar = { label: string; count: number };
const describe = (bars: Bar[]) => bars.map((bar) => `${bar.label}: ${bar.count}`).join('; ');

/** Plain SVG, drawn in the theme's colours (currentColor and Fluent tokens), so dark and high contrast work. */
function HorizontalBars({ bars, className }: { bars: Bar[]; className: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const row = 26;
  return (
    <svg className={className} viewBox={`0 0 560 ${bars.length * row}`} role="img" aria-label={describe(bars)}>
      {bars.map((bar, i) => (
        <g key={bar.label} transform={`translate(0 ${i * row})`}>
          <text x="0" y="17" fontSize="12" fill="currentColor">{bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label}</text>
          <rect x="280" y="5" height="16" width={(bar.count / max) * 240} fill={tokens.colorBrandBackground} />
          <text x={286 + (bar.count / max) * 240} y="17" fontSize="12" fill="currentColor">{bar.count}</text>
        </g>
      ))}
    </svg>
  );
}

function VerticalBars({ bars, className }: { bars: Bar[]; className: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const width = 560 / Math.max(1, bars.length);
  return (
    <svg className={className} viewBox="0 0 560 220" role="img" aria-label={describe(bars)}>
      {bars.map((bar, i) => {
        const height = (bar.count / max) * 160;
        return (
          <g key={bar.label} transform={`translate(${i * width} 0)`}>
            <rect x={width * 0.15} y={180 - height} width={width * 0.7} height={height} fill={tokens.colorBrandBackground} />
            <text x={width / 2} y={174 - height} fontSize="11" textAnchor="middle" fill="currentColor">{bar.count}</text>
            <text x={width / 2} y="198" fontSize="10" textAnchor="middle" fill="currentColor">{bar.label}</text>
          </g>
        );
      })}
    </svg>
  );
}
