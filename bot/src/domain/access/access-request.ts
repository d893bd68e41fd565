import type { HistoryEntry, Signature } from '../workflow/workflow';
import { openedBy } from '../workflow/workflow-rules';
import type { AccessRequestInput } from './access-request-input';

/**
 * Where a blocked-content access request is in the process of s.9 and Appendix A:
 * staff request → online safety lead review → headteacher decision → ICT action.
 */
export type AccessRequestState =
  'withOnlineSafetyLead' | 'returnedToRequester' | 'withHeadteacher' | 'approved' | 'refused' | 'unblocked' | 'withdrawn';

export const ACCESS_REQUEST_STATES: readonly AccessRequestState[] = [
  'withOnlineSafetyLead',
  'returnedToRequester',
  'withHeadteacher',
  'approved',
  'refused',
  'unblocked',
  'withdrawn',
];

export type AccessActionType = 'forward' | 'return' | 'approve' | 'refuse' | 'markDone' | 'withdraw' | 'resubmit';

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
  history: HistoryEntry<AccessActionType | 'submit'>[];
  updatedAt: string;
}

/** A step with what the person typed for it (checked by the step's rules in access-workflow.ts). */
export type AccessAction =
  | { type: 'forward'; note?: string; addedRisksAndControls?: string }
  | { type: 'return'; note?: string }
  | { type: 'approve'; reasons?: string }
  | { type: 'refuse'; reasons?: string }
  | { type: 'markDone'; note?: string }
  | { type: 'withdraw' }
  | { type: 'resubmit'; input: AccessRequestInput };

/** How people refer to an access request: "A-12", never a bare number that could be a request to post. */
export function accessReference(id: string): string {
  return `A-${id}`;
}

export function newAccessRequest(
  input: AccessRequestInput,
  requester: { personId: string; name: string },
  submissionKey: string,
  now: Date,
): Omit<AccessRequest, 'id'> {
  return { ...input, ...openedBy(requester, submissionKey, now, 'withOnlineSafetyLead' as const, 'submit' as const) };
}
