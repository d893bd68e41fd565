/**
 * Permission to post (s.4, s.5, s.6; Appendix A): the workflow's definition as the requester and the
 * headteacher read it — each state's words, each step's words and who it waits on — written out.
 */
import { POSTING_STATES, postingReference } from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../../../bot/src/domain/posting/posting-workflow';
import { outline } from '../../../fixtures/workflow-steps';

describe('permission to post: what it is called (s.5)', () => {
  it('is "Permission to post", audited as posting-request, seen whole by postingRequest.viewAll', () => {
    expect([POSTING_WORKFLOW.type, POSTING_WORKFLOW.name, POSTING_WORKFLOW.auditName, POSTING_WORKFLOW.viewAll]).toEqual([
      'postingRequest',
      'Permission to post',
      'posting-request',
      'postingRequest.viewAll',
    ]);
    expect(POSTING_WORKFLOW.submission.action).toBe('postingRequest.submit');
  });

  it('a request to post is referred to as P-7, never a bare number', () => {
    expect([postingReference('7'), POSTING_WORKFLOW.reference('7')]).toEqual(['P-7', 'P-7']);
  });

  it('reminds after 2 working days and escalates after 3 (s.5: the headteacher decides promptly)', () => {
    expect(POSTING_WORKFLOW.nudges).toEqual({ remindAfter: 2, escalateAfter: 3 });
  });
});

describe('permission to post: each state as the requester and the headteacher read it (s.4, s.5)', () => {
  it.each<[string, object]>([
    [
      'checksFailed',
      {
        label: 'Needs changes before the headteacher can decide',
        forRequester: 'Needs your changes before the headteacher can decide',
        waitsOn: 'requester',
        unreminded: true,
      },
    ],
    ['withHeadteacher', { label: 'With the headteacher', waitsOn: 'headteacher', escalateTo: 'chairOfGovernors' }],
    [
      'approved',
      {
        label: 'Approved — waiting for the requester to post it',
        forRequester: 'Approved — post it, then confirm with the link',
        waitsOn: 'requester',
      },
    ],
    ['refused', { label: 'Refused', finished: true }],
    ['posted', { label: 'Posted and registered', finished: true }],
    ['withdrawn', { label: 'Withdrawn', finished: true }],
  ])('%s', (state, definition) => {
    expect(POSTING_WORKFLOW.states[state as keyof typeof POSTING_WORKFLOW.states]).toEqual(definition);
  });

  it('has those six states and no others', () => {
    expect(Object.keys(POSTING_WORKFLOW.states)).toEqual(['checksFailed', 'withHeadteacher', 'approved', 'refused', 'posted', 'withdrawn']);
    expect(POSTING_STATES).toEqual(['checksFailed', 'withHeadteacher', 'approved', 'refused', 'posted', 'withdrawn']);
  });
});

describe('permission to post: each step, as "Only … can <label>" names it (s.4, s.5, Appendix A)', () => {
  it.each<[string, object]>([
    ['approve', { action: 'postingRequest.approve', from: ['withHeadteacher'], label: 'approve a post', fields: ['reasons'] }],
    [
      'refuse',
      {
        action: 'postingRequest.refuse',
        from: ['withHeadteacher'],
        label: 'refuse a post',
        fields: ['reasons'],
        requires: { field: 'reasons', message: 'A refusal needs reasons, so the requester knows what to change.' },
      },
    ],
    [
      'withdraw',
      {
        action: 'postingRequest.withdraw',
        from: ['checksFailed', 'withHeadteacher', 'approved'],
        label: 'withdraw this request',
        fields: [],
        awaited: false,
      },
    ],
    [
      'resubmit',
      {
        action: 'postingRequest.resubmit',
        from: ['checksFailed', 'withHeadteacher'],
        label: 'change this request',
        fields: [],
        takesForm: true,
      },
    ],
    ['confirmPosted', { action: 'postingRequest.confirmPosted', from: ['approved'], label: 'confirm this post', fields: ['link'] }],
  ])('%s', (step, definition) => {
    expect(outline(POSTING_WORKFLOW.steps[step as keyof typeof POSTING_WORKFLOW.steps])).toEqual(definition);
  });
});

describe('permission to post: who each history line asks to act and tells (s.5)', () => {
  it.each<[string, object]>([
    ['submit', { act: ['headteacher'], informed: [] }],
    ['resubmit', { act: ['headteacher'], informed: [] }],
    ['approve', { act: ['requester'], informed: [] }],
    ['refuse', { act: [], informed: ['requester'] }],
    ['withdraw', { act: [], informed: [] }],
    ['confirmPosted', { act: [], informed: [] }],
    ['attach', { act: [], informed: [] }],
    ['detach', { act: [], informed: [] }],
  ])('%s', (line, telling) => {
    expect(POSTING_WORKFLOW.told[line as keyof typeof POSTING_WORKFLOW.told]).toEqual(telling);
  });
});
