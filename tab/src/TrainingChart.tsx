import { tokens } from '@fluentui/react-components';
import type { TrainingOverview } from './training-api';

const BAR = 22;
const LABEL = 150;
const WIDTH = 520;

/** Compliance per audience and group as stacked bars (plain SVG): up to date, due soon, overdue. */
export function TrainingChart({ groups }: { groups: TrainingOverview['groups'] }) {
  const parts = [
    { key: 'upToDate', label: 'Up to date', colour: tokens.colorPaletteGreenBackground3 },
    { key: 'dueSoon', label: 'Due soon', colour: tokens.colorPaletteMarigoldBackground3 },
    { key: 'overdue', label: 'Overdue', colour: tokens.colorPaletteRedBackground3 },
  ] as const;
  const height = groups.length * (BAR + 8) + 28;
  return (
    <svg role="img" aria-label="Training compliance by group" width={WIDTH + LABEL} height={height} data-testid="training-chart">
      {groups.map((group, i) => {
        const total = group.upToDate + group.dueSoon + group.overdue || 1;
        let x = LABEL;
        return (
          <g key={`${group.audience}-${group.group}`} transform={`translate(0, ${i * (BAR + 8)})`}>
            <text x={0} y={BAR - 6} fontSize="13" fill={tokens.colorNeutralForeground1}>{`${group.audience}: ${group.group}`}</text>
            {parts.map((part) => {
              const width = (group[part.key] / total) * (WIDTH - 40);
              const rect = width > 0 ? <rect key={part.key} x={x} y={0} width={width} height={BAR} fill={part.colour}><title>{`${part.label}: ${group[part.key]}`}</title></rect> : null;
              x += width;
              return rect;
            })}
            <text x={x + 6} y={BAR - 6} fontSize="12" fill={tokens.colorNeutralForeground2}>{`${group.upToDate}/${group.upToDate + group.dueSoon + group.overdue}`}</text>
          </g>
        );
      })}
      {parts.map((part, i) => (
        <g key={part.key} transform={`translate(${LABEL + i * 110}, ${height - 18})`}>
          <rect width={12} height={12} fill={part.colour} />
          <text x={16} y={11} fontSize="12" fill={tokens.colorNeutralForeground2}>{part.label}</text>
        </g>
      ))}
    </svg>
  );
}
