import type { AccessAction, AccessRequest } from '../domain/access/access-request';
import { validateAccessRequestInput, type AccessRequestField, type FieldErrors } from '../domain/access/access-request-input';
import { ACCESS_STEP_RULES, applyAccessStep, type AccessStepError } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';
import { retryStep } from './retry-step';
import { holdersFor } from './role-holders';

export type ActOnAccessRequestResult =
  | { status: 'done'; request: Versioned<AccessRequest> }
  | { status: 'refused'; error: AccessStepError; request: Versioned<AccessRequest> }
  | { status: 'out-of-date'; request: Versioned<AccessRequest> }
  | { status: 'invalid'; errors: FieldErrors<AccessRequestField>; request: Versioned<AccessRequest> }
  | { status: 'not-found' }
  | { status: 'not-saved'; message: string };

/** Raw input for a resubmission; every other step's text is checked by the domain rules. */
export type RequestedAction = Exclude<AccessAction, { type: 'resubmit' }> | { type: 'resubmit'; form: unknown };

/**
 * One step on a request: load it fresh, let the policy rules decide, save conditionally. The
 * request and the actor come from the store and the directory, never from card data. A card that
 * showed an older version of the request (`seenVersion`) is not acted on, even when the step would
 * be allowed: the person has not seen what they would be approving.
 */
export async function actOnAccessRequest(
  deps: AppDeps,
  actor: Person,
  requestId: string,
  requested: RequestedAction,
  seenVersion?: number,
): Promise<ActOnAccessRequestResult> {
  return retryStep(deps, `access request ${requestId}`, async () => {
    const request = await deps.stores.accessRequests.get(requestId);
    if (!request) return { status: 'not-found' };
    let action: AccessAction;
    if (requested.type === 'resubmit') {
      const input = validateAccessRequestInput(requested.form);
      if (!input.ok) return { status: 'invalid', errors: input.errors, request };
      action = { type: 'resubmit', input: input.value };
    } else {
      action = requested;
    }
    const holders = await holdersFor(deps, actor, [ACCESS_STEP_RULES[action.type].action]);
    const outcome = applyAccessStep(request, action, actor, deps.clock.now(), holders);
    if (!outcome.ok) {
      if (outcome.error.code === 'not-permitted') {
        await recordAudit(deps, actor, { action: `access-request.${action.type}.denied`, recordType: 'accessRequest', recordId: request.id, summary: 'Step refused: the person may not take it' });
      }
      return { status: 'refused', error: outcome.error, request };
    }
    if (seenVersion !== undefined && seenVersion !== request.version) return { status: 'out-of-date', request };
    const saved = await deps.stores.accessRequests.update({ ...outcome.request, version: request.version });
    await recordAudit(deps, actor, { action: `access-request.${action.type}`, recordType: 'accessRequest', recordId: saved.id, summary: `Request is now ${saved.state}` });
    return { status: 'done', request: saved };
  });
}
