import { may, whoMay } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import { newPostingRequest, type PostingRequest } from '../domain/posting/posting-request';
import { validatePostingRequestInput, type PostingRequestField } from '../domain/posting/posting-request-input';
import { DuplicateRecordError, StoreUnavailableError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { preparePosting } from './prepare-posting';
import { recordAudit } from './record-audit';
import { today } from '../domain/calendar/zoned-time';

export type SubmitPostingRequestResult =
  | { status: 'saved'; request: Versioned<PostingRequest>; alreadySaved: boolean }
  | { status: 'not-permitted'; message: string }
  | { status: 'invalid'; errors: Partial<Record<PostingRequestField, string>> }
  | { status: 'not-saved'; message: string };

/**
 * A staff member asks permission to post on a school account (s.4–6). The checks run first and
 * the request is saved either way: one that fails them stays with the requester, who sees exactly
 * what to fix, and the headteacher is only asked about requests that pass.
 */
export async function submitPostingRequest(deps: AppDeps, requester: Person, form: unknown, submissionKey: string): Promise<SubmitPostingRequestResult> {
  if (!may(requester, 'postingRequest.submit')) {
    await recordAudit(deps, requester, { action: 'posting-request.submit.denied', recordType: 'postingRequest', recordId: '-', summary: 'Request refused: the person is not staff' });
    return { status: 'not-permitted', message: `Only ${whoMay('postingRequest.submit')} can ask to post on a school account (Social Media Policy, section 5).` };
  }
  const input = validatePostingRequestInput(form, today(deps.clock));
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  try {
    const { details, checks } = await preparePosting(deps, input.value);
    let request: Versioned<PostingRequest>;
    try {
      request = await deps.stores.postingRequests.insert(newPostingRequest(details, checks, { personId: requester.id, name: requester.displayName }, submissionKey, deps.clock.now()));
    } catch (error) {
      if (!(error instanceof DuplicateRecordError)) throw error;
      const winner = (await deps.stores.postingRequests.find({ where: { submissionKey }, limit: 1 })).items[0];
      if (!winner) throw error;
      // The key came back in card data: it only ever finds the sender's own request.
      if (winner.requesterId !== requester.id) return { status: 'not-saved', message: 'This form could not be used. Please start a new request.' };
      return { status: 'saved', request: winner, alreadySaved: true };
    }
    await recordAudit(deps, requester, { action: 'posting-request.submitted', recordType: 'postingRequest', recordId: request.id, summary: checks.length ? `Submitted; ${checks.length} check(s) failed` : 'Submitted; every check passed' });
    return { status: 'saved', request, alreadySaved: false };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      deps.log.error('A posting request could not be saved', error);
      return { status: 'not-saved', message: 'Your request was NOT saved because the school records could not be reached. Please try again in a few minutes.' };
    }
    throw error;
  }
}
