import { finishedStates, refusal, withdrawal } from '../workflow/common-steps';
import { defineWorkflow } from '../workflow/workflow';
import { accessReference, newAccessRequest, type AccessAction, type AccessRequest } from './access-request';
import {
  addedRisksSchema,
  endDateSchema,
  reasonsSchema,
  reviewNoteSchema,
  validateAccessRequestInput,
  type AccessRequestForm,
  type AccessRequestInput,
} from './access-request-input';
import { endDateProblem, endedBy, shortened } from './unblock';

/**
 * A request to open a blocked website (s.9 and Appendix A): a member of staff asks, the online
 * safety lead reviews it (sends it on, or returns it for changes), the headteacher approves or
 * refuses it with reasons (and may shorten its period), and the ICT technician opens the site for the
 * period and the people asked for. Once the period ends the ICT technician blocks it again (the daily
 * job sends them the card; the online safety lead sees any left open). The requester is told at each
 * step; every step is signed. Who may take each step is in permissions.ts; nobody decides their own request.
 */
export const ACCESS_WORKFLOW = defineWorkflow<AccessRequest, AccessAction, AccessRequestForm, AccessRequestInput>({
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
    // Then planUnblockEnds asks the ICT technician to block it again, and the online safety lead
    // sees it in Waiting for me until they have.
    unblocked: { label: 'Site opened', dormantUntil: 'its last day' },
    ...finishedStates({ refused: 'Refused', withdrawn: 'Withdrawn', reblocked: 'Blocked again' }),
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
      fields: { reasons: reasonsSchema, endDate: endDateSchema },
      check: (request, step) => endProblem(request, step.endDate),
      apply: (request, step, signature) => ({
        changes: {
          state: 'approved',
          decision: { approved: true, reasons: step.reasons ?? '', signature },
          ...(request.period ? { period: shortened(request.period, step.endDate) } : {}),
        },
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
    reblock: {
      action: 'accessRequest.reblock',
      from: ['unblocked'],
      label: 'block this site again',
      fields: { note: reviewNoteSchema },
      // Asked for by the end-of-period card, not by the state: an open unblock waits on nobody before its end.
      awaited: false,
      apply: (_request, step, signature) => ({
        changes: { state: 'reblocked', reblocked: { note: step.note ?? '', signature } },
        ...(step.note ? { note: step.note } : {}),
      }),
    },
    setEnd: {
      action: 'accessRequest.setEnd',
      from: ['unblocked'],
      label: 'set the last day of this unblock',
      fields: { endDate: endDateSchema },
      requires: { field: 'endDate', message: 'Give the last day the site stays open.' },
      check: (request, step) => endProblem(request, step.endDate),
      // Offered to the online safety lead for a site opened before periods existed, or to end one sooner.
      awaited: false,
      apply: (request, step, signature) => ({
        changes: { period: endedBy(request, step.endDate ?? '') },
        note: `Last day: ${step.endDate ?? ''}`,
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
    reblock: { act: [], informed: ['requester'] },
    setEnd: { act: [], informed: [] },
    withdraw: { act: [], informed: [] },
  },
  nudges: { remindAfter: 2, escalateAfter: 3 },
  submission: {
    action: 'accessRequest.submit',
    read: (form, today) => validateAccessRequestInput(form, today),
    open: newAccessRequest,
    audit: () => 'Blocked-content access request submitted',
  },
});

/** A last day typed later than asked for, or before the first day, is refused on its field (not quietly ignored). */
function endProblem(request: AccessRequest, endDate: string | undefined): { field: string; message: string } | undefined {
  const message = endDateProblem(request.period, endDate);
  return message ? { field: 'endDate', message } : undefined;
}
