import type { IncidentStatus } from './incident';

/** new → in progress → action taken → closed; a closed incident can be reopened (back to in progress). */
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['inProgress', 'actionTaken', 'closed'],
  inProgress: ['actionTaken', 'closed'],
  actionTaken: ['inProgress', 'closed'],
  closed: ['inProgress'],
};

export function allowedStatusChanges(from: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[from];
}

export function canChangeStatus(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT[from].includes(to);
}

/** What the chronology says about a status change. */
export function describeStatusChange(from: IncidentStatus, to: IncidentStatus): string {
  if (from === 'closed') return 'Reopened';
  return { new: 'Marked new', inProgress: 'Marked in progress', actionTaken: 'Marked action taken', closed: 'Closed' }[to];
}
