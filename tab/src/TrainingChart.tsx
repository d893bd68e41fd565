import { makeStyles, tokens } from '@fluentui/react-components';
import type { TrainingOverview } from './training-api';

const PARTS = [
  { key: 'upToDate', label: 'up to date', colour: tokens.colorPaletteGreenBackground3 },
  { key: 'dueSoon', label: 'due soon', colour: tokens.colorPaletteMarigoldBackground3 },
  { key: 'overdue', label: 'overdue', colour: tokens.colorPaletteRedBackground3 },
] as const;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '10px', maxWidth: '720px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  item: { display: 'flex', flexDirection: 'column', gap: '2px' },
  name: { fontWeight: tokens.fontWeightSemibold },
  bar: { display: 'block', width: '100%', height: '16px' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 16px',
    margin: 0,
    padding: 0,
    listStyle: 'none',
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    marginInlineEnd: '6px',
    verticalAlign: 'middle',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

type Group = TrainingOverview['groups'][number];

/** "3 of 9 up to date, 4 due soon, 2 overdue": the numbers in words, so no one depends on the colours. */
export function groupText(group: Group): string {
  const total = group.upToDate + group.dueSoon + group.overdue;
  return `${group.upToDate} of ${total} up to date, ${group.dueSoon} due soon, ${group.overdue} overdue`;
}

/**
 * Compliance per audience and group: each group's name, its numbers written out, and a stacked bar
 * (an SVG whose viewBox stretches to the width available, hidden from screen readers: the words say it all).
 */
export function TrainingChart({ groups }: { groups: TrainingOverview['groups'] }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure} data-testid="training-chart">
      <figcaption>Training compliance by group</figcaption>
      <ul className={styles.legend} aria-hidden="true">
        {PARTS.map((part) => (
          <li key={part.key}>
            <span className={styles.swatch} style={{ backgroundColor: part.colour }} />
            {part.label}
          </li>
        ))}
      </ul>
      <ul className={styles.list}>
        {groups.map((group) => (
          <li key={`${group.audience}-${group.group}`} className={styles.item}>
            <span className={styles.name}>{`${group.audience}: ${group.group}`}</span>
            <StackedBar group={group} />
            <span>{groupText(group)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function StackedBar({ group }: { group: Group }) {
  const styles = useStyles();
  const total = group.upToDate + group.dueSoon + group.overdue || 1;
  let x = 0;
  return (
    <svg className={styles.bar} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {PARTS.map((part) => {
        const width = (group[part.key] / total) * 100;
        const rect =
          width > 0 ? (
            <rect
              key={part.key}
              x={x}
              width={width}
              height="10"
              fill={part.colour}
              stroke={tokens.colorNeutralBackground1}
              strokeWidth="2"
              vectorEffect="non-scaling-stroke"
            />
          ) : null;
        x += width;
        return rect;
      })}
    </svg>
  );
}
