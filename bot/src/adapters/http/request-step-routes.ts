import type { Response, Server } from 'restify';
import { z } from 'zod';
import { actOnAccessRequest, type ActOnAccessRequestResult, type RequestedAction } from '../../app/act-on-access-request';
import { actOnPostingRequest, type ActOnPostingRequestResult, type RequestedPostingStep } from '../../app/act-on-posting-request';
import { announceAccessStep } from '../../app/announce-access-step';
import { announcePostingStep } from '../../app/announce-posting-step';
import type { AppDeps } from '../../app/app-deps';
import type { BackgroundTasks } from '../../app/background-tasks';
import { accessStepsFor, postingStepsFor } from '../../app/steps-for';
import { accessRequestFor } from '../../app/view-access-request';
import { addedRisksSchema, reasonsSchema } from '../../domain/access/access-request-input';
import type { Versioned } from '../../ports/collection.port';
import { accessDetail } from './access-presenter';
import { refuse, send, type SignedIn } from './api-refusal';
import { postingDetail } from './posting-presenter';

/** Someone else took a step first: the page shows the record as it is now. */
export const CHANGED_MEANWHILE = 'Someone else changed this a moment ago, so nothing was changed. Here it is as it is now: check it and try again.';

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
export function registerRequestStepRoutes(server: Server, deps: AppDeps, background: BackgroundTasks, signedIn: SignedIn): void {
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
    await answerStep(res, result, async (request) => accessDetail(request, person, await accessStepsFor(deps, person, request)));
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
    await answerStep(res, result, async (request) => postingDetail(request, person, await postingStepsFor(deps, person, request)));
  }));
}

/** What both request types' step use cases answer. */
type StepOutcome<R> =
  | { status: 'done' | 'out-of-date'; request: Versioned<R> }
  | { status: 'refused'; error: { code: string; message: string }; request: Versioned<R> }
  | { status: 'invalid'; errors: Partial<Record<string, string>>; request: Versioned<R> }
  | { status: 'not-found' }
  | { status: 'not-saved'; message: string };

/** One table from a step's outcome to the HTTP answer: a stale or moved-on record is 409 with the record as it is now. */
async function answerStep<R>(res: Response, result: StepOutcome<R>, present: (request: Versioned<R>) => Promise<object>): Promise<void> {
  switch (result.status) {
    case 'done':
      return send(res, 200, { request: await present(result.request) });
    case 'not-found':
      return send(res, 404, { error: 'There is no such request.' });
    case 'not-saved':
      return send(res, 503, { error: result.message });
    case 'out-of-date':
      return send(res, 409, { error: CHANGED_MEANWHILE, request: await present(result.request) });
    case 'invalid':
      return send(res, 422, { error: Object.values(result.errors)[0] ?? 'Please check what you typed.', fields: result.errors });
    case 'refused':
      if (result.error.code === 'not-permitted') return refuse(res, 403, result.error.message);
      if (result.error.code === 'reasons-required') return send(res, 422, { error: result.error.message, fields: { reasons: result.error.message } });
      return send(res, 409, { error: result.error.message, request: await present(result.request) });
  }
}

function badShape(res: Response, error: z.ZodError, shape: string): void {
  send(res, 400, { error: shape, fields: error.issues.map((issue) => issue.path.join('.')) });
}
