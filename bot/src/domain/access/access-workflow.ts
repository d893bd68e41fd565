import { finishedStates, refusal, withdrawal } from '../workflow/common-steps';
import { defineWorkflow } from '../workflow/workflow';
import { accessReference, newAccessRequest, type AccessAction, type AccessRequest } from './access-request';
import {
  addedRisksSchema,
  reasonsSchema,
  reviewNoteSchema,
  validateAccessRequestInput,
  type AccessRequestInput,
} from './access-request-input';

/**
 * A request to open a blocked website (s.9 and Appendix A): a member of staff asks, the online
 * safety lead reviews it (sends it on, or returns it for changes), the headteacher approves or
 * refuses it with reasons, and the ICT technician opens the site. The requester is told at each step;
 * every step is signed. Who may take each step is in permissions.ts; nobody decides their own request.
 */
export const ACCESS_WORKFLOW = defineWorkflow<AccessRequest, AccessAction, AccessRequestInput>({
  type: 'accessRequest',
  name: 'Access request',
  summary: (request) => request.url,
  auditName: 'access-request',
  reference: accessReference,
  viewAll: 'accessRequest.viewAll',
  states: {
    withOnlineSafetyLead: { label: 'With the online safety lead', waitsOn: 'onlineSafetyLead', escalateTo: 'headteacher' },
    returnedToRequester: {
      label: 'Returned to the requester for changes',
      forRequester: 'Returned to you for changes',
      waitsOn: 'requester',
    },
    withHeadteacher: { label: 'With the headteacher', waitsOn: 'headteacher', escalateTo: 'chairOfGovernors' },
    // The online safety lead owns the filtering decisions, so an unblock left undone goes to them.
    approved: { label: 'Approved — waiting for ICT', waitsOn: 'ictTechnician', escalateTo: 'onlineSafetyLead' },
    ...finishedStates({ refused: 'Refused', unblocked: 'Site opened', withdrawn: 'Withdrawn' }),
  },
  steps: {
    forward: {
      action: 'accessRequest.forward',
      from: ['withOnlineSafetyLead'],
      label: 'send this request to the headteacher',
      fields: { note: reviewNoteSchema, addedRisksAndControls: addedRisksSchema },
      apply: (_request, step, signature) => ({
        changes: {
          state: 'withHeadteacher',
          leadReview: { outcome: 'forwarded', note: step.note ?? '', addedRisksAndControls: step.addedRisksAndControls ?? '', signature },
        },
        ...(step.note ? { note: step.note } : {}),
      }),
    },
    return: {
      action: 'accessRequest.return',
      from: ['withOnlineSafetyLead'],
      label: 'return this request',
      fields: { note: reviewNoteSchema },
      requires: { field: 'note', message: 'Say why the request is being returned, so the requester can fix it.' },
      apply: (_request, step, signature) => ({
        changes: {
          state: 'returnedToRequester',
          leadReview: { outcome: 'returned', note: step.note ?? '', addedRisksAndControls: '', signature },
        },
        note: step.note ?? '',
      }),
    },
    approve: {
      action: 'accessRequest.approve',
      from: ['withHeadteacher'],
      label: 'approve this request',
      fields: { reasons: reasonsSchema },
      apply: (_request, step, signature) => ({
        changes: { state: 'approved', decision: { approved: true, reasons: step.reasons ?? '', signature } },
        ...(step.reasons ? { note: step.reasons } : {}),
      }),
    },
    refuse: refusal(
      'accessRequest.refuse',
      ['withHeadteacher'],
      'refuse this request',
      'A refusal needs reasons (Appendix A), so the requester knows why.',
    ),
    markDone: {
      action: 'accessRequest.markDone',
      from: ['approved'],
      label: 'mark this site as opened',
      fields: { note: reviewNoteSchema },
      apply: (_request, step, signature) => ({
        changes: { state: 'unblocked', actioned: { note: step.note ?? '', signature } },
        ...(step.note ? { note: step.note } : {}),
      }),
    },
    withdraw: withdrawal('accessRequest.withdraw', ['withOnlineSafetyLead', 'returnedToRequester', 'withHeadteacher']),
    resubmit: {
      action: 'accessRequest.resubmit',
      from: ['returnedToRequester'],
      label: 'resubmit this request',
      takesForm: true,
      apply: (_request, step) => ({ changes: { ...step.input, state: 'withOnlineSafetyLead' } }),
    },
  },
  told: {
    submit: { act: ['onlineSafetyLead'], informed: [] },
    resubmit: { act: ['onlineSafetyLead'], informed: [] },
    forward: { act: ['headteacher'], informed: ['requester'] },
    return: { act: ['requester'], informed: [] },
    approve: { act: ['ictTechnician'], informed: ['requester'] },
    refuse: { act: [], informed: ['requester'] },
    markDone: { act: [], informed: ['requester'] },
    withdraw: { act: [], informed: [] },
  },
  nudges: { remindAfter: 2, escalateAfter: 3 },
  submission: {
    action: 'accessRequest.submit',
    read: (form) => validateAccessRequestInput(form),
    open: newAccessRequest,
    audit: () => 'Blocked-content access request submitted',
  },
});
