import type { Response } from 'restify';
import type { Versioned } from '../../ports/collection.port';
import { refuse, send } from './api-refusal';

/** Someone else took a step first: the page shows the record as it is now. */
export const CHANGED_MEANWHILE = 'Someone else changed this a moment ago, so nothing was changed. Here it is as it is now: check it and try again.';

/** What the step use cases answer (requests, takedown tasks), in one shape. */
export type StepOutcome<R> =
  | { status: 'done' | 'out-of-date'; record: Versioned<R> }
  | { status: 'refused'; code: string; message: string; record: Versioned<R> }
  | { status: 'invalid'; errors: Partial<Record<string, string>>; record: Versioned<R> }
  | { status: 'not-found' }
  | { status: 'not-saved'; message: string };

/**
 * One table from a step's outcome to the HTTP answer, the record under `key`: a record that moved on
 * or changed since the page showed it is 409 with the record as it is now; a missing or unreadable
 * text is 422 on the field `reasons`.
 */
export async function answerStep<R>(res: Response, outcome: StepOutcome<R>, key: 'request' | 'task', present: (record: Versioned<R>) => Promise<object>): Promise<void> {
  switch (outcome.status) {
    case 'done':
      return send(res, 200, { [key]: await present(outcome.record) });
    case 'not-found':
      return send(res, 404, { error: `There is no such ${key === 'task' ? 'takedown task' : 'request'}.` });
    case 'not-saved':
      return send(res, 503, { error: outcome.message });
    case 'out-of-date':
      return send(res, 409, { error: CHANGED_MEANWHILE, [key]: await present(outcome.record) });
    case 'invalid':
      return send(res, 422, { error: Object.values(outcome.errors)[0] ?? 'Please check what you typed.', fields: outcome.errors });
    case 'refused':
      if (outcome.code === 'not-permitted') return refuse(res, 403, outcome.message);
      if (outcome.code === 'reasons-required' || outcome.code === 'invalid') return send(res, 422, { error: outcome.message, fields: { reasons: outcome.message } });
      return send(res, 409, { error: outcome.message, [key]: await present(outcome.record) });
  }
}
