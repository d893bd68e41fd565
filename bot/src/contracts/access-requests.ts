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
  /** Who the site is opened for, and the school dates ("No end date — set one" for an old request). */
  scope: string;
  period: string;
  reblocked: { note: string; signedBy: string; signedAt: string } | null;
  steps: string[];
}

/** One site opened after a request, as the register of unblocks lists it (`GET /api/unblocks`). */
export interface UnblockRow {
  id: string;
  reference: string;
  url: string;
  reasons: string;
  /** "Class 3B", "Staff only"… */
  scope: string;
  /** School dates; null for a site opened before periods existed. */
  from: string | null;
  to: string | null;
  approvedBy: string;
  approvedOn: string;
  openedOn: string;
  reblockedOn: string | null;
  status: 'open' | 'pastEnd' | 'noEndDate' | 'reblocked';
  statusLabel: string;
}

export interface UnblockRegister {
  rows: UnblockRow[];
}
