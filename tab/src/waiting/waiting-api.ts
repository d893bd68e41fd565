/** The kinds of record that can wait for someone, as the server names them. */
export type WaitingRecordType = 'accessRequest' | 'postingRequest' | 'takedown' | 'trainingRecord';

/** One thing waiting for the person (GET /api/waiting). */
export interface WaitingItem {
  recordType: WaitingRecordType;
  recordId: string;
  reference: string;
  title: string;
  from?: string;
  since: string;
  steps: string[];
  version: number;
  facts?: Record<string, string>;
}

export interface Waiting {
  items: WaitingItem[];
  counts: Record<WaitingRecordType, number>;
}

/** Each kind as the page names it: one, several. */
export const TYPE_NAMES: Record<WaitingRecordType, [one: string, many: string]> = {
  accessRequest: ['Blocked website request', 'blocked website requests'],
  postingRequest: ['Request to post', 'requests to post'],
  takedown: ['Post to take down', 'posts to take down'],
  trainingRecord: ['Training to confirm', 'training records to confirm'],
};

/** An access request as its page shows it (GET /api/access-requests/:id). */
export interface AccessRequestDetail {
  id: string;
  reference: string;
  version: number;
  state: string;
  stateLabel: string;
  requesterName: string;
  submittedAt: string;
  url: string;
  siteContent: string;
  reasons: string;
  risksAndControls: string;
  leadReview: { outcome: 'forwarded' | 'returned'; note: string; addedRisksAndControls: string; signedBy: string; signedAt: string } | null;
  decision: { approved: boolean; reasons: string; signedBy: string; signedAt: string } | null;
  actioned: { note: string; signedBy: string; signedAt: string } | null;
  steps: string[];
}

/** "24 Nov 2026, 09:05": a moment as school staff read it. */
export function whenShown(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
}
