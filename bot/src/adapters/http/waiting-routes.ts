import type { Server } from 'restify';
import { z } from 'zod';
import type { AppDeps } from '../../app/app-deps';
import { closeTakedownTask, type CloseTakedownResult } from '../../app/close-takedown';
import { whoMay } from '../../domain/authorization/permissions';
import { takedownDetails } from '../../app/takedown-details';
import { waitingFor } from '../../app/waiting/waiting-for';
import { takedownReference, type TrackedTakedown } from '../../domain/consent/takedown';
import type { Waiting } from '../../contracts/waiting';
import { badRequest, send, type SignedIn } from './api-refusal';
import { answerStep, type StepOutcome } from './step-answer';

const takedownStepBody = z.object({
  verb: z.enum(['removed', 'cannotBeRemoved']),
  reasons: z.string().max(20_000).optional(),
  version: z.number().int().min(0),
});

/** The *Waiting for me* page: the list, and the steps on the records that are acted on from the list itself. */
export function registerWaitingRoutes(server: Server, deps: AppDeps, signedIn: SignedIn): void {
  server.get(
    '/api/waiting',
    signedIn(async (person, _req, res) => {
      const answer: Waiting = await waitingFor(deps, person);
      send(res, 200, answer);
    }),
  );

  server.post(
    '/api/takedowns/:id/steps',
    signedIn(async (person, req, res) => {
      const body = takedownStepBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Send {"verb": "removed"|"cannotBeRemoved", "reasons"?, "version"}.', body.error.issues);
      const id = String(req.params.id ?? '');
      const { verb, reasons = '', version } = body.data;
      const result = /^\d{1,12}$/.test(id)
        ? await closeTakedownTask(deps, person, id, verb === 'removed' ? 'removed' : 'cannot be removed', reasons, version)
        : { status: 'not-found' as const };
      if (result.status === 'ok')
        deps.background.run(`refresh takedown ${result.task.id}`, () =>
          deps.notifier.refreshCards({ recordType: 'takedown', recordId: result.task.id }),
        );
      await answerStep(res, takedownOutcome(result), 'task', async (task) => {
        const details = await takedownDetails(deps.stores, task);
        return {
          id: task.id,
          reference: takedownReference(task.id),
          version: task.version,
          status: task.status,
          reason: task.reason,
          link: details.link,
          account: details.accountLabel,
          pupil: details.pupilName,
          media: task.media,
        };
      });
    }),
  );
}

/** Closing a takedown task, in the shape every step route answers from. */
function takedownOutcome(result: CloseTakedownResult): StepOutcome<TrackedTakedown> {
  switch (result.status) {
    case 'ok':
    case 'stale':
      return { status: result.status, record: result.task };
    case 'not-permitted':
      return { status: result.status, message: `Only ${whoMay('takedown.close')} can close this task.`, record: result.task };
    case 'not-now':
      return { status: result.status, message: result.message, record: result.task };
    case 'invalid':
      return { status: result.status, errors: { reasons: result.message }, record: result.task };
    default:
      return result;
  }
}
