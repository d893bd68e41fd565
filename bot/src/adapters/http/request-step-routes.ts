import type { Response, Server } from 'restify';
import { z } from 'zod';
import { actOnAccessRequest, type RequestedAction } from '../../app/act-on-access-request';
import { actOnPostingRequest, type RequestedPostingStep } from '../../app/act-on-posting-request';
import { announceAccessStep } from '../../app/announce-access-step';
import { announcePostingStep } from '../../app/announce-posting-step';
import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import type { Announce } from '../../app/reminders/announce';
import { accessStepsFor, postingStepsFor } from '../../app/steps-for';
import { accessRequestFor } from '../../app/view-request';
import type { AccessRequest } from '../../domain/access/access-request';
import { addedRisksSchema, reasonsSchema } from '../../domain/access/access-request-input';
import type { PostingRequest } from '../../domain/posting/posting-request';
import type { Versioned } from '../../ports/collection.port';
import { accessDetail } from './access-presenter';
import { refuse, send, type SignedIn } from './api-refusal';
import { answerStep, type StepOutcome } from './step-answer';
import { postingDetail } from './posting-presenter';

const stepShape = { reasons: z.string().max(20_000).optional(), version: z.number().int().min(0) };

/** Resubmitting needs the whole form: it is done on the request's card in the chat. */
const accessStepBody = z.object({ verb: z.enum(['forward', 'return', 'approve', 'refuse', 'markDone', 'withdraw']), ...stepShape, addedRisksAndControls: z.string().max(20_000).optional() });
const postingStepBody = z.object({ verb: z.enum(['approve', 'refuse', 'withdraw', 'confirmPosted']), ...stepShape, link: z.string().max(3000).optional() });

/** What was typed, under the same typed-text rules as the card's fields; each problem by its field. */
function typed(fields: { reasons?: string; addedRisksAndControls?: string }): { ok: true; reasons: string; addedRisksAndControls: string } | { ok: false; fields: Record<string, string> } {
  const reasons = reasonsSchema.safeParse(fields.reasons ?? '');
  const added = addedRisksSchema.safeParse(fields.addedRisksAndControls ?? '');
  if (reasons.success && added.success) return { ok: true, reasons: reasons.data, addedRisksAndControls: added.data };
  return { ok: false, fields: { ...(reasons.success ? {} : { reasons: reasons.error.issues[0]!.message }), ...(added.success ? {} : { addedRisksAndControls: added.error.issues[0]!.message }) } };
}

/**
 * The steps on a request from the tab: the same use cases the cards call, so the rules, audit,
 * signatures, notices and the out-of-date check are the cards' own. `reasons` is the text the step
 * takes: the reasons for a decision, the reason for a return, a note when forwarding or opening the site.
 */
export function registerRequestStepRoutes(server: Server, deps: AppDeps & { announce: Announce }, background: BackgroundTasks, signedIn: SignedIn): void {
  server.get('/api/access-requests/:id', signedIn(async (person, req, res) => {
    const found = await accessRequestFor(deps, person, String(req.params.id ?? ''));
    if (found.status === 'not-found') return send(res, 404, { error: 'There is no such request.' });
    if (found.status === 'not-permitted') return refuse(res, 403, 'You can see only your own requests, and those you took a step on; the online safety lead, the headteacher and the ICT technician see them all.');
    send(res, 200, accessDetail(found.request, person, found.steps));
  }));

  server.post('/api/access-requests/:id/steps', signedIn(async (person, req, res) => {
    const body = accessStepBody.safeParse(req.body);
    if (!body.success) return badShape(res, body.error, 'Send {"verb": "forward"|"return"|"approve"|"refuse"|"markDone"|"withdraw", "reasons"?, "addedRisksAndControls"?, "version"}.');
    const text = typed(body.data);
    if (!text.ok) return send(res, 422, { error: Object.values(text.fields)[0], fields: text.fields });
    const { reasons, addedRisksAndControls } = text;
    const { verb, version } = body.data;
    const requested: Record<typeof verb, RequestedAction> = {
      forward: { type: 'forward', note: reasons, addedRisksAndControls },
      return: { type: 'return', reason: reasons },
      approve: { type: 'approve', reasons },
      refuse: { type: 'refuse', reasons },
      markDone: { type: 'markDone', note: reasons },
      withdraw: { type: 'withdraw' },
    };
    const result = await actOnAccessRequest(deps, person, String(req.params.id ?? ''), requested[verb], version);
    if (result.status === 'done') background.run(`announce access request ${result.request.id}`, () => announceAccessStep(deps, result.request.id, verb, person));
    await answerStep(res, asOutcome<AccessRequest>(result), 'request', async (request) => accessDetail(request, person, await accessStepsFor(deps, person, request)));
  }));

  server.post('/api/posting-requests/:id/steps', signedIn(async (person, req, res) => {
    const body = postingStepBody.safeParse(req.body);
    if (!body.success) return badShape(res, body.error, 'Send {"verb": "approve"|"refuse"|"withdraw"|"confirmPosted", "reasons"?, "link"?, "version"}.');
    const text = typed(body.data);
    if (!text.ok) return send(res, 422, { error: Object.values(text.fields)[0], fields: text.fields });
    const { reasons } = text;
    const { verb, link = '', version } = body.data;
    const requested: RequestedPostingStep = verb === 'confirmPosted' ? { type: verb, link } : verb === 'withdraw' ? { type: verb } : { type: verb, reasons };
    const result = await actOnPostingRequest(deps, person, String(req.params.id ?? ''), requested, version);
    if (result.status === 'done') background.run(`announce posting request ${result.request.id}`, () => announcePostingStep(deps, result.request.id, person));
    await answerStep(res, asOutcome<PostingRequest>(result), 'request', async (request) => postingDetail(request, person, await postingStepsFor(deps, person, request)));
  }));
}

/** What both request types' step use cases answer. */
type Acted<R> =
  | { status: 'done' | 'out-of-date'; request: Versioned<R> }
  | { status: 'refused'; error: { code: string; message: string }; request: Versioned<R> }
  | { status: 'invalid'; errors: Partial<Record<string, string>>; request: Versioned<R> }
  | { status: 'not-found' }
  | { status: 'not-saved'; message: string };

/** A request step's result in the one shape every step route answers from. */
function asOutcome<R>(result: Acted<R>): StepOutcome<R> {
  switch (result.status) {
    case 'refused':
      return { status: 'refused', code: result.error.code, message: result.error.message, record: result.request };
    case 'invalid':
      return { status: 'invalid', errors: result.errors, record: result.request };
    case 'done':
    case 'out-of-date':
      return { status: result.status, record: result.request };
    default:
      return result;
  }
}

function badShape(res: Response, error: z.ZodError, shape: string): void {
  send(res, 400, { error: shape, fields: error.issues.map((issue) => issue.path.join('.')) });
}
