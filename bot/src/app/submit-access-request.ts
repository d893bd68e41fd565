import { newAccessRequest, type AccessRequest } from '../domain/access/access-request';
import { validateAccessRequestInput, type AccessRequestField, type FieldErrors } from '../domain/access/access-request-input';
import { may, whoMay } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import { DuplicateRecordError, StoreUnavailableError, type Versioned } from '../ports/collection.port';
import type { AppDeps } from './app-deps';
import { recordAudit } from './record-audit';

export type SubmitAccessRequestResult =
  | { status: 'saved'; request: Versioned<AccessRequest>; alreadySaved: boolean }
  | { status: 'not-permitted'; message: string }
  | { status: 'invalid'; errors: FieldErrors<AccessRequestField> }
  | { status: 'not-saved'; message: string };

/**
 * A staff member asks for blocked content to be opened (s.9, Appendix A). The submission key
 * comes from the form card, so a second click on the same form finds the first request.
 */
export async function submitAccessRequest(
  deps: AppDeps,
  requester: Person,
  form: unknown,
  submissionKey: string,
): Promise<SubmitAccessRequestResult> {
  if (!may(requester, 'accessRequest.submit')) {
    await recordAudit(deps, requester, { action: 'access-request.submit.denied', recordType: 'accessRequest', recordId: '-', summary: 'Request refused: the person is not staff' });
    return { status: 'not-permitted', message: `Only ${whoMay('accessRequest.submit')} can ask for a blocked website to be opened (Social Media Policy, section 9).` };
  }
  const input = validateAccessRequestInput(form);
  if (!input.ok) return { status: 'invalid', errors: input.errors };
  const requests = deps.stores.accessRequests;
  try {
    // Insert first: the submission key is unique, so a second click is caught by the store and
    // the usual single click costs one write, not a read and a write.
    let request: Versioned<AccessRequest>;
    try {
      request = await requests.insert(newAccessRequest(input.value, { personId: requester.id, name: requester.displayName }, submissionKey, deps.clock.now()));
    } catch (error) {
      const winner = error instanceof DuplicateRecordError ? await findBySubmissionKey(deps, submissionKey) : undefined;
      if (winner) return sameRequester(winner, requester);
      throw error;
    }
    await recordAudit(deps, requester, { action: 'access-request.submitted', recordType: 'accessRequest', recordId: request.id, summary: 'Blocked-content access request submitted' });
    return { status: 'saved', request, alreadySaved: false };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      deps.log.error('An access request could not be saved', error);
      return { status: 'not-saved', message: 'Your request was NOT saved because the school records could not be reached. Please try again in a few minutes.' };
    }
    throw error;
  }
}

function sameRequester(request: Versioned<AccessRequest>, requester: Person): SubmitAccessRequestResult {
  // The key arrives in card data, which is never trusted: it only ever finds the sender's own request.
  if (request.requesterId !== requester.id) return { status: 'not-saved', message: 'This form could not be used. Please start a new request.' };
  return { status: 'saved', request, alreadySaved: true };
}

async function findBySubmissionKey(deps: AppDeps, submissionKey: string): Promise<Versioned<AccessRequest> | undefined> {
  const page = await deps.stores.accessRequests.find({ where: { submissionKey }, limit: 1 });
  return page.items[0];
}
