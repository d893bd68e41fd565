import type { RequestType } from '../../domain/records/record-type';
import { stepNames, stepsAwaited, stepsFor } from '../../domain/workflow/workflow-rules';
import { readAll } from '../read-all';
import { REQUEST_KINDS, storeOf, type RequestOf } from '../requests/request-kinds';
import { holdersFor } from '../role-holders';
import type { WaitingItem, WaitingProvider } from './waiting-item';

/**
 * The requests of one type that wait for the person, from its definition: those in a state that
 * waits for a step this person may take now (`stepsAwaited`). The item offers every step they may
 * take (withdrawing too, for a requester), as the request's card does.
 */
export function requestsWaiting<T extends RequestType>(
  type: T,
  describe: (request: RequestOf<T>) => Pick<WaitingItem, 'title'> & Partial<Pick<WaitingItem, 'facts'>>,
): WaitingProvider {
  return async (deps, person) => {
    const { workflow } = REQUEST_KINDS[type];
    // Someone standing in for a role (the chair for the headteacher) needs to know who holds it.
    const holders = await holdersFor(
      deps,
      person,
      stepNames(workflow).map((step) => workflow.steps[step]!.action),
    );
    const items: WaitingItem[] = [];
    for (const [state, definition] of Object.entries(workflow.states)) {
      if (!definition.waitsOn) continue;
      for (const request of await readAll((cursor) =>
        storeOf(deps.stores, type).find({
          where: { state } as { state: RequestOf<T>['state'] },
          limit: 200,
          ...(cursor ? { cursor } : {}),
        }),
      )) {
        if (stepsAwaited(workflow, request, person, holders).length === 0) continue;
        const steps = stepsFor(workflow, request, person, holders);
        items.push({
          recordType: type,
          recordId: request.id,
          reference: workflow.reference(request.id),
          from: request.requesterName,
          since: request.updatedAt,
          steps,
          version: request.version,
          ...describe(request),
        });
      }
    }
    return items;
  };
}
