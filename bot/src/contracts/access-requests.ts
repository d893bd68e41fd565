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
