import type { z } from 'zod';
import type { Action } from '../authorization/permissions';
import type { Role } from '../people/role';
import type { RequestType } from '../records/record-type';

/**
 * How a request type is defined, once: its states (with their labels for each reader), its steps
 * (who may take each, from which states, to which state, whether reasons are required, what is
 * signed and kept in the history), who is asked or told after each step, and how long it may wait
 * before the person who must act is reminded and the role above is told. One engine
 * (workflow-rules.ts) runs every definition; docs/approvals.md says how to add one.
 */

/** A step signed by a person: their name, identity and the time (Appendix A "Signature"). */
export interface Signature {
  personId: string;
  name: string;
  aadObjectId?: string;
  at: string;
}

/** One line of a request's history: who did what, when, with the note they gave. */
export interface HistoryEntry<Step extends string = string> {
  at: string;
  personId: string;
  name: string;
  step: Step;
  note?: string;
}

/** What every request has, whatever its type. */
export interface RequestRecord<State extends string = string, Step extends string = string> {
  id: string;
  /** Given by the card that submitted the form, so a double click files one request. */
  submissionKey: string;
  requesterId: string;
  requesterName: string;
  submittedAt: string;
  state: State;
  history: HistoryEntry<Step>[];
  updatedAt: string;
}

/** Who takes a step or hears of it: everyone holding a role, or the person who made the request. */
export type Party = Role | 'requester';

/** After a step: who is asked to act (their card has buttons), and who is only told. */
export interface Telling {
  act: readonly Party[];
  informed: readonly Party[];
}

/** A telling that depends on the record (a blocked approval, not a first submission, goes back to its requester). */
export interface TellingFor<R> {
  tell(record: R): Telling;
}

export interface StateDefinition {
  label: string;
  /** The label as the requester reads it, where it differs ("Returned to you for changes"). */
  forRequester?: string;
  /** Nothing more will happen to the request. */
  finished?: boolean;
  /** Who the request waits on in this state: reminded after the definition's working days. */
  waitsOn?: Party;
  /** Told when it has waited longer still: the role above (s.2), or whoever oversees the one who must act. */
  escalateTo?: Role;
  /** Never reminded, however long it waits (the requester may simply let it go). */
  unreminded?: true;
  /**
   * When the wait starts counting, where it is not the record's last change: a password shared
   * until a date is to be changed once that date has passed (ISO date or time).
   */
  waitsFrom?(record: never): string;
  /** Working days before the first reminder in this state, where it differs from the definition's (0: the next working day). */
  remindAfter?: number;
  /** What a reminder in this state asks, where the state's label does not say it ("change the password"). */
  reminder?: string;
  /**
   * Not finished, yet waiting on nobody for now: what wakes it instead (an open unblock, until its
   * last day; then a daily job asks for its step).
   */
  dormantUntil?: string;
}

/** A step as asked for: its name and what it needs (the typed text, or what the app found out). */
export interface StepInput {
  type: string;
}

export type HistoryStepOf<R extends RequestRecord> = R['history'][number]['step'];

/** What a step does to the record, and what its history line records. */
export interface StepChange<R extends RequestRecord> {
  changes: Partial<R>;
  /** The history's step, when it is not the step itself (an approval the checks blocked). */
  recorded?: HistoryStepOf<R>;
  note?: string;
}

export interface StepDefinition<R extends RequestRecord, I extends StepInput> {
  /** Who may take it: the permissions table's row (decisions also follow deciders.ts). */
  action: Action;
  from: readonly R['state'][];
  /** "approve this request", as in "Only the headteacher can approve this request." */
  label: string;
  /** The text a person types to take it (the card's inputs, the API's fields), each with its rule. */
  fields?: Readonly<Record<string, z.ZodType<string>>>;
  /** Taken by sending the type's form again ("Edit and resubmit"), checked by the submission's rules. */
  takesForm?: true;
  /** Offered, but never what the request waits for (withdrawing one's own request). */
  awaited?: false;
  /** Text that must not be empty for the step to be taken (Appendix A: a refusal gives reasons). */
  requires?: { field: string; message: string };
  /** What is wrong with the typed text given the record (a last day later than was asked for): the field and what to say. */
  check?(record: R, input: I): { field: string; message: string } | undefined;
  /** The record once the step is taken; the engine adds the history line and the time. */
  apply(record: R, input: I, signed: Signature): StepChange<R>;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Partial<Record<string, string>> };

/**
 * Making a request: who may, the form's rules, and the new record. `P` is the form once the app has
 * looked up what it refers to (a request to post: the pupils, the account and the checks).
 */
export interface Submission<R extends RequestRecord, F, P> {
  action: Action;
  /** Checks the form; every wrong field gets its own message. `today` is the school's date. */
  read(form: unknown, today: string): Validated<F>;
  open(prepared: P, requester: { personId: string; name: string }, submissionKey: string, now: Date): Omit<R, 'id'>;
  /** The audit line for a new request (counts only, never its text). */
  audit(record: Omit<R, 'id'>): string;
  /**
   * What the form's fields name that the app looks up before the request is opened: a current
   * class, an active school account, a person in the directory. Each is checked and its name added
   * to the form as `<field>Name`; a name not found is the form's error, on that field.
   */
  refersTo?: Readonly<Record<string, Reference>>;
}

/** What a form's field may name: a class on roll now, an active school account, a person (a member of staff, for `staff`). */
export type Reference = 'class' | 'schoolAccount' | 'person' | 'staff';

export interface WorkflowDefinition<R extends RequestRecord = RequestRecord, A extends StepInput = StepInput, F = unknown, P = F> {
  type: RequestType;
  /** What one is called, as a reminder's title starts: "Access request", "Permission to post". */
  name: string;
  /** One line saying which request it is, without opening it (the web address, the school account). */
  summary(request: R): string;
  /** The audit log's name for it: `access-request.approve`. */
  auditName: string;
  /** How people refer to one: "A-12", never a bare number that could be another type's. */
  reference(id: string): string;
  /** Who sees every request of the type (the others see their own, and those they took a step on). */
  viewAll: Action;
  states: Readonly<Record<R['state'], StateDefinition>>;
  steps: { readonly [K in A['type']]: StepDefinition<R, Extract<A, { type: K }>> };
  /** After each line of the history (the step as recorded): who is asked to act, who is told. */
  told: Readonly<Record<HistoryStepOf<R>, Telling | TellingFor<R>>>;
  /** Working days before the person who must act is reminded (then again as often), and more before `escalateTo` is told. */
  nudges: { remindAfter: number; escalateAfter: number };
  submission: Submission<R, F, P>;
}

/** Any definition, for code that runs them all. */
export type AnyWorkflow = WorkflowDefinition<RequestRecord, StepInput, unknown, unknown>;

/** Declares a request type; the compiler checks every state, step and history line is covered. */
export function defineWorkflow<R extends RequestRecord, A extends StepInput, F, P = F>(
  definition: WorkflowDefinition<R, A, F, P>,
): WorkflowDefinition<R, A, F, P> {
  return definition;
}
