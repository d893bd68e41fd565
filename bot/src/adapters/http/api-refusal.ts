import type { Request, Response } from 'restify';
import type { Person } from '../../domain/people/person';

/** Wraps a route handler: callers who are not signed in or unknown get 401/403, others are handed on. */
export type SignedIn = (handler: (person: Person, req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => Promise<void>;

export function refuse(res: Response, status: 401 | 403, message?: string): void {
  res.status(status);
  res.json({
    error: message ?? (status === 401 ? 'Sign in through Microsoft Teams to use Online Safety Desk.' : 'You are signed in, but Online Safety Desk does not know you yet. Ask your school office to add you.'),
  });
}
