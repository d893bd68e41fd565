/**
 * A request to open a blocked website, step by step (s.9 and Appendix A): what each signed step
 * records on the request and in its history, as the requester, the online safety lead, the
 * headteacher and the ICT technician later read it.
 */
import {
  newAccessRequest,
  type AccessAction,
  type AccessRequest,
  type AccessRequestState,
} from '../../../../bot/src/domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../../../bot/src/domain/access/access-workflow';
import type { Person } from '../../../../bot/src/domain/people/person';
import { applyStep } from '../../../../bot/src/domain/workflow/workflow-rules';

const NOW = new Date('2026-11-24T10:30:00Z');
const LATER = new Date('2026-11-25T09:00:00Z');
const requester = { personId: 'p-requester', name: 'Priya Shah' };
const INPUT = {
  url: 'https://example.org/videos',
  siteContent: 'Videos',
  reasons: 'Lessons',
  risksAndControls: 'Teacher screen only',
  period: { from: '2026-11-24', to: '2026-12-18' },
  scope: { kind: 'staff' as const },
};
const lead: Person = { id: 'p-lead', displayName: 'Megan Bowen', roles: ['staff', 'onlineSafetyLead'] };
const ict: Person = { id: 'p-ict', displayName: 'Lynne Robbins', roles: ['staff', 'ictTechnician'] };

const request = (state: AccessRequestState): AccessRequest => ({ ...newAccessRequest(INPUT, requester, 'k', NOW), id: '1', state });
const step = (state: AccessRequestState, input: AccessAction, actor: Person) => {
  const result = applyStep(ACCESS_WORKFLOW, request(state), input, actor, LATER);
  if (!result.ok) throw new Error(result.error.message);
  return result.request;
};

describe('the online safety lead sends a request on (s.9, Appendix A)', () => {
  it('with nothing added: the review records an empty note and no added risks, and the history no note', () => {
    const sent = step('withOnlineSafetyLead', { type: 'forward' }, lead);
    expect([sent.state, sent.leadReview?.note, sent.leadReview?.addedRisksAndControls, sent.history.at(-1)?.note]).toEqual([
      'withHeadteacher',
      '',
      '',
      undefined,
    ]);
  });

  it('with a note and added controls: both are kept for the headteacher', () => {
    const sent = step('withOnlineSafetyLead', { type: 'forward', note: 'Fine for Year 6', addedRisksAndControls: 'Adverts' }, lead);
    expect([sent.leadReview?.note, sent.leadReview?.addedRisksAndControls, sent.history.at(-1)?.note]).toEqual([
      'Fine for Year 6',
      'Adverts',
      'Fine for Year 6',
    ]);
  });
});

describe('the ICT technician opens the site (s.9)', () => {
  it('without a note: signed, with an empty note and none in the history', () => {
    const opened = step('approved', { type: 'markDone' }, ict);
    expect([opened.state, opened.actioned?.note, opened.actioned?.signature.name, opened.history.at(-1)?.note]).toEqual([
      'unblocked',
      '',
      'Lynne Robbins',
      undefined,
    ]);
  });

  it('with a note: the history shows what they did', () => {
    const opened = step('approved', { type: 'markDone', note: 'Allowed in the filter for staff' }, ict);
    expect([opened.actioned?.note, opened.history.at(-1)?.note]).toEqual([
      'Allowed in the filter for staff',
      'Allowed in the filter for staff',
    ]);
  });
});

describe('the ICT technician blocks the site again when its period ends (s.9)', () => {
  it('without a note: signed, with an empty note and none in the history', () => {
    const blocked = step('unblocked', { type: 'reblock' }, ict);
    expect([blocked.state, blocked.reblocked?.note, blocked.reblocked?.signature.name, blocked.history.at(-1)?.note]).toEqual([
      'reblocked',
      '',
      'Lynne Robbins',
      undefined,
    ]);
  });

  it('with a note: the history shows what they did', () => {
    const blocked = step('unblocked', { type: 'reblock', note: 'Blocked in the filter again' }, ict);
    expect([blocked.reblocked?.note, blocked.history.at(-1)?.note]).toEqual(['Blocked in the filter again', 'Blocked in the filter again']);
  });
});

describe('the online safety lead ends an open unblock sooner (s.9)', () => {
  it('the history says the new last day', () => {
    const ended = step('unblocked', { type: 'setEnd', endDate: '2026-12-04' }, lead);
    expect([ended.period, ended.history.at(-1)?.note]).toEqual([{ from: '2026-11-24', to: '2026-12-04' }, 'Last day: 2026-12-04']);
  });
});

describe("a new request's audit line (what happened, never what the request says)", () => {
  it('names the kind of request only, not the site asked for', () => {
    expect(ACCESS_WORKFLOW.submission.audit(request('withOnlineSafetyLead'))).toBe('Blocked-content access request submitted');
  });
});
