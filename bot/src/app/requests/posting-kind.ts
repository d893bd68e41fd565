import { today } from '../../domain/calendar/zoned-time';
import type { PostingAction, PostingRequest, PreparedPosting } from '../../domain/posting/posting-request';
import type { PostingRequestInput } from '../../domain/posting/posting-request-input';
import { POSTING_WORKFLOW } from '../../domain/posting/posting-workflow';
import type { AppDeps } from '../app-deps';
import { inputOf, preparePosting } from '../prepare-posting';
import { readAll } from '../read-all';
import { ensureTakedowns } from '../ensure-takedowns';
import type { AskedStep, RequestKind, StepDeps } from './request-kinds';

/**
 * Requests to post need the records at three points: the form names an account, pupils and a
 * device (looked up, and the checks run on them); an approval runs the checks again (consent may
 * have been withdrawn since, s.4); and a confirmed post is registered with its pupils.
 */
export const POSTING_KIND: RequestKind = {
  workflow: POSTING_WORKFLOW,
  store: (stores) => stores.postingRequests,
  storeName: 'postingRequests',
  prepare: (deps: AppDeps, form: PostingRequestInput, current?: PostingRequest): Promise<PreparedPosting> =>
    preparePosting(deps, form, current?.attachments),
  async toStep(deps: AppDeps, request: PostingRequest, asked: AskedStep): Promise<PostingAction> {
    switch (asked.type) {
      case 'approve':
        return {
          type: 'approve',
          reasons: asked.fields.reasons ?? '',
          checks: (await preparePosting(deps, inputOf(request), request.attachments)).checks,
        };
      case 'resubmit': {
        const { details, checks } = asked.form as PreparedPosting;
        return { type: 'resubmit', input: details, checks };
      }
      case 'confirmPosted':
        return { type: 'confirmPosted', link: asked.fields.link ?? '', postId: '' };
      case 'refuse':
        return { type: 'refuse', reasons: asked.fields.reasons ?? '' };
      default:
        return { type: 'withdraw' };
    }
  },
  async beforeSave(deps: AppDeps, next: PostingRequest, step: PostingAction): Promise<PostingRequest> {
    if (step.type !== 'confirmPosted' || !next.posted) return next;
    return { ...next, posted: { ...next.posted, postId: await registerPost(deps, next, next.posted.link) } };
  },
  // A post registered after consent for a pupil in it was withdrawn was made without consent: its
  // takedown is urgent and the DSL is told now, not at the next run of the daily takedowns job.
  async afterSave(deps: StepDeps, _saved: PostingRequest, step: PostingAction): Promise<void> {
    if (step.type !== 'confirmPosted') return;
    await ensureTakedowns(deps).catch((error: unknown) =>
      deps.log.error('Takedown tasks for a registered post could not be made; the takedowns job makes them', error),
    );
  },
};

/** Registers the post once per request, even if the confirmation is sent twice. */
async function registerPost(deps: AppDeps, request: PostingRequest, link: string): Promise<string> {
  const posts = await readAll((cursor) =>
    deps.stores.posts.find({ where: { accountId: request.accountId }, limit: 500, ...(cursor ? { cursor } : {}) }),
  );
  const existing = posts.find((post) => post.postingRequestId === request.id);
  if (existing) return existing.id;
  const post = await deps.stores.posts.insert({
    accountId: request.accountId,
    postedOn: today(deps.clock),
    media: request.media,
    pupilIds: request.pupils.map((pupil) => pupil.id),
    link,
    postingRequestId: request.id,
  });
  return post.id;
}
