import type { AccessRequestInput } from './access-request-input';

/**
 * Where a blocked-content access request is in the process of s.9 and Appendix A:
 * staff request → online safety lead review → headteacher decision → ICT action.
 */
export type AccessRequestState =
  | 'withOnlineSafetyLead'
  | 'returnedToRequester'
  | 'withHeadteacher'
  | 'approved'
  | 'refused'
  | 'unblocked'
  | 'withdrawn';

export const ACCESS_REQUEST_STATES: readonly AccessRequestState[] = [
  'withOnlineSafetyLead',
  'returnedToRequester',
  'withHeadteacher',
  'approved',
  'refused',
  'unblocked',
  'withdrawn',
];

export const STATE_LABELS: Record<AccessRequestState, string> = {
  withOnlineSafetyLead: 'With the online safety lead',
  returnedToRequester: 'Returned to the requester for changes',
  withHeadteacher: 'With the headteacher',
  approved: 'Approved — waiting for ICT',
  refused: 'Refused',
  unblocked: 'Site opened',
  withdrawn: 'Withdrawn',
};

/** The state as the person reading it should see it: "Returned to you" only to the requester. */
export function accessStateLabel(state: AccessRequestState, forRequester: boolean): string {
  return forRequester && state === 'returnedToRequester' ? 'Returned to you for changes' : STATE_LABELS[state];
}

/** A step signed by a person: their name, identity and the time (Appendix A "Signature"). */
export interface Signature {
  personId: string;
  name: string;
  aadObjectId?: string;
  at: string;
}

export interface HistoryEntry {
  at: string;
  personId: string;
  name: string;
  step: AccessActionType | 'submit';
  note?: string;
}

export interface AccessRequest extends AccessRequestInput {
  id: string;
  /** Given by the card that submitted the form, so a double click files one request. */
  submissionKey: string;
  requesterId: string;
  requesterName: string;
  submittedAt: string;
  state: AccessRequestState;
  leadReview?: {
    outcome: 'forwarded' | 'returned';
    note: string;
    addedRisksAndControls: string;
    signature: Signature;
  };
  decision?: { approved: boolean; reasons: string; signature: Signature };
  actioned?: { note: string; signature: Signature };
  history: HistoryEntry[];
  updatedAt: string;
}

export type AccessActionType = 'forward' | 'return' | 'approve' | 'refuse' | 'markDone' | 'withdraw' | 'resubmit';

export type AccessAction =
  | { type: 'forward'; note?: string; addedRisksAndControls?: string }
  | { type: 'return'; reason?: string }
  | { type: 'approve'; reasons?: string }
  | { type: 'refuse'; reasons?: string }
  | { type: 'markDone'; note?: string }
  | { type: 'withdraw' }
  | { type: 'resubmit'; input: AccessRequestInput };

/** How people refer to an access request: "A-12", never a bare number that could be a request to post. */
export function accessReference(id: string): string {
  return `A-${id}`;
}

export function isFinished(state: AccessRequestState): boolean {
  return state === 'refused' || state === 'unblocked' || state === 'withdrawn';
}

export function newAccessRequest(
  input: AccessRequestInput,
  requester: { personId: string; name: string },
  submissionKey: string,
  now: Date,
): Omit<AccessRequest, 'id'> {
  const at = now.toISOString();
  return {
    ...input,
    submissionKey,
    requesterId: requester.personId,
    requesterName: requester.name,
    submittedAt: at,
    state: 'withOnlineSafetyLead',
    history: [{ at, personId: requester.personId, name: requester.name, step: 'submit' }],
    updatedAt: at,
  };
}
