import type { Request, Response } from 'restify';
import type { Logger } from '../../app/app-deps';
import type { Person } from '../../domain/people/person';
import { StoreUnavailableError } from '../../ports/collection.port';

/** Wraps a route handler: callers who are not signed in or unknown get 401/403, others are handed on. */
export type SignedIn = (
  handler: (person: Person, req: Request, res: Response) => Promise<void>,
) => (req: Request, res: Response) => Promise<void>;

/**
 * Answers with JSON. Route handlers end with `return send(…)`, which returns nothing: restify logs
 * whatever an async handler returns, and a returned response object carries the request's headers.
 */
export function send(res: Response, status: number, body: object): void {
  res.status(status);
  res.json(body);
}

/** A body or query the route cannot read (400): what to send instead, and which fields were wrong. */
export function badRequest(res: Response, message: string, issues: readonly { path: PropertyKey[] }[]): void {
  send(res, 400, { error: message, fields: issues.map((issue) => issue.path.join('.')) });
}

export function refuse(res: Response, status: 401 | 403, message?: string): void {
  send(res, status, {
    error:
      message ??
      (status === 401
        ? 'Sign in through Microsoft Teams to use Online Safety Desk.'
        : 'You are signed in, but Online Safety Desk does not know you yet. Ask your school office to add you.'),
  });
}

/**
 * What the tab is told when a route fails: a store that cannot be reached is said plainly (503, try
 * again); anything else is a short 500 without the error's text, which goes to the log instead.
 */
export function answerFailure(res: Response, error: unknown, log: Logger, route: string): void {
  const storeDown = error instanceof StoreUnavailableError || (error as { name?: unknown })?.name === 'StoreUnavailableError';
  log.error(`API ${route} failed${storeDown ? ': the store is unavailable' : ''}`, error);
  if (res.headersSent) return;
  send(res, storeDown ? 503 : 500, {
    error: storeDown
      ? 'The school records could not be reached, so nothing was changed. Please try again in a few minutes.'
      : 'Sorry, something went wrong on our side. Please try again; if it keeps happening, tell your school office.',
  });
}
