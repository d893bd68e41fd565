import type { Action } from '../domain/authorization/permissions';

/**
 * What became of a use case, in one vocabulary for them all. The adapters turn each into an HTTP
 * status and a card banner from one table (adapters/outcomes.ts), and word it for the person: no
 * use case says anything to a person itself.
 * - ok: done (or found already done: the same form sent twice);
 * - invalid: what was typed or sent is wrong; each field says why;
 * - not-permitted: this person may not do it (refusals are audited);
 * - not-found: there is no such record (or none this person may know of);
 * - not-now: the record is no longer where the step could be taken (already decided, withdrawn…);
 * - stale: the record changed since the person saw it, so nothing was done;
 * - not-saved: the records could not be reached; nothing was changed, try again.
 */
export const OUTCOMES = ['ok', 'invalid', 'not-permitted', 'not-found', 'not-now', 'stale', 'not-saved'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a field-by-field check found wrong, by field. */
export type FieldProblems = Partial<Record<string, string>>;

/**
 * A refusal: the action the person may not take. The adapters say who may (adapters/refusals.ts);
 * `ownRecord` when the person holds the role but the record is their own, which nobody decides.
 */
export interface Refused {
  status: 'not-permitted';
  action: Action;
  ownRecord?: true;
}

export function refused(action: Action, ownRecord?: 'own record'): Refused {
  return ownRecord ? { status: 'not-permitted', action, ownRecord: true } : { status: 'not-permitted', action };
}
