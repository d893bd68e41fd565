import type { Person } from '../domain/people/person';
import { applyPostingStep, POSTING_STEP_RULES, type PostingAction, type PostingRequest, type PostingStepError } from '../domain/posting/posting-request';
import { postLinkSchema, validatePostingRequestInput, type PostingRequestField } from '../domain/posting/posting-request-input';
import type { Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { inputOf, preparePosting } from './prepare-posting';
import { readAll } from './read-all';
import { recordAudit } from './record-audit';
import { retryStep } from './retry-step';
import { holdersFor } from './role-holders';

/** A step as asked for on a card: text still to be checked, or a form to validate. */
export type RequestedPostingStep =
  | { type: 'approve'; reasons?: string }
  | { type: 'refuse'; reasons?: string }
  | { type: 'withdraw' }
  | { type: 'resubmit'; form: unknown }
  | { type: 'confirmPosted'; link: unknown };

export type ActOnPostingRequestResult =
  | { status: 'done'; request: Versioned<PostingRequest> }
  | { status: 'refused'; error: PostingStepError; request: Versioned<PostingRequest> }
  | { status: 'out-of-date'; request: Versioned<PostingRequest> }
  | { status: 'invalid'; errors: Partial<Record<PostingRequestField | 'link', string>>; request: Versioned<PostingRequest> }
  | { status: 'not-found' }
  | { status: 'not-saved'; message: string };

/**
 * One step on a posting request: load it fresh, run the checks again where they matter (an
 * approval, a resubmission), let the rules decide, save conditionally. Confirming a post registers
 * it with its pupils first, so that a later withdrawal of consent finds it (s.4).
 */
export async function actOnPostingRequest(deps: AppDeps, actor: Person, requestId: string, requested: RequestedPostingStep, seenVersion?: number): Promise<ActOnPostingRequestResult> {
  return retryStep(deps, `posting request ${requestId}`, async () => {
    const request = await deps.stores.postingRequests.get(requestId);
    if (!request) return { status: 'not-found' };
    const action = await toAction(deps, request, requested);
    if ('errors' in action) return { status: 'invalid', errors: action.errors, request };
    const holders = await holdersFor(deps, actor, [POSTING_STEP_RULES[action.type].action]);
    const outcome = applyPostingStep(request, action, actor, deps.clock.now(), holders);
    if (!outcome.ok) {
      if (outcome.error.code === 'not-permitted') {
        await recordAudit(deps, actor, { action: `posting-request.${action.type}.denied`, recordType: 'postingRequest', recordId: request.id, summary: 'Step refused: the person may not take it' });
      }
      return { status: 'refused', error: outcome.error, request };
    }
    if (seenVersion !== undefined && seenVersion !== request.version) return { status: 'out-of-date', request };
    if (action.type === 'confirmPosted') outcome.request.posted!.postId = await registerPost(deps, request, action.link);
    const saved = await deps.stores.postingRequests.update({ ...outcome.request, version: request.version });
    await recordAudit(deps, actor, { action: `posting-request.${action.type}`, recordType: 'postingRequest', recordId: saved.id, summary: `Request is now ${saved.state}` });
    return { status: 'done', request: saved };
  });
}

async function toAction(deps: AppDeps, request: PostingRequest, requested: RequestedPostingStep): Promise<PostingAction | { errors: Partial<Record<PostingRequestField | 'link', string>> }> {
  switch (requested.type) {
    case 'approve': {
      const { checks } = await preparePosting(deps, inputOf(request));
      return { type: 'approve', checks, ...(requested.reasons ? { reasons: requested.reasons } : {}) };
    }
    case 'resubmit': {
      const input = validatePostingRequestInput(requested.form, deps.clock.now().toISOString().slice(0, 10));
      if (!input.ok) return { errors: input.errors };
      const { details, checks } = await preparePosting(deps, input.value);
      return { type: 'resubmit', input: details, checks };
    }
    case 'confirmPosted': {
      const link = postLinkSchema.safeParse(requested.link);
      if (!link.success) return { errors: { link: link.error.issues[0]?.message ?? 'Paste the link to the post.' } };
      return { type: 'confirmPosted', link: link.data, postId: '' };
    }
    default:
      return requested;
  }
}

/** Registers the post once per request, even if the confirmation is sent twice. */
async function registerPost(deps: AppDeps, request: PostingRequest, link: string): Promise<string> {
  const posts = await readAll((cursor) => deps.stores.posts.find({ where: { accountId: request.accountId }, limit: 500, ...(cursor ? { cursor } : {}) }));
  const existing = posts.find((post) => post.postingRequestId === request.id);
  if (existing) return existing.id;
  const post = await deps.stores.posts.insert({
    accountId: request.accountId,
    postedOn: deps.clock.now().toISOString().slice(0, 10),
    media: request.media,
    pupilIds: request.pupils.map((pupil) => pupil.id),
    link,
    postingRequestId: request.id,
  });
  return post.id;
}
