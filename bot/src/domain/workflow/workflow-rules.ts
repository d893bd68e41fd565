import { mayDecide, ownDecisionMessage, type RoleHolders } from '../authorization/deciders';
import { holdersOf, may, whoMay, type Action } from '../authorization/permissions';
import type { Person } from '../people/person';
import type { Role } from '../people/role';
import type { HistoryStepOf, Party, RequestRecord, Signature, StepInput, Telling, Validated, WorkflowDefinition } from './workflow';

/** The engine: the rules every request type follows, read from its definition. */
type Workflow<R extends RequestRecord, A extends StepInput> = WorkflowDefinition<R, A, unknown, unknown>;

export type StepError = { code: 'not-permitted' | 'not-now'; message: string } | { code: 'invalid-field'; field: string; message: string };

export type StepResult<R> = { ok: true; request: R } | { ok: false; error: StepError };

/** The type's steps, in the order its cards show their buttons. */
export function stepNames<R extends RequestRecord, A extends StepInput>(workflow: Workflow<R, A>): A['type'][] {
  return Object.keys(workflow.steps) as A['type'][];
}

/** Nobody decides on their own request: `holders` is needed only by someone standing in for a role (see deciders.ts). */
function mayTake(
  workflow: Workflow<RequestRecord, StepInput>,
  step: string,
  request: RequestRecord,
  person: Person,
  holders?: RoleHolders,
): boolean {
  return mayDecide(person, workflow.steps[step]!.action, request.requesterId, holders);
}

/** Which steps this person may take on the request now: the buttons on their card. */
export function stepsFor<R extends RequestRecord, A extends StepInput>(
  workflow: Workflow<R, A>,
  request: R,
  person: Person,
  holders?: RoleHolders,
): A['type'][] {
  return stepNames(workflow).filter(
    (step) =>
      workflow.steps[step as A['type']].from.includes(request.state) &&
      mayTake(workflow as Workflow<RequestRecord, StepInput>, step, request, person, holders),
  );
}

/**
 * The steps a request in this state waits for, whoever takes them: those of the party the state
 * waits on, but not the steps it never waits for (withdrawing one's own request).
 */
export function awaitedIn<R extends RequestRecord, A extends StepInput>(workflow: Workflow<R, A>, state: R['state']): A['type'][] {
  const party = workflow.states[state].waitsOn;
  return stepNames(workflow).filter((step) => {
    const definition = workflow.steps[step as A['type']];
    return (
      party !== undefined && definition.from.includes(state) && definition.awaited !== false && holdersOf(definition.action).includes(party)
    );
  });
}

/**
 * The steps the request waits on this person to take now. A request is waiting for someone when
 * this is not empty: what "waiting for me" lists.
 */
export function stepsAwaited<R extends RequestRecord, A extends StepInput>(
  workflow: Workflow<R, A>,
  request: R,
  person: Person,
  holders?: RoleHolders,
): A['type'][] {
  const awaited = awaitedIn(workflow, request.state as R['state']);
  return stepsFor(workflow, request, person, holders).filter((step) => awaited.includes(step));
}

/** The step actions that could be taken in the request's state, whoever takes them. */
export function pendingActions<R extends RequestRecord, A extends StepInput>(
  workflow: Workflow<R, A>,
  request: Pick<R, 'state'>,
): Action[] {
  return stepNames(workflow)
    .map((step) => workflow.steps[step as A['type']])
    .filter((step) => step.from.includes(request.state))
    .map((step) => step.action);
}

/**
 * Whether a person may see the request at all: their own, every one if they oversee the type, or one
 * they took a step on (the chair of governors who decided the headteacher's own request).
 */
export function maySeeRequest(workflow: Workflow<RequestRecord, StepInput>, request: RequestRecord, person: Person): boolean {
  return (
    request.requesterId === person.id || may(person, workflow.viewAll) || request.history.some((entry) => entry.personId === person.id)
  );
}

/** The state as the person reading it should see it: what to do next only to the requester. */
export function stateLabel<R extends RequestRecord>(workflow: Workflow<R, StepInput>, state: R['state'], forRequester: boolean): string {
  const definition = workflow.states[state];
  return (forRequester && definition.forRequester) || definition.label;
}

export function isFinished<R extends RequestRecord>(workflow: Workflow<R, StepInput>, state: R['state']): boolean {
  return workflow.states[state].finished === true;
}

/** The text a person typed for a step, checked by the step's own rules; each wrong field gets its message. */
export function readStepFields(
  workflow: Workflow<RequestRecord, StepInput>,
  step: string,
  typed: (field: string) => string,
): Validated<Record<string, string>> {
  const fields = workflow.steps[step]?.fields ?? {};
  const value: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [field, rule] of Object.entries(fields)) {
    const read = rule.safeParse(typed(field));
    if (read.success) value[field] = read.data;
    else errors[field] = read.error.issues[0]?.message ?? 'This field could not be read.';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/**
 * Applies one step. The role is checked before the state so that someone who may never act is
 * told so plainly; a step on a request that has moved on changes nothing (no second decision).
 */
export function applyStep<R extends RequestRecord, A extends StepInput>(
  workflow: Workflow<R, A>,
  request: R,
  input: A,
  actor: Person,
  now: Date,
  holders?: RoleHolders,
): StepResult<R> {
  const step = workflow.steps[input.type as A['type']];
  if (!mayDecide(actor, step.action, request.requesterId, holders)) {
    const own = actor.id === request.requesterId && may(actor, step.action, request.requesterId);
    return {
      ok: false,
      error: {
        code: 'not-permitted',
        message: own ? ownDecisionMessage(step.action, step.label) : `Only ${whoMay(step.action)} can ${step.label}.`,
      },
    };
  }
  if (!step.from.includes(request.state)) {
    return {
      ok: false,
      error: {
        code: 'not-now',
        message: `This request is already "${workflow.states[request.state as R['state']].label}", so nothing was changed.`,
      },
    };
  }
  if (step.requires && !String((input as unknown as Record<string, unknown>)[step.requires.field] ?? '').trim()) {
    return { ok: false, error: { code: 'invalid-field', field: step.requires.field, message: step.requires.message } };
  }
  const problem = step.check?.(request, input as Extract<A, { type: A['type'] }>);
  if (problem) return { ok: false, error: { code: 'invalid-field', ...problem } };
  const at = now.toISOString();
  const signed: Signature = {
    personId: actor.id,
    name: actor.displayName,
    at,
    ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}),
  };
  const { changes, recorded, note } = step.apply(request, input as Extract<A, { type: A['type'] }>, signed);
  const line = { at, personId: actor.id, name: actor.displayName, step: recorded ?? input.type, ...(note ? { note } : {}) };
  return { ok: true, request: { ...request, ...changes, history: [...request.history, line], updatedAt: at } };
}

/** Who is asked to act and who is told after a line of the history (by default, the latest). */
export function toldAfter<R extends RequestRecord>(
  workflow: Workflow<R, StepInput>,
  request: R,
  step: HistoryStepOf<R> = request.history.at(-1)?.step ?? 'submit',
): Telling {
  const telling = workflow.told[step as HistoryStepOf<R>];
  return 'tell' in telling ? telling.tell(request) : telling;
}

/** Who the request waits on now, since when, and who is told if it waits too long; undefined when nobody. */
export function waitingOn<R extends RequestRecord>(
  workflow: Workflow<R, StepInput>,
  request: R,
): { party: Party; since: string; escalateTo?: Role; reminded: boolean } | undefined {
  const state = workflow.states[request.state as R['state']];
  if (!state.waitsOn) return undefined;
  const from = (state.waitsFrom as ((record: R) => string) | undefined)?.(request);
  const since = from && from > request.updatedAt ? from : request.updatedAt;
  return { party: state.waitsOn, since, reminded: !state.unreminded, ...(state.escalateTo ? { escalateTo: state.escalateTo } : {}) };
}

/** What every new request starts with: its requester, when, its first state and the first line of its history. */
export function openedBy<S extends string, H extends string>(
  requester: { personId: string; name: string },
  submissionKey: string,
  now: Date,
  state: S,
  recorded: H,
): Omit<RequestRecord<S, H>, 'id'> {
  const at = now.toISOString();
  return {
    submissionKey,
    requesterId: requester.personId,
    requesterName: requester.name,
    submittedAt: at,
    state,
    history: [{ at, personId: requester.personId, name: requester.name, step: recorded }],
    updatedAt: at,
  };
}
