import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  caption: { fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  // The label has a line of its own, so it is never cut short; the bar and its number share the next.
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 3em', columnGap: '8px', alignItems: 'center' },
  label: { gridColumn: '1 / -1', overflowWrap: 'anywhere' },
  bar: { display: 'block', width: '100%', height: '14px' },
  count: { fontVariantNumeric: 'tabular-nums' },
});

export type Bar = { label: string; count: number };

/**
 * Counts as horizontal bars. The labels and numbers are text (readable at any zoom, read by screen
 * readers as a list); the bars are drawn in an SVG whose viewBox stretches to the width available.
 */
export function BarChart({ caption, bars, testId }: { caption: string; bars: Bar[]; testId?: string }) {
  const styles = useStyles();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <figure className={styles.figure} data-testid={testId}>
      <figcaption className={styles.caption}>{caption}</figcaption>
      <ul className={styles.list}>
        {bars.map((bar) => (
          <li key={bar.label} className={styles.item}>
            <span className={styles.label}>{bar.label}</span>
            <svg className={styles.bar} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect width="100" height="10" fill={tokens.colorNeutralBackground3} />
              <rect width={(bar.count / max) * 100} height="10" fill={tokens.colorBrandBackground} />
            </svg>
            <span className={styles.count}>{bar.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
