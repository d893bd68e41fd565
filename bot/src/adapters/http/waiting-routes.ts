import type { Server } from 'restify';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import { closeTakedownTask } from '../../app/close-takedown';
import { takedownDetails } from '../../app/takedown-details';
import { waitingFor } from '../../app/waiting/waiting-for';
import { takedownReference } from '../../domain/consent/takedown';
import { refuse, send, type SignedIn } from './api-refusal';
import { CHANGED_MEANWHILE } from './request-step-routes';

const takedownStepBody = z.object({ verb: z.enum(['removed', 'cannotBeRemoved']), reason: z.string().max(20_000).optional(), version: z.number().int().min(0) });

/** The *Waiting for me* page: the list, and the steps on the records that are acted on from the list itself. */
export function registerWaitingRoutes(server: Server, deps: AppDeps, background: BackgroundTasks, signedIn: SignedIn): void {
  server.get('/api/waiting', signedIn(async (person, _req, res) => {
    send(res, 200, await waitingFor(deps, person));
  }));

  server.post('/api/takedowns/:id/steps', signedIn(async (person, req, res) => {
    const body = takedownStepBody.safeParse(req.body);
    if (!body.success) return send(res, 400, { error: 'Send {"verb": "removed"|"cannotBeRemoved", "reason"?, "version"}.', fields: body.error.issues.map((issue) => issue.path.join('.')) });
    const id = String(req.params.id ?? '');
    const { verb, reason = '', version } = body.data;
    const result = /^\d{1,12}$/.test(id) ? await closeTakedownTask(deps, person, id, verb === 'removed' ? 'removed' : 'cannot be removed', reason, version) : { status: 'not-found' as const };
    const shown = async (task: Parameters<typeof takedownDetails>[1]) => {
      const details = await takedownDetails(deps.stores, task);
      return { id: task.id, reference: takedownReference(task.id), version: task.version, status: task.status, reason: task.reason, link: details.link, account: details.accountLabel, pupil: details.pupilName, media: task.media };
    };
    switch (result.status) {
      case 'not-found':
        return send(res, 404, { error: 'There is no such takedown task.' });
      case 'not-saved':
        return send(res, 503, { error: result.message });
      case 'out-of-date':
        return send(res, 409, { error: CHANGED_MEANWHILE, task: await shown(result.task) });
      case 'refused':
        if (result.code === 'not-permitted') return refuse(res, 403, result.message);
        if (result.code === 'invalid') return send(res, 422, { error: result.message, fields: { reason: result.message } });
        return send(res, 409, { error: result.message, task: await shown(result.task) });
      case 'done':
        background.run(`refresh takedown ${result.task.id}`, () => deps.notifier.refreshCards({ recordType: 'takedown', recordId: result.task.id }));
        return send(res, 200, { task: await shown(result.task) });
    }
  }));
}
