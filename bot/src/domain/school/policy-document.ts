import type { IsoDate } from '../calendar/dates';
import type { Role } from '../people/role';

/**
 * One review of a policy, on its own cycle, by its own reviewers, who are reminded of it: the
 * headteacher with the online safety lead every two years (s.12) and the governing board every
 * year (s.2) are two reviews of the same policy.
 */
export interface PolicyReview {
  /** Stable within the policy (`review-1`, `review-2`…): reminders and history name the review by it. */
  id: string;
  /** Who reviews it, as people read it: "Governing board". */
  name: string;
  /** Holders of these roles are reminded, and are the ones the review is for. */
  reviewers: Role[];
  cycleMonths: number;
  nextReviewDue: IsoDate;
}

/** An approval of the policy (a completed review, or a date entered in the register). Never changed once made. */
export interface PolicyApproval {
  approvedOn: IsoDate;
  /** "Reviewed: Governing board", or "Entered in School settings". */
  note: string;
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
}

/** An entry of the policy register (s.1, s.2, s.12). */
export interface PolicyDocument {
  id: string;
  title: string;
  /** Who looks after the policy ("Headteacher", "School business manager"). */
  owner: string;
  /** None for a related policy listed for reference only: nobody is reminded about it. */
  reviews: PolicyReview[];
  /** Every approval, oldest first: the latest is the policy's approval date. */
  approvals: PolicyApproval[];
  /** Retired policies stay in the register, with their history, and are no longer reminded about. */
  retiredOn?: IsoDate;
}

export function latestApproval(policy: Pick<PolicyDocument, 'approvals'>): PolicyApproval | undefined {
  return policy.approvals.at(-1);
}

/** The policy this app puts into practice, found in the register by its title. */
export function isSocialMediaPolicy(policy: Pick<PolicyDocument, 'title' | 'retiredOn'>): boolean {
  return !policy.retiredOn && /social media policy/i.test(policy.title);
}
