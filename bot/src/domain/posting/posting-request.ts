import type { PostingAttachment } from '../media/posting-attachment';
import type { HistoryEntry, Signature } from '../workflow/workflow';
import { openedBy } from '../workflow/workflow-rules';
import type { CheckFailure } from './posting-checks';
import type { PostingRequestInput } from './posting-request-input';

/**
 * A request for the headteacher's permission to post on a school account, or to post a reminder
 * for parents (s.4, s.5, s.6). Automatic checks run first: a request that fails them waits with
 * the requester and cannot be approved until it passes.
 */
export type PostingState = 'checksFailed' | 'withHeadteacher' | 'approved' | 'refused' | 'posted' | 'withdrawn';

export const POSTING_STATES: readonly PostingState[] = ['checksFailed', 'withHeadteacher', 'approved', 'refused', 'posted', 'withdrawn'];

/** A pupil shown, as picked (name and class kept so the card reads the same later). */
export interface ShownPupil {
  id: string;
  displayName: string;
  className: string;
}

/** A file attached or removed by the requester while the request can still change. */
export type MediaStep = 'attach' | 'detach';

export type PostingStep = 'approve' | 'refuse' | 'withdraw' | 'resubmit' | 'confirmPosted';

export type PostingHistoryEntry = HistoryEntry<PostingStep | 'submit' | 'checksFailed' | MediaStep>;

export interface PostingRequest extends Omit<PostingRequestInput, 'pupilIds'> {
  id: string;
  submissionKey: string;
  requesterId: string;
  requesterName: string;
  submittedAt: string;
  /** "X (Twitter) @RiversidePrimary", as the account was registered when the request was made. */
  accountLabel: string;
  pupils: ShownPupil[];
  /** The photos and videos themselves (s.4: the headteacher sees what will be posted). */
  attachments?: PostingAttachment[];
  /** The approved device named, as the register called it when the checks last ran. */
  deviceLabel?: string;
  state: PostingState;
  /** The latest automatic check results; empty means every check passed. */
  checks: CheckFailure[];
  checkedAt: string;
  decision?: { approved: boolean; reasons: string; signature: Signature };
  posted?: { link: string; postId: string; signature: Signature };
  history: PostingHistoryEntry[];
  updatedAt: string;
}

/** A step with what it needs: the typed text, and the checks the app ran again just before it. */
export type PostingAction =
  | { type: 'approve'; reasons?: string; checks: CheckFailure[] }
  | { type: 'refuse'; reasons?: string }
  | { type: 'withdraw' }
  | { type: 'resubmit'; input: PostingDetails; checks: CheckFailure[] }
  | { type: 'confirmPosted'; link: string; postId: string };

/** The request's content after the pupils have been looked up on the roster. */
export type PostingDetails = Omit<PostingRequestInput, 'pupilIds'> & { accountLabel: string; pupils: ShownPupil[]; deviceLabel?: string };

/** The form once the app has looked up what it names, with the checks' results. */
export interface PreparedPosting {
  details: PostingDetails;
  checks: CheckFailure[];
}

/** How people refer to a request to post: "P-7", never a bare number that could be an access request. */
export function postingReference(id: string): string {
  return `P-${id}`;
}

export function newPostingRequest(
  details: PostingDetails,
  checks: CheckFailure[],
  requester: { personId: string; name: string },
  submissionKey: string,
  now: Date,
): Omit<PostingRequest, 'id'> {
  const failed = checks.length > 0;
  const opened = openedBy(
    requester,
    submissionKey,
    now,
    failed ? ('checksFailed' as const) : ('withHeadteacher' as const),
    failed ? ('checksFailed' as const) : ('submit' as const),
  );
  return { ...details, ...opened, checks, checkedAt: opened.submittedAt };
}
