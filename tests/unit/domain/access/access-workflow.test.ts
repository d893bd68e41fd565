/**
 * A request to open a blocked website, step by step (s.9 and Appendix A): what each signed step
 * records on the request and in its history, as the requester, the online safety lead, the
 * headteacher and the ICT technician later read it.
 */
import {
  accessReference,
  ACCESS_REQUEST_STATES,
  newAccessRequest,
  type AccessAction,
  type AccessRequest,
  type AccessRequestState,
} from '../../../../bot/src/domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../../../bot/src/domain/access/access-workflow';
import type { Person } from '../../../../bot/src/domain/people/person';
import { applyStep } from '../../../../bot/src/domain/workflow/workflow-rules';
import { outline } from '../../../fixtures/workflow-steps';

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

describe('a request to open a site: what it is called (s.9, Appendix A)', () => {
  it('is an "Access request", audited as access-request, seen whole by accessRequest.viewAll', () => {
    expect([ACCESS_WORKFLOW.type, ACCESS_WORKFLOW.name, ACCESS_WORKFLOW.auditName, ACCESS_WORKFLOW.viewAll]).toEqual([
      'accessRequest',
      'Access request',
      'access-request',
      'accessRequest.viewAll',
    ]);
    expect(ACCESS_WORKFLOW.submission.action).toBe('accessRequest.submit');
    expect(ACCESS_WORKFLOW.nudges).toEqual({ remindAfter: 2, escalateAfter: 3 });
  });

  it('an access request is referred to as A-12, never a bare number', () => {
    expect([accessReference('12'), ACCESS_WORKFLOW.reference('12')]).toEqual(['A-12', 'A-12']);
  });

  it('has these eight states, in this order', () => {
    const states = [
      'withOnlineSafetyLead',
      'returnedToRequester',
      'withHeadteacher',
      'approved',
      'unblocked',
      'refused',
      'withdrawn',
      'reblocked',
    ];
    expect(Object.keys(ACCESS_WORKFLOW.states)).toEqual(states);
    expect(ACCESS_REQUEST_STATES).toEqual([
      'withOnlineSafetyLead',
      'returnedToRequester',
      'withHeadteacher',
      'approved',
      'refused',
      'unblocked',
      'withdrawn',
      'reblocked',
    ]);
  });
});

describe('a request to open a site: each state as people read it (s.9)', () => {
  it.each<[string, object]>([
    ['withOnlineSafetyLead', { label: 'With the online safety lead', waitsOn: 'onlineSafetyLead', escalateTo: 'headteacher' }],
    [
      'returnedToRequester',
      { label: 'Returned to the requester for changes', forRequester: 'Returned to you for changes', waitsOn: 'requester' },
    ],
    ['withHeadteacher', { label: 'With the headteacher', waitsOn: 'headteacher', escalateTo: 'chairOfGovernors' }],
    ['approved', { label: 'Approved — waiting for ICT', waitsOn: 'ictTechnician', escalateTo: 'onlineSafetyLead' }],
    ['unblocked', { label: 'Site opened', dormantUntil: 'its last day' }],
    ['refused', { label: 'Refused', finished: true }],
    ['withdrawn', { label: 'Withdrawn', finished: true }],
    ['reblocked', { label: 'Blocked again', finished: true }],
  ])('%s', (state, definition) => {
    expect(ACCESS_WORKFLOW.states[state as AccessRequestState]).toEqual(definition);
  });
});

describe('a request to open a site: each step, as "Only … can <label>" names it (s.9, Appendix A)', () => {
  it.each<[string, object]>([
    [
      'forward',
      {
        action: 'accessRequest.forward',
        from: ['withOnlineSafetyLead'],
        label: 'send this request to the headteacher',
        fields: ['note', 'addedRisksAndControls'],
      },
    ],
    [
      'return',
      {
        action: 'accessRequest.return',
        from: ['withOnlineSafetyLead'],
        label: 'return this request',
        fields: ['note'],
        requires: { field: 'note', message: 'Say why the request is being returned, so the requester can fix it.' },
      },
    ],
    [
      'approve',
      { action: 'accessRequest.approve', from: ['withHeadteacher'], label: 'approve this request', fields: ['reasons', 'endDate'] },
    ],
    [
      'refuse',
      {
        action: 'accessRequest.refuse',
        from: ['withHeadteacher'],
        label: 'refuse this request',
        fields: ['reasons'],
        requires: { field: 'reasons', message: 'A refusal needs reasons (Appendix A), so the requester knows why.' },
      },
    ],
    ['markDone', { action: 'accessRequest.markDone', from: ['approved'], label: 'mark this site as opened', fields: ['note'] }],
    ['reblock', { action: 'accessRequest.reblock', from: ['unblocked'], label: 'block this site again', fields: ['note'], awaited: false }],
    [
      'setEnd',
      {
        action: 'accessRequest.setEnd',
        from: ['unblocked'],
        label: 'set the last day of this unblock',
        fields: ['endDate'],
        requires: { field: 'endDate', message: 'Give the last day the site stays open.' },
        awaited: false,
      },
    ],
    [
      'withdraw',
      {
        action: 'accessRequest.withdraw',
        from: ['withOnlineSafetyLead', 'returnedToRequester', 'withHeadteacher'],
        label: 'withdraw this request',
        fields: [],
        awaited: false,
      },
    ],
    [
      'resubmit',
      { action: 'accessRequest.resubmit', from: ['returnedToRequester'], label: 'resubmit this request', fields: [], takesForm: true },
    ],
  ])('%s', (step, definition) => {
    expect(outline(ACCESS_WORKFLOW.steps[step as AccessAction['type']])).toEqual(definition);
  });
});

describe('a request to open a site: who each history line asks to act and tells (s.9)', () => {
  it.each<[string, object]>([
    ['submit', { act: ['onlineSafetyLead'], informed: [] }],
    ['resubmit', { act: ['onlineSafetyLead'], informed: [] }],
    ['forward', { act: ['headteacher'], informed: ['requester'] }],
    ['return', { act: ['requester'], informed: [] }],
    ['approve', { act: ['ictTechnician'], informed: ['requester'] }],
    ['refuse', { act: [], informed: ['requester'] }],
    ['markDone', { act: [], informed: ['requester'] }],
    ['reblock', { act: [], informed: ['requester'] }],
    ['setEnd', { act: [], informed: [] }],
    ['withdraw', { act: [], informed: [] }],
  ])('%s', (line, telling) => {
    expect(ACCESS_WORKFLOW.told[line as keyof typeof ACCESS_WORKFLOW.told]).toEqual(telling);
  });
});
