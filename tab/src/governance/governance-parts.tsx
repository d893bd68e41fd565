import { Subtitle2, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ShownCount, TrainingGroup, UnblockedSite } from '../../../bot/src/contracts/governance';
import type { Column } from '../ui/DataTable';
import { longDate } from '../ui/dates';

const useStyles = makeStyles({ part: { display: 'flex', flexDirection: 'column', gap: '8px', '& h3': { margin: 0 } } });

/** A count as governors are shown it: `null` is a count of 1 or 2. */
export const shown = (count: ShownCount) => (count === null ? 'fewer than 3' : String(count));

/** One part of the Governance page or the review pack, under its own heading. */
export function GovernanceSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.part} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export const trainingColumns: Column<TrainingGroup>[] = [
  { header: 'Who', cell: (group) => `${group.audience}: ${group.group}` },
  { header: 'Up to date', cell: (group) => `${group.upToDate} (${group.percentUpToDate}%)` },
  { header: 'Due soon', cell: (group) => group.dueSoon },
  { header: 'Overdue', cell: (group) => group.overdue },
];

export const unblockedColumns: Column<UnblockedSite>[] = [
  { header: 'Site', cell: (site) => site.url, breakAnywhere: true },
  { header: 'Why it was asked for', cell: (site) => `${site.reasons} (${site.siteContent})` },
  { header: 'Risks and controls', cell: (site) => site.risksAndControls },
  {
    header: 'Decision',
    cell: (site) =>
      `Approved by ${site.approvedBy} on ${longDate(site.approvedOn)}${site.decisionReasons ? `: ${site.decisionReasons}` : ''}`,
  },
  { header: 'For', cell: (site) => site.scope ?? 'No period or scope recorded' },
  { header: 'Opened', cell: (site) => (site.openedOn ? longDate(site.openedOn) : 'Waiting for the ICT technician') },
];
