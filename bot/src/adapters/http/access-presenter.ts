import { accessReference, type AccessActionType, type AccessRequest } from '../../domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../domain/access/access-workflow';
import type { Signature } from '../../domain/workflow/workflow';
import { stateLabel } from '../../domain/workflow/workflow-rules';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { AccessRequestDetail, AccessRequestSummary } from '../../contracts/access-requests';

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
    steps,
  };
}
