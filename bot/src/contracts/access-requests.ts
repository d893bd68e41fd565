/** One request to unblock a website, as `GET /api/access-requests` lists it. */
export interface AccessRequestSummary {
  id: string;
  /** "A-12": how people refer to it. */
  reference: string;
  url: string;
  state: string;
  stateLabel: string;
  requesterName: string;
  submittedAt: string;
  updatedAt: string;
}

export interface AccessRequestPage {
  items: AccessRequestSummary[];
  next: string | null;
}

/**
 * One request to unblock a website as its tab page shows it (`GET /api/access-requests/:id`): both halves of the form, with the steps this
 * person may take now.
 */
export interface AccessRequestDetail extends AccessRequestSummary {
  version: number;
  siteContent: string;
  reasons: string;
  risksAndControls: string;
  leadReview: { outcome: 'forwarded' | 'returned'; note: string; addedRisksAndControls: string; signedBy: string; signedAt: string } | null;
  decision: { approved: boolean; reasons: string; signedBy: string; signedAt: string } | null;
  actioned: { note: string; signedBy: string; signedAt: string } | null;
  steps: string[];
}
