import type { Response, Server } from 'restify';
import { z } from 'zod';
import { actOnRequest, type ActResult } from '../../app/requests/act-on-request';
import type { RequestOf, StepDeps, StepOf } from '../../app/requests/request-kinds';
import { requestStepsFor, viewRequest } from '../../app/requests/view-request';
import { PERMISSION_TYPES, type PermissionType } from '../../domain/permission/permission-request';
import type { Person } from '../../domain/people/person';
import { REQUEST_TYPES, type RequestType } from '../../domain/records/record-type';
import { stepNames } from '../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../domain/workflow/workflows';
import type { Versioned } from '../../ports/collection.port';
import { accessDetail } from './access-presenter';
import { refuse, send, type SignedIn } from './api-refusal';
import { permissionDetail } from './permission-presenter';
import { postingDetail } from './posting-presenter';
import { answerStep, type StepOutcome } from './step-answer';

const stepBody = z.object({
  verb: z.string().max(40),
  reasons: z.string().max(20_000).optional(),
  addedRisksAndControls: z.string().max(20_000).optional(),
  link: z.string().max(3000).optional(),
  version: z.number().int().min(0),
});
type StepBody = z.infer<typeof stepBody>;

/**
 * The tab gives a step one text box, `reasons`: the reasons for a decision, the reason for a return,
 * a note when forwarding or opening the site. The card's other inputs come under their own names.
 */
const BODY_FIELD: Record<string, keyof StepBody> = {
  note: 'reasons',
  reasons: 'reasons',
  addedRisksAndControls: 'addedRisksAndControls',
  link: 'link',
};

/** Each request type in the API: where it is, and how its page shows it with the steps this person may take. */
const API: { [T in RequestType]: { path: string; detail(request: Versioned<RequestOf<T>>, viewer: Person, steps: StepOf<T>[]): object } } =
  {
    accessRequest: { path: 'access-requests', detail: accessDetail },
    postingRequest: { path: 'posting-requests', detail: postingDetail },
    // The smaller permissions: /api/permissions/staff-personal-account/12/steps and so on.
    ...(Object.fromEntries(PERMISSION_TYPES.map((type) => [type, { path: `permissions/${kebab(type)}`, detail: permissionDetail }])) as {
      [T in PermissionType]: { path: string; detail: typeof permissionDetail };
    }),
  };

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The steps on a request from the tab: the same use case the cards call, so the rules, audit,
 * signatures, notices and the out-of-date check are the cards' own. Resubmitting needs the whole
 * form: it is done on the request's card in the chat.
 */
export function registerRequestStepRoutes(server: Server, deps: StepDeps, signedIn: SignedIn): void {
  server.get(
    '/api/access-requests/:id',
    signedIn(async (person, req, res) => {
      const found = await viewRequest(deps, 'accessRequest', person, String(req.params.id ?? ''));
      if (found.status === 'not-found') return send(res, 404, { error: 'There is no such request.' });
      if (found.status === 'not-permitted')
        return refuse(
          res,
          403,
          'You can see only your own requests, and those you took a step on; the online safety lead, the headteacher and the ICT technician see them all.',
        );
      send(res, 200, accessDetail(found.request, person, found.steps));
    }),
  );

  for (const type of REQUEST_TYPES) registerSteps(server, deps, signedIn, type);
}

function registerSteps<T extends RequestType>(server: Server, deps: StepDeps, signedIn: SignedIn, type: T): void {
  const workflow = WORKFLOWS[type];
  const api = API[type];
  const verbs = stepNames(workflow).filter((step) => !workflow.steps[step]!.takesForm);
  server.post(
    `/api/${api.path}/:id/steps`,
    signedIn(async (person, req, res) => {
      const body = stepBody.safeParse(req.body);
      if (!body.success || !verbs.includes(body.data.verb))
        return badShape(res, body.success ? [] : body.error.issues.map((issue) => issue.path.join('.')), verbs);
      const typed = (field: string) => String(body.data[BODY_FIELD[field] ?? 'reasons'] ?? '');
      const result = await actOnRequest(deps, type, person, String(req.params.id ?? ''), {
        step: body.data.verb,
        typed,
        seenVersion: body.data.version,
      });
      await answerStep(res, asOutcome(result), 'request', async (request) =>
        api.detail(request, person, await requestStepsFor(deps, type, person, request)),
      );
    }),
  );
}

/** A step's result as every step route answers it; a problem with what was typed comes back under the tab's field. */
function asOutcome<R>(result: ActResult<R>): StepOutcome<R> {
  switch (result.status) {
    case 'ok':
    case 'stale':
      return { status: result.status, record: result.request };
    case 'not-permitted':
    case 'not-now':
      return { status: result.status, message: result.message, record: result.request };
    case 'invalid':
      return {
        status: 'invalid',
        errors: Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [BODY_FIELD[field] ?? field, message])),
        record: result.request,
      };
    default:
      return result;
  }
}

function badShape(res: Response, fields: string[], verbs: string[]): void {
  send(res, 400, { error: `Send {"verb": ${verbs.map((verb) => `"${verb}"`).join('|')}, "reasons"?, "version"}.`, fields });
}
