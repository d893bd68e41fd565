import { reasonsSchema } from '../access/access-request-input';
import type { Action } from '../authorization/permissions';
import type { RequestRecord, Signature, StateDefinition, StepDefinition } from './workflow';

/** A decision as Appendix A records it: approved ✓ or X, the reasons, and who signed it when. */
export interface Decision {
  approved: boolean;
  reasons: string;
  signature: Signature;
}

/** The states nothing more happens in, by name, each with its label. */
export function finishedStates<S extends string>(labels: Record<S, string>): Record<S, StateDefinition> {
  return Object.fromEntries(Object.entries<string>(labels).map(([state, label]) => [state, { label, finished: true }])) as Record<
    S,
    StateDefinition
  >;
}

/** The requester withdraws their own request while it is open: always offered, never waited for. */
export function withdrawal<R extends RequestRecord>(action: Action, from: readonly R['state'][]): StepDefinition<R, { type: 'withdraw' }> {
  return { action, from, label: 'withdraw this request', awaited: false, apply: () => ({ changes: { state: 'withdrawn' } as Partial<R> }) };
}

/** A refusal: it needs reasons, so the requester knows why (Appendix A "Reasons"); it is signed and final. */
export function refusal<R extends RequestRecord & { decision?: Decision }>(
  action: Action,
  from: readonly R['state'][],
  label: string,
  why: string,
): StepDefinition<R, { type: 'refuse'; reasons?: string }> {
  return {
    action,
    from,
    label,
    fields: { reasons: reasonsSchema },
    requires: { field: 'reasons', message: why },
    apply: (_request, step, signature) => ({
      changes: { state: 'refused', decision: { approved: false, reasons: step.reasons ?? '', signature } } as Partial<R>,
      note: step.reasons,
    }),
  };
}
