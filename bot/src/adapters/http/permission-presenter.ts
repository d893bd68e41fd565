import type { PermissionDetail } from '../../contracts/permissions';
import type { Person } from '../../domain/people/person';
import type { PermissionRequest, PermissionStep } from '../../domain/permission/permission-request';
import type { Signature } from '../../domain/workflow/workflow';
import { stateLabel } from '../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../domain/workflow/workflows';
import type { Versioned } from '../../ports/collection.port';

/** Any of the smaller permissions as the tab's API answers it, with the steps this person may take now. */
export function permissionDetail(request: Versioned<PermissionRequest>, viewer: Person, steps: PermissionStep[]): PermissionDetail {
  const workflow = WORKFLOWS[request.requestType];
  const signed = (signature: Signature) => ({ signedBy: signature.name, signedAt: signature.at });
  return {
    id: request.id,
    reference: workflow.reference(request.id),
    requestType: request.requestType,
    state: request.state,
    stateLabel: stateLabel(workflow, request.state, request.requesterId === viewer.id),
    requesterName: request.requesterName,
    submittedAt: request.submittedAt,
    updatedAt: request.updatedAt,
    version: request.version,
    details: request.details,
    decision: request.decision
      ? { approved: request.decision.approved, reasons: request.decision.reasons, ...signed(request.decision.signature) }
      : null,
    completed: request.completed ? { note: request.completed.note, ...signed(request.completed.signature) } : null,
    steps,
  };
}
