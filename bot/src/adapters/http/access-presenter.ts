import { accessReference, type AccessActionType, type AccessRequest } from '../../domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../domain/access/access-workflow';
import type { Signature } from '../../domain/workflow/workflow';
import { stateLabel } from '../../domain/workflow/workflow-rules';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { AccessRequestDetail, AccessRequestSummary, UnblockRow } from '../../contracts/access-requests';
import { periodLabel, scopeLabel, UNBLOCK_STATUS_LABELS } from '../../domain/access/unblock';
import { localDate } from '../../domain/calendar/zoned-time';
import type { RegisterEntry } from '../../app/unblocks/unblock-register';

/** A request as the tab lists it, its status worded for the person reading it. */
export function accessSummary(request: AccessRequest, viewer: Person): AccessRequestSummary {
  return {
    id: request.id,
    reference: accessReference(request.id),
    url: request.url,
    state: request.state,
    stateLabel: stateLabel(ACCESS_WORKFLOW, request.state, request.requesterId === viewer.id),
    requesterName: request.requesterName,
    submittedAt: request.submittedAt,
    updatedAt: request.updatedAt,
  };
}

/** An access request as its tab page shows it (Appendix A, both halves), with the steps this person may take now. */
export function accessDetail(request: Versioned<AccessRequest>, viewer: Person, steps: AccessActionType[]): AccessRequestDetail {
  const signed = (signature: Signature) => ({ signedBy: signature.name, signedAt: signature.at });
  return {
    ...accessSummary(request, viewer),
    version: request.version,
    siteContent: request.siteContent,
    reasons: request.reasons,
    risksAndControls: request.risksAndControls,
    leadReview: request.leadReview
      ? {
          outcome: request.leadReview.outcome,
          note: request.leadReview.note,
          addedRisksAndControls: request.leadReview.addedRisksAndControls,
          ...signed(request.leadReview.signature),
        }
      : null,
    decision: request.decision
      ? { approved: request.decision.approved, reasons: request.decision.reasons, ...signed(request.decision.signature) }
      : null,
    actioned: request.actioned ? { note: request.actioned.note, ...signed(request.actioned.signature) } : null,
    scope: scopeLabel(request.scope),
    period: periodLabel(request.period),
    reblocked: request.reblocked ? { note: request.reblocked.note, ...signed(request.reblocked.signature) } : null,
    steps,
  };
}

/** One line of the register of unblocks: what was allowed, for whom, why, who approved it and where it stands. */
export function unblockRow({ request, status }: RegisterEntry): UnblockRow {
  const day = (signature: Signature | undefined) => (signature ? localDate(new Date(signature.at)) : '');
  return {
    id: request.id,
    reference: accessReference(request.id),
    url: request.url,
    reasons: request.reasons,
    scope: scopeLabel(request.scope),
    from: request.period?.from ?? null,
    to: request.period?.to ?? null,
    approvedBy: request.decision?.signature.name ?? '',
    approvedOn: day(request.decision?.signature),
    openedOn: day(request.actioned?.signature),
    reblockedOn: request.reblocked ? day(request.reblocked.signature) : null,
    status,
    statusLabel: UNBLOCK_STATUS_LABELS[status],
  };
}
