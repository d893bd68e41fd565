import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { listAccessRequests } from '../../app/list-access-requests';
import { STATE_LABELS, type AccessRequest } from '../../domain/access/access-request';
import { ROLE_LABELS } from '../../domain/people/role';
import type { ApiIdentity } from './api-identity';

/** The tabs' API. Every route identifies the caller first; the use cases decide what they see. */
export function registerApiRoutes(server: Server, deps: AppDeps, identify: ApiIdentity, localMode: boolean): void {
  server.get('/api/me', async (req: Request, res: Response) => {
    const person = await identify(req);
    if (!person) return unauthorised(res);
    const personas = localMode
      ? (await deps.directory.everyone()).map((other) => ({ id: other.id, displayName: other.displayName, roles: other.roles.map((role) => ROLE_LABELS[role]) }))
      : [];
    res.json({ id: person.id, displayName: person.displayName, roles: person.roles.map((role) => ROLE_LABELS[role]), localMode, personas });
  });

  server.get('/api/access-requests', async (req: Request, res: Response) => {
    const person = await identify(req);
    if (!person) return unauthorised(res);
    const cursor = typeof req.query?.cursor === 'string' && /^\d{1,12}$/.test(req.query.cursor) ? req.query.cursor : undefined;
    const page = await listAccessRequests(deps, person, { limit: 25, ...(cursor ? { cursor } : {}) });
    res.json({ items: page.items.map(toSummary), next: page.next ?? null });
  });
}

function toSummary(request: AccessRequest) {
  return {
    id: request.id,
    url: request.url,
    state: request.state,
    stateLabel: STATE_LABELS[request.state],
    requesterName: request.requesterName,
    submittedAt: request.submittedAt,
    updatedAt: request.updatedAt,
  };
}

function unauthorised(res: Response): void {
  res.status(401);
  res.json({ error: 'Sign in through Microsoft Teams to use Online Safety Desk.' });
}
