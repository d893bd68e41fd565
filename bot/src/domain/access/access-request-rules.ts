import { mayDecide, ownDecisionMessage, type RoleHolders } from '../authorization/deciders';
import { may, whoMay, type Action } from '../authorization/permissions';
import type { Person } from '../people/person';
import type { Role } from '../people/role';
import type { AccessAction, AccessActionType, AccessRequest, AccessRequestState, Signature } from './access-request';
import { STATE_LABELS } from './access-request';

/** From which states each step may be taken (s.9, Appendix A); who may take it is in PERMISSIONS. */
interface StepRule {
  action: Action;
  from: readonly AccessRequestState[];
}

export const ACCESS_STEP_RULES: Record<AccessActionType, StepRule> = {
  forward: { action: 'accessRequest.forward', from: ['withOnlineSafetyLead'] },
  return: { action: 'accessRequest.return', from: ['withOnlineSafetyLead'] },
  approve: { action: 'accessRequest.approve', from: ['withHeadteacher'] },
  refuse: { action: 'accessRequest.refuse', from: ['withHeadteacher'] },
  markDone: { action: 'accessRequest.markDone', from: ['approved'] },
  withdraw: { action: 'accessRequest.withdraw', from: ['withOnlineSafetyLead', 'returnedToRequester', 'withHeadteacher'] },
  resubmit: { action: 'accessRequest.resubmit', from: ['returnedToRequester'] },
};

const STEP_LABELS: Record<AccessActionType, string> = {
  forward: 'send this request to the headteacher',
  return: 'return this request',
  approve: 'approve this request',
  refuse: 'refuse this request',
  markDone: 'mark this site as opened',
  withdraw: 'withdraw this request',
  resubmit: 'resubmit this request',
};

export type AccessStepError =
  | { code: 'not-permitted'; message: string }
  | { code: 'not-now'; message: string }
  | { code: 'reasons-required'; field: 'reasons'; message: string };

export type AccessStepResult = { ok: true; request: AccessRequest } | { ok: false; error: AccessStepError };

/** Nobody decides on their own request: `holders` is needed only by someone standing in for a role (see deciders.ts). */
function mayAct(rule: StepRule, request: AccessRequest, person: Person, holders?: RoleHolders): boolean {
  return mayDecide(person, rule.action, request.requesterId, holders);
}

/** The steps this person could take on the request right now: what their card offers. */
export function availableSteps(request: AccessRequest, person: Person, holders?: RoleHolders): AccessActionType[] {
  return (Object.keys(ACCESS_STEP_RULES) as AccessActionType[]).filter((type) => {
    const rule = ACCESS_STEP_RULES[type];
    return rule.from.includes(request.state) && mayAct(rule, request, person, holders);
  });
}

/** The step actions that could be taken in the request's state, whoever takes them. */
export function pendingActions(request: Pick<AccessRequest, 'state'>): Action[] {
  return Object.values(ACCESS_STEP_RULES).filter((rule) => rule.from.includes(request.state)).map((rule) => rule.action);
}

/** The people who act on requests (online safety lead, headteacher, ICT) see all of them. */
export function seesEveryAccessRequest(person: Person): boolean {
  return may(person, 'accessRequest.viewAll');
}

/**
 * Whether a person may see the request at all: their own, every one if they act on requests, or
 * one they took a step on (the chair of governors who decided the headteacher's own request).
 */
export function maySee(request: AccessRequest, person: Person): boolean {
  return request.requesterId === person.id || seesEveryAccessRequest(person) || request.history.some((entry) => entry.personId === person.id);
}

/**
 * Applies one step. The role is checked before the state so that someone who may never act is
 * told so plainly; a step on a request that has moved on changes nothing (no second decision).
 */
export function applyAccessStep(request: AccessRequest, action: AccessAction, actor: Person, now: Date, holders?: RoleHolders): AccessStepResult {
  const rule = ACCESS_STEP_RULES[action.type];
  if (!mayAct(rule, request, actor, holders)) {
    const own = actor.id === request.requesterId && may(actor, rule.action, request.requesterId);
    return fail('not-permitted', own ? ownDecisionMessage(rule.action, STEP_LABELS[action.type]) : `Only ${whoMay(rule.action)} can ${STEP_LABELS[action.type]}.`);
  }
  if (!rule.from.includes(request.state)) {
    return fail('not-now', `This request is already "${STATE_LABELS[request.state]}", so nothing was changed.`);
  }
  const at = now.toISOString();
  const signature: Signature = { personId: actor.id, name: actor.displayName, at, ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}) };
  const next = (changes: Partial<AccessRequest>, note?: string): AccessStepResult => ({
    ok: true,
    request: {
      ...request,
      ...changes,
      history: [...request.history, { at, personId: actor.id, name: actor.displayName, step: action.type, ...(note ? { note } : {}) }],
      updatedAt: at,
    },
  });

  switch (action.type) {
    case 'forward':
      return next({
        state: 'withHeadteacher',
        leadReview: {
          outcome: 'forwarded',
          note: action.note ?? '',
          addedRisksAndControls: action.addedRisksAndControls ?? '',
          signature,
        },
      }, action.note);
    case 'return':
      if (!action.reason?.trim()) return fail('reasons-required', 'Say why the request is being returned, so the requester can fix it.');
      return next({ state: 'returnedToRequester', leadReview: { outcome: 'returned', note: action.reason, addedRisksAndControls: '', signature } }, action.reason);
    case 'approve':
      return next({ state: 'approved', decision: { approved: true, reasons: action.reasons ?? '', signature } }, action.reasons);
    case 'refuse':
      if (!action.reasons?.trim()) return fail('reasons-required', 'A refusal needs reasons (Appendix A), so the requester knows why.');
      return next({ state: 'refused', decision: { approved: false, reasons: action.reasons, signature } }, action.reasons);
    case 'markDone':
      return next({ state: 'unblocked', actioned: { note: action.note ?? '', signature } }, action.note);
    case 'withdraw':
      return next({ state: 'withdrawn' });
    case 'resubmit':
      return next({ ...action.input, state: 'withOnlineSafetyLead' });
  }
}

function fail(code: AccessStepError['code'], message: string): AccessStepResult {
  return { ok: false, error: code === 'reasons-required' ? { code, field: 'reasons', message } : { code, message } };
}

/** Who is told after a step (s.9: the requester is told at each step; the next person is asked to act). */
type Recipient = 'requester' | Role;

export function whoToTell(step: AccessActionType | 'submit'): { act: Recipient[]; informed: Recipient[] } {
  switch (step) {
    case 'submit':
    case 'resubmit':
      return { act: ['onlineSafetyLead'], informed: [] };
    case 'forward':
      return { act: ['headteacher'], informed: ['requester'] };
    case 'return':
      return { act: ['requester'], informed: [] };
    case 'approve':
      return { act: ['ictTechnician'], informed: ['requester'] };
    case 'refuse':
    case 'markDone':
      return { act: [], informed: ['requester'] };
    case 'withdraw':
      return { act: [], informed: [] };
  }
}
