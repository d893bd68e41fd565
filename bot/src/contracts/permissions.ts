/**
 * One of the smaller permissions (a personal account at school, pupils on the school WiFi, sharing
 * an account password) as `POST /api/permissions/<type>/:id/steps` answers it.
 */
export interface PermissionDetail {
  id: string;
  /** "PA-12", "PW-3", "PS-7": how people refer to it. */
  reference: string;
  requestType: string;
  state: string;
  stateLabel: string;
  requesterName: string;
  submittedAt: string;
  updatedAt: string;
  version: number;
  /** What was asked, by the form's field names (with the names of the class, account or people it refers to). */
  details: Record<string, string>;
  decision: { approved: boolean; reasons: string; signedBy: string; signedAt: string } | null;
  completed: { note: string; signedBy: string; signedAt: string } | null;
  steps: string[];
}
