import { may } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { RequestType } from '../../domain/records/record-type';
import { maySeeRequest, pendingActions, stepsFor } from '../../domain/workflow/workflow-rules';
import type { Page, Versioned } from '../../ports/collection.port';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../record-audit';
import { holdersFor } from '../role-holders';
import { REQUEST_KINDS, storeOf, type RequestOf, type StepOf } from './request-kinds';

export type ViewResult<R, S> = { status: 'ok'; request: Versioned<R>; steps: S[] } | { status: 'not-permitted' } | { status: 'not-found' };

/**
 * A request for someone who may see it: its requester, those who oversee the type, anyone who took
 * a step on it, and whoever may take a step now (the chair deciding the headteacher's own request).
 * Refusals are audited, without the request's contents.
 */
export async function viewRequest<T extends RequestType>(
  deps: AppDeps,
  type: T,
  viewer: Person,
  requestId: string,
): Promise<ViewResult<RequestOf<T>, StepOf<T>>> {
  const { workflow } = REQUEST_KINDS[type];
  const request = await findRequest(deps, type, requestId);
  if (!request) return { status: 'not-found' };
  const steps = await requestStepsFor(deps, type, viewer, request);
  if (!maySeeRequest(workflow, request, viewer) && steps.length === 0) {
    await recordAudit(deps, viewer, {
      action: `${workflow.auditName}.view.denied`,
      recordType: type,
      recordId: request.id,
      summary: 'Viewing refused: the person may not see this request',
    });
    return { status: 'not-permitted' };
  }
  return { status: 'ok', request, steps };
}

/**
 * The steps this person may take on the request now (the buttons its card gives them), looking up who holds the roles only when they stand
 * in for one.
 */
export async function requestStepsFor<T extends RequestType>(
  deps: Pick<AppDeps, 'directory'>,
  type: T,
  person: Person,
  request: RequestOf<T>,
): Promise<StepOf<T>[]> {
  const { workflow } = REQUEST_KINDS[type];
  return stepsFor(workflow, request, person, await holdersFor(deps, person, pendingActions(workflow, request))) as StepOf<T>[];
}

/** The request, read fresh, when the id is one (card data is never trusted). */
export async function findRequest<T extends RequestType>(
  deps: Pick<AppDeps, 'stores'>,
  type: T,
  requestId: string | undefined,
): Promise<Versioned<RequestOf<T>> | undefined> {
  if (!requestId || !/^\d{1,12}$/.test(requestId)) return undefined;
  return storeOf(deps.stores, type).get(requestId);
}

/** The newest requests of a type a person may see: everyone's for those who oversee the type, otherwise their own. */
export async function listRequests<T extends RequestType>(
  deps: Pick<AppDeps, 'stores'>,
  type: T,
  person: Person,
  page: { limit: number; cursor?: string; onlyMine?: boolean },
): Promise<Page<Versioned<RequestOf<T>>>> {
  const mineOnly = page.onlyMine || !may(person, REQUEST_KINDS[type].workflow.viewAll);
  return storeOf(deps.stores, type).find({
    ...(mineOnly ? { where: { requesterId: person.id } } : {}),
    newestFirst: true,
    limit: page.limit,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
}
