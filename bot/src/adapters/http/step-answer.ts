import type { Response } from 'restify';
import type { FieldProblems } from '../../app/outcome';
import type { Versioned } from '../../ports/collection.port';
import { OUTCOME_ANSWERS } from '../outcomes';
import { refuse, send } from './api-refusal';

/** Someone else took a step first: the page shows the record as it is now. */
export const CHANGED_MEANWHILE =
  'Someone else changed this a moment ago, so nothing was changed. Here it is as it is now: check it and try again.';

/** What a step use case answers (requests, takedown tasks), in the one outcome vocabulary. */
export type StepOutcome<R> =
  | { status: 'ok' | 'stale'; record: Versioned<R> }
  | { status: 'not-permitted' | 'not-now'; message: string; record: Versioned<R> }
  | { status: 'invalid'; errors: FieldProblems; record?: Versioned<R> }
  | { status: 'not-found' }
  | { status: 'not-saved' };

/**
 * A step's outcome as the tab's API answers it, with the status from the one outcome table: a record
 * that moved on or changed since the page showed it comes back as it is now; what was typed wrong
 * comes back field by field.
 */
export async function answerStep<R>(
  res: Response,
  outcome: StepOutcome<R>,
  key: 'request' | 'task',
  present: (record: Versioned<R>) => Promise<object>,
): Promise<void> {
  const status = OUTCOME_ANSWERS[outcome.status].status;
  switch (outcome.status) {
    case 'ok':
      return send(res, status, { [key]: await present(outcome.record) });
    case 'not-found':
      return send(res, status, { error: `There is no such ${key === 'task' ? 'takedown task' : 'request'}.` });
    case 'not-saved':
      return send(res, status, { error: OUTCOME_ANSWERS['not-saved'].banner.text });
    case 'stale':
      return send(res, status, { error: CHANGED_MEANWHILE, [key]: await present(outcome.record) });
    case 'not-now':
      return send(res, status, { error: outcome.message, [key]: await present(outcome.record) });
    case 'invalid':
      return send(res, status, { error: Object.values(outcome.errors)[0] ?? 'Please check what you typed.', fields: outcome.errors });
    case 'not-permitted':
      return refuse(res, 403, outcome.message);
  }
}
