import type { RoleHolders } from '../../domain/authorization/deciders';
import type { Action } from '../../domain/authorization/permissions';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import { holdersFor } from '../role-holders';
import type { WaitingItem, WaitingProvider, WaitingRecordType } from './waiting-item';

interface Request<S extends string> {
  id: string;
  requesterId: string;
  requesterName: string;
  state: S;
  updatedAt: string;
}

/**
 * What the inbox needs to know of a request type, all of it from the type's own domain rules: its
 * states, which steps each state waits for, and which steps a person may take now.
 */
export interface WaitingRequestType<S extends string, R extends Request<S>> {
  recordType: WaitingRecordType;
  states: readonly S[];
  /** Every step's action: someone standing in for a role (the chair for the headteacher) needs to know who holds it. */
  actions: readonly Action[];
  /** The requests in one state (the stores filter on `state`, an indexed field). */
  inState(stores: Stores, state: S): Promise<Versioned<R>[]>;
  awaited(request: Pick<R, 'state'>): string[];
  available(request: R, person: Person, holders?: RoleHolders): string[];
  reference(id: string): string;
  /** The item as the list shows it, apart from what every request has. */
  describe(request: R): Pick<WaitingItem, 'title'> & Partial<Pick<WaitingItem, 'facts'>>;
}

/**
 * The requests of one type that wait for the person: those in a state that waits for a step this
 * person may take now. The item offers every step they may take (withdrawing too, for a requester).
 */
export function requestsWaiting<S extends string, R extends Request<S>>(type: WaitingRequestType<S, R>): WaitingProvider {
  return async (deps, person) => {
    const holders = await holdersFor(deps, person, type.actions);
    const items: WaitingItem[] = [];
    for (const state of type.states) {
      const awaited = type.awaited({ state });
      if (awaited.length === 0) continue;
      for (const request of await type.inState(deps.stores, state)) {
        const steps = type.available(request, person, holders);
        if (!steps.some((step) => awaited.includes(step))) continue;
        items.push({ recordType: type.recordType, recordId: request.id, reference: type.reference(request.id), from: request.requesterName, since: request.updatedAt, steps, version: request.version, ...type.describe(request) });
      }
    }
    return items;
  };
}
