import type { Signature } from '../access/access-request';
import { mayDecide, ownDecisionMessage, type RoleHolders } from '../authorization/deciders';
import { may, whoMay, type Action } from '../authorization/permissions';
import type { Person } from '../people/person';
import type { CheckFailure } from './posting-checks';
import type { PostingRequestInput } from './posting-request-input';

/**
 * A request for the headteacher's permission to post on a school account, or to post a reminder
 * for parents (s.4, s.5, s.6). Automatic checks run first: a request that fails them waits with
 * the requester and cannot be approved until it passes.
 */
export type PostingState = 'checksFailed' | 'withHeadteacher' | 'approved' | 'refused' | 'posted' | 'withdrawn';

export const POSTING_STATE_LABELS: Record<PostingState, string> = {
  checksFailed: 'Needs changes before the headteacher can decide',
  withHeadteacher: 'With the headteacher',
  approved: 'Approved — waiting for the requester to post it',
  refused: 'Refused',
  posted: 'Posted and registered',
  withdrawn: 'Withdrawn',
};

/** The state as the person reading it should see it: what to do next only to the requester. */
export function postingStateLabel(state: PostingState, forRequester: boolean): string {
  if (!forRequester) return POSTING_STATE_LABELS[state];
  return state === 'approved' ? 'Approved — post it, then confirm with the link' : state === 'checksFailed' ? 'Needs your changes before the headteacher can decide' : POSTING_STATE_LABELS[state];
}

/** A pupil shown, as picked (name and class kept so the card reads the same later). */
export interface ShownPupil {
  id: string;
  displayName: string;
  className: string;
}

export type PostingStep = 'approve' | 'refuse' | 'withdraw' | 'resubmit' | 'confirmPosted';

export interface PostingHistoryEntry {
  at: string;
  personId: string;
  name: string;
  step: PostingStep | 'submit' | 'checksFailed';
  note?: string;
}

export interface PostingRequest extends Omit<PostingRequestInput, 'pupilIds'> {
  id: string;
  submissionKey: string;
  requesterId: string;
  requesterName: string;
  submittedAt: string;
  /** "X (Twitter) @RiversidePrimary", as the account was registered when the request was made. */
  accountLabel: string;
  pupils: ShownPupil[];
  state: PostingState;
  /** The latest automatic check results; empty means every check passed. */
  checks: CheckFailure[];
  checkedAt: string;
  decision?: { approved: boolean; reasons: string; signature: Signature };
  posted?: { link: string; postId: string; signature: Signature };
  history: PostingHistoryEntry[];
  updatedAt: string;
}

export type PostingAction =
  | { type: 'approve'; reasons?: string; checks: CheckFailure[] }
  | { type: 'refuse'; reasons?: string }
  | { type: 'withdraw' }
  | { type: 'resubmit'; input: PostingDetails; checks: CheckFailure[] }
  | { type: 'confirmPosted'; link: string; postId: string };

/** The request's content after the pupils have been looked up on the roster. */
export type PostingDetails = Omit<PostingRequestInput, 'pupilIds'> & { accountLabel: string; pupils: ShownPupil[] };

interface StepRule {
  action: Action;
  from: readonly PostingState[];
}

export const POSTING_STEP_RULES: Record<PostingStep, StepRule> = {
  approve: { action: 'postingRequest.approve', from: ['withHeadteacher'] },
  refuse: { action: 'postingRequest.refuse', from: ['withHeadteacher'] },
  withdraw: { action: 'postingRequest.withdraw', from: ['checksFailed', 'withHeadteacher', 'approved'] },
  resubmit: { action: 'postingRequest.resubmit', from: ['checksFailed', 'withHeadteacher'] },
  confirmPosted: { action: 'postingRequest.confirmPosted', from: ['approved'] },
};

const STEP_LABELS: Record<PostingStep, string> = {
  approve: 'approve a post',
  refuse: 'refuse a post',
  withdraw: 'withdraw this request',
  resubmit: 'change this request',
  confirmPosted: 'confirm this post',
};

/** How people refer to a request to post: "P-7", never a bare number that could be an access request. */
export function postingReference(id: string): string {
  return `P-${id}`;
}

export function isPostingFinished(state: PostingState): boolean {
  return state === 'refused' || state === 'posted' || state === 'withdrawn';
}

export function newPostingRequest(
  details: PostingDetails,
  checks: CheckFailure[],
  requester: { personId: string; name: string },
  submissionKey: string,
  now: Date,
): Omit<PostingRequest, 'id'> {
  const at = now.toISOString();
  return {
    ...details,
    submissionKey,
    requesterId: requester.personId,
    requesterName: requester.name,
    submittedAt: at,
    state: checks.length ? 'checksFailed' : 'withHeadteacher',
    checks,
    checkedAt: at,
    history: [{ at, personId: requester.personId, name: requester.name, step: checks.length ? 'checksFailed' : 'submit' }],
    updatedAt: at,
  };
}

/** What this person's card offers; nobody decides on their own request (see deciders.ts for `holders`). */
export function availablePostingSteps(request: PostingRequest, person: Person, holders?: RoleHolders): PostingStep[] {
  return (Object.keys(POSTING_STEP_RULES) as PostingStep[]).filter((step) => {
    const rule = POSTING_STEP_RULES[step];
    return rule.from.includes(request.state) && mayDecide(person, rule.action, request.requesterId, holders);
  });
}

/** The step actions that could be taken in the request's state, whoever takes them. */
export function pendingPostingActions(request: Pick<PostingRequest, 'state'>): Action[] {
  return Object.values(POSTING_STEP_RULES).filter((rule) => rule.from.includes(request.state)).map((rule) => rule.action);
}

/** Their own, every one for those who oversee posting, or one they took a step on (as accessRequest's maySee). */
export function maySeePostingRequest(request: PostingRequest, person: Person): boolean {
  return request.requesterId === person.id || may(person, 'postingRequest.viewAll') || request.history.some((entry) => entry.personId === person.id);
}

export type PostingStepError =
  | { code: 'not-permitted' | 'not-now' | 'checks-failed'; message: string }
  | { code: 'reasons-required'; field: 'reasons'; message: string };

export type PostingStepResult = { ok: true; request: PostingRequest } | { ok: false; error: PostingStepError };

/**
 * Applies one step. An approval carries the checks run again at that moment: consent may have
 * been withdrawn since the request was made, and a failed check always blocks approval (s.4).
 * A blocked approval sends the request back to the requester with the new results.
 */
export function applyPostingStep(request: PostingRequest, action: PostingAction, actor: Person, now: Date, holders?: RoleHolders): PostingStepResult {
  const rule = POSTING_STEP_RULES[action.type];
  if (!mayDecide(actor, rule.action, request.requesterId, holders)) {
    const own = actor.id === request.requesterId && may(actor, rule.action, request.requesterId);
    return { ok: false, error: { code: 'not-permitted', message: own ? ownDecisionMessage(rule.action, STEP_LABELS[action.type]) : `Only ${whoMay(rule.action)} can ${STEP_LABELS[action.type]}.` } };
  }
  if (!rule.from.includes(request.state)) {
    return { ok: false, error: { code: 'not-now', message: `This request is already "${POSTING_STATE_LABELS[request.state]}", so nothing was changed.` } };
  }
  const at = now.toISOString();
  const signature: Signature = { personId: actor.id, name: actor.displayName, at, ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}) };
  const next = (changes: Partial<PostingRequest>, step: PostingHistoryEntry['step'], note?: string): PostingStepResult => ({
    ok: true,
    request: { ...request, ...changes, history: [...request.history, { at, personId: actor.id, name: actor.displayName, step, ...(note ? { note } : {}) }], updatedAt: at },
  });

  switch (action.type) {
    case 'approve':
      if (action.checks.length) return next({ state: 'checksFailed', checks: action.checks, checkedAt: at }, 'checksFailed');
      return next({ state: 'approved', checks: [], checkedAt: at, decision: { approved: true, reasons: action.reasons ?? '', signature } }, 'approve', action.reasons);
    case 'refuse':
      if (!action.reasons?.trim()) return { ok: false, error: { code: 'reasons-required', field: 'reasons', message: 'A refusal needs reasons, so the requester knows what to change.' } };
      return next({ state: 'refused', decision: { approved: false, reasons: action.reasons, signature } }, 'refuse', action.reasons);
    case 'withdraw':
      return next({ state: 'withdrawn' }, 'withdraw');
    case 'resubmit':
      return next({ ...action.input, checks: action.checks, checkedAt: at, state: action.checks.length ? 'checksFailed' : 'withHeadteacher' }, action.checks.length ? 'checksFailed' : 'resubmit');
    case 'confirmPosted':
      return next({ state: 'posted', posted: { link: action.link, postId: action.postId, signature } }, 'confirmPosted');
  }
}

/** Who is asked to act, or told, after a step (s.5: the headteacher gives permission). */
export function whoToTellAboutPosting(request: PostingRequest, step: PostingHistoryEntry['step']): { act: ('requester' | 'headteacher')[]; informed: ('requester' | 'headteacher')[] } {
  switch (step) {
    case 'submit':
    case 'resubmit':
      return { act: ['headteacher'], informed: [] };
    case 'checksFailed':
      // A blocked approval goes back to the requester; a failed first submission is shown to them at once.
      return request.history.length > 1 ? { act: ['requester'], informed: [] } : { act: [], informed: [] };
    case 'approve':
      return { act: ['requester'], informed: [] };
    case 'refuse':
      return { act: [], informed: ['requester'] };
    case 'withdraw':
    case 'confirmPosted':
      return { act: [], informed: [] };
  }
}
