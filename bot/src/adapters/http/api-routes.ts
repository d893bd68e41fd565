import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { listAccessRequests } from '../../app/list-access-requests';
import { STATE_LABELS, type AccessRequest } from '../../domain/access/access-request';
import { ROLE_LABELS } from '../../domain/people/role';
import type { ApiIdentity } from './api-identity';

/** The tabs' API. Every route identifies the caller first; the use cases decide what they see. */
export function registerApiRoutes(server: Server, deps: AppDeps, identify: ApiIdentity, personasEnabled: boolean): void {
  server.get('/api/me', async (req: Request, res: Response) => {
    const caller = await identify(req);
    if (!('person' in caller)) return refuse(res, caller.refused);
    const { person } = caller;
    const personas = personasEnabled
      ? (await deps.directory.everyone()).map((other) => ({ id: other.id, displayName: other.displayName, roles: other.roles.map((role) => ROLE_LABELS[role]) }))
      : [];
    res.json({ id: person.id, displayName: person.displayName, roles: person.roles.map((role) => ROLE_LABELS[role]), localMode: personasEnabled, personas });
  });

  server.get('/api/access-requests', async (req: Request, res: Response) => {
    const caller = await identify(req);
    if (!('person' in caller)) return refuse(res, caller.refused);
    const { person } = caller;
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

function refuse(res: Response, status: 401 | 403): void {
  res.status(status);
  res.json({
    error: status === 401 ? 'Sign in through Microsoft Teams to use Online Safety Desk.' : 'You are signed in, but Online Safety Desk does not know you yet. Ask your school office to add you.',
  });
}
