import { today } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import type { RequestType } from '../../domain/records/record-type';
import type { RequestRecord } from '../../domain/workflow/workflow';
import { applyStep, readStepFields } from '../../domain/workflow/workflow-rules';
import type { Versioned } from '../../ports/collection.port';
import { PartlySavedError } from '../../ports/save-together.port';
import type { FieldProblems } from '../outcome';
import { auditEntry, recordAudit } from '../record-audit';
import { retryStep } from '../retry-step';
import { holdersFor } from '../role-holders';
import { defaultStep, REQUEST_KINDS, type RequestOf, type StepDeps } from './request-kinds';
import { withReferences } from './form-references';
import { announceStep, sendStepNotices, stepAudience, stepNotices, type StepNotices } from './step-notices';
import { storeWhatIsLeft } from './store-what-is-left';

export type ActResult<R> =
  | { status: 'ok'; request: Versioned<R> }
  | { status: 'invalid'; errors: FieldProblems; request: Versioned<R> }
  /** The rules' own words: who may take the step, or that nobody decides their own request. */
  | { status: 'not-permitted'; message: string; request: Versioned<R> }
  /** The rules' own words: the request has moved on ("already Approved"). */
  | { status: 'not-now'; message: string; request: Versioned<R> }
  | { status: 'stale'; request: Versioned<R> }
  /** No such request, or no such step for its type. */
  | { status: 'not-found' }
  | { status: 'not-saved' };

/** A step as a person asked for it, from a card or the API. */
export interface StepAsked {
  step: string;
  /** What they typed in a field of the card (or the API's body); '' when absent. */
  typed?: (field: string) => string;
  /** The type's form, sent again ("Edit and resubmit"). */
  form?: unknown;
  /** The version the person saw: a card showing an older one is not acted on. */
  seenVersion?: number;
  /** The card that was clicked: Teams has already shown it the answer, so it is not updated again. */
  clickedActivityId?: string;
}

/**
 * One step on a request of any type: load it fresh, read what was typed by the step's rules, let
 * the definition decide, then save conditionally together with the audit entry and the step's
 * notices (`stores.together`: one transaction, or one `$batch`), before answering (the notices go
 * after the answer). The request and the actor come from the store and the directory,
 * never from card data. The same step asked twice by the same person (a retried request) is not
 * taken twice; its notices are planned once.
 */
export async function actOnRequest<T extends RequestType>(
  deps: StepDeps,
  type: T,
  actor: Person,
  requestId: string,
  asked: StepAsked,
): Promise<ActResult<RequestOf<T>>> {
  const kind = REQUEST_KINDS[type];
  const { workflow } = kind;
  const step = Object.prototype.hasOwnProperty.call(workflow.steps, asked.step) ? workflow.steps[asked.step] : undefined;
  if (!step) return { status: 'not-found' };
  const store = kind.store(deps.stores);
  // The notices stored with the step, to send after the answer.
  let notices: StepNotices | undefined;
  // The step saved without all that goes with it: the rest is stored after the answer.
  let unfinished: PartlySavedError | undefined;
  const result = await retryStep(deps, `${type} ${requestId}`, async (): Promise<ActResult<RequestRecord>> => {
    const request = await store.get(requestId);
    if (!request) return { status: 'not-found' };
    let fields: Record<string, string> = {};
    let form: unknown;
    if (step.takesForm) {
      const read = workflow.submission.read(asked.form, today(deps.clock));
      if (!read.ok) return { status: 'invalid', errors: read.errors, request };
      const named = await withReferences(deps, workflow.submission.refersTo, read.value as Record<string, string>);
      if (!named.ok) return { status: 'invalid', errors: named.errors, request };
      form = kind.prepare ? await kind.prepare(deps, named.value, request) : named.value;
    } else {
      const read = readStepFields(workflow, asked.step, asked.typed ?? (() => ''));
      if (!read.ok) return { status: 'invalid', errors: read.errors, request };
      fields = read.value;
    }
    const wanted = { type: asked.step, fields, ...(form !== undefined ? { form } : {}) };
    const input = kind.toStep ? await kind.toStep(deps, request, wanted) : defaultStep(wanted);
    const outcome = applyStep(workflow, request, input, actor, deps.clock.now(), await holdersFor(deps, actor, [step.action]));
    if (!outcome.ok) {
      const { error } = outcome;
      if (error.code === 'invalid-field') return { status: 'invalid', errors: { [error.field]: error.message }, request };
      if (error.code === 'not-permitted') {
        await recordAudit(deps, actor, {
          action: `${workflow.auditName}.${asked.step}.denied`,
          recordType: type,
          recordId: request.id,
          summary: 'Step refused: the person may not take it',
        });
      }
      return { status: error.code, message: error.message, request };
    }
    if (asked.seenVersion !== undefined && asked.seenVersion !== request.version) return { status: 'stale', request };
    const next = kind.beforeSave ? await kind.beforeSave(deps, outcome.request, input) : outcome.request;
    const audience = await stepAudience(deps, type, next, actor);
    // The conditional update, its audit entry and its notices together: if someone else saved the
    // request first, none of them is written and the step is judged again on what they saved.
    let saved: Versioned<RequestRecord>;
    try {
      const together = await deps.stores.together.update(kind.storeName, { ...next, version: request.version }, (step) => ({
        audit: auditEntry(deps, actor, {
          action: `${workflow.auditName}.${asked.step}`,
          recordType: type,
          recordId: step.id,
          summary: `Request is now ${step.state}`,
        }),
        notices: stepNotices(deps, type, step, audience),
      }));
      saved = together.record;
      notices = { entries: together.notices, missingRoles: audience.missingRoles };
    } catch (error) {
      if (!(error instanceof PartlySavedError)) throw error;
      // The step is saved; its notices are stored again under the same keys below, then the rest.
      saved = error.record as Versioned<RequestRecord>;
      unfinished = error;
      deps.log.error(`The audit entry or notices of a step on ${type} ${saved.id} could not all be stored`, error.cause);
    }
    await kind.afterSave?.(deps, saved, input);
    return { status: 'ok', request: saved };
  });
  if (result.status === 'ok' && notices) sendStepNotices(deps, type, result.request, notices, actor, asked.clickedActivityId);
  // The same person's step found already taken (Teams sent it again), or saved without its notices: its notices, once.
  else if (result.status === 'ok' || (result.status === 'not-now' && result.request.history.at(-1)?.personId === actor.id)) {
    await announceStep(deps, type, result.request, actor, asked.clickedActivityId);
  }
  if (unfinished && result.status === 'ok') {
    const saved = result.request;
    storeWhatIsLeft(deps, type, unfinished, () => announceStep(deps, type, saved, actor, asked.clickedActivityId));
  }
  return result as ActResult<RequestOf<T>>;
}
