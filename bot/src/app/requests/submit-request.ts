import { may } from '../../domain/authorization/permissions';
import { today } from '../../domain/calendar/zoned-time';
import type { Person } from '../../domain/people/person';
import type { RequestType } from '../../domain/records/record-type';
import { DuplicateRecordError, StoreUnavailableError, type Versioned } from '../../ports/collection.port';
import type { CardMessageRecord } from '../../ports/conversation.port';
import { PartlySavedError, type SavedTogether } from '../../ports/save-together.port';
import type { AppDeps } from '../app-deps';
import type { FieldProblems } from '../outcome';
import { auditEntry, recordAudit } from '../record-audit';
import { REQUEST_KINDS, type RequestOf } from './request-kinds';
import { withReferences } from './form-references';
import { announceStep, sendStepNotices, stepAudience, stepNotices } from './step-notices';
import { storeWhatIsLeft } from './store-what-is-left';

export type SubmitResult<R> =
  | { status: 'ok'; request: Versioned<R>; alreadySaved: boolean }
  | { status: 'invalid'; errors: FieldProblems }
  | { status: 'not-permitted' }
  /** The form's key belongs to someone else's request: the form cannot be used. */
  | { status: 'stale' }
  | { status: 'not-saved' };

/**
 * A person makes a request of any type. The submission key comes from the form card, so a second
 * click on the same form (or Teams sending the same activity again) finds the first request, and
 * its notices are planned once. The request, its audit entry, its notices and the card that was
 * clicked are saved together (`stores.together`); the notices go after the answer.
 */
export async function submitRequest<T extends RequestType>(
  deps: AppDeps,
  type: T,
  requester: Person,
  form: unknown,
  submissionKey: string,
  clicked: ClickedForm = {},
): Promise<SubmitResult<RequestOf<T>>> {
  const kind = REQUEST_KINDS[type];
  const { submission, auditName } = kind.workflow;
  if (!may(requester, submission.action)) {
    await recordAudit(deps, requester, {
      action: `${auditName}.submit.denied`,
      recordType: type,
      recordId: '-',
      summary: 'Request refused: the person is not staff',
    });
    return { status: 'not-permitted' };
  }
  const read = submission.read(form, today(deps.clock));
  if (!read.ok) return { status: 'invalid', errors: read.errors };
  const store = kind.store(deps.stores);
  try {
    const named = submission.refersTo ? await withReferences(deps, submission.refersTo, read.value as Record<string, string>) : read;
    if (!named.ok) return { status: 'invalid', errors: named.errors };
    const prepared = kind.prepare ? await kind.prepare(deps, named.value) : named.value;
    const draft = submission.open(prepared, { personId: requester.id, name: requester.displayName }, submissionKey, deps.clock.now());
    const audience = await stepAudience(deps, type, draft, requester);
    // Insert first: the submission key is unique, so a second click is caught by the store and
    // the usual single click costs one write, not a read and a write.
    let saved: SavedTogether<RequestOf<T>>;
    try {
      saved = await deps.stores.together.insert<RequestOf<T>>(kind.storeName, draft as Omit<RequestOf<T>, 'id'>, (request) => {
        const clickedCard = clicked.card?.(request.id);
        return {
          audit: auditEntry(deps, requester, {
            action: `${auditName}.submitted`,
            recordType: type,
            recordId: request.id,
            summary: submission.audit(draft),
          }),
          notices: stepNotices(deps, type, request, audience),
          ...(clickedCard ? { clickedCard } : {}),
        };
      });
    } catch (error) {
      if (error instanceof PartlySavedError) {
        // Saved, but not all that goes with it: the notices are stored again under the same keys.
        const request = error.record as Versioned<RequestOf<T>>;
        deps.log.error(`The audit entry or notices of a new ${type} ${request.id} could not all be stored`, error.cause);
        await announceStep(deps, type, request, requester, clicked.activityId);
        storeWhatIsLeft(deps, type, error, () => announceStep(deps, type, request, requester, clicked.activityId));
        return { status: 'ok', request, alreadySaved: false };
      }
      if (!(error instanceof DuplicateRecordError)) throw error;
      const first = (await store.find({ where: { submissionKey }, limit: 1 })).items[0] as Versioned<RequestOf<T>> | undefined;
      if (!first) throw error;
      // The key arrives in card data, which is never trusted: it only ever finds the sender's own request.
      if (first.requesterId !== requester.id) return { status: 'stale' };
      // The same form again (a retried request): its notices are planned once, and sent if the first try could not.
      if (first.history.at(-1)?.personId === requester.id) await announceStep(deps, type, first, requester, clicked.activityId);
      return { status: 'ok', request: first, alreadySaved: true };
    }
    const notices = { entries: saved.notices, missingRoles: audience.missingRoles };
    sendStepNotices(deps, type, saved.record, notices, requester, clicked.activityId);
    return { status: 'ok', request: saved.record, alreadySaved: false };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      deps.log.error(`A new ${type} could not be saved`, error);
      return { status: 'not-saved' };
    }
    throw error;
  }
}

/** The card the form was sent from, when it came from a card: not updated again, and remembered with a new request. */
export interface ClickedForm {
  activityId?: string;
  /** The card remembered against the new request (by its id), so that later steps update it in place. */
  card?: (requestId: string) => Omit<CardMessageRecord, 'id'> | undefined;
}
