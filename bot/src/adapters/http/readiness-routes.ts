import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import type { ReadinessChecks } from '../../app/readiness/check-readiness';
import type { Health } from '../../app/readiness/store-health';
import { viewReadiness } from '../../app/readiness/view-readiness';
import type { ApiIdentity } from './api-identity';
import { answerFailure, refuse, send } from './api-refusal';

const NOT_PERMITTED = 'The go-live checklist is for the headteacher, the admin team and the online safety lead.';

/**
 * The go-live checklist: `GET /api/readiness` for the tab, and `GET /healthz?detail` for whoever
 * monitors the app, with the same sign-in and the same people. The plain `/healthz`, open to App
 * Service's health check, says whether the app can do its work (503 with what is missing and the
 * fix when its lists are not there yet), and nothing about the school.
 */
export function registerReadinessRoutes(
  server: Server,
  deps: AppDeps,
  identify: ApiIdentity,
  checks: ReadinessChecks,
  health: () => Promise<Health>,
  localMode: boolean,
): void {
  const checklist = async (req: Request, res: Response) => {
    // What the school has set up is never kept by a browser or proxy (`/healthz` is outside `/api/`).
    res.setHeader('Cache-Control', 'no-store');
    try {
      const caller = await identify(req);
      if (!('person' in caller)) return refuse(res, caller.refused);
      const result = await viewReadiness(caller.person, checks, deps.clock.now());
      if (result.status === 'not-permitted') return send(res, 403, { error: NOT_PERMITTED });
      const { status: _ok, ...readiness } = result;
      send(res, 200, { ...readiness, mode: localMode ? 'local' : 'teams' });
    } catch (error) {
      answerFailure(res, error, deps.log, 'readiness');
    }
  };
  server.get('/api/readiness', checklist);

  server.get('/healthz', async (req: Request, res: Response) => {
    if (req.query?.detail !== undefined) return checklist(req, res);
    const { healthy, ...found } = await health();
    send(res, healthy ? 200 : 503, { ...found, mode: localMode ? 'local' : 'teams' });
  });
}
