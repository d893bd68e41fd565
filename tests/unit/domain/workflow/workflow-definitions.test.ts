/**
 * What the engine reads from each request type's definition that people see: the one line naming a
 * request in an inbox (the site, the school account), the audit line of a new request (counts only),
 * the form's checks, the actions a card may still offer, who the latest step tells, who may open a
 * request they once decided, and what a waiting request is waiting on since when. Expected answers
 * are written from the policy (s.5, s.9, Appendix A), not read from the definitions.
 */
import { newAccessRequest, type AccessRequestState } from '../../../../bot/src/domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../../../bot/src/domain/access/access-workflow';
import type { Person } from '../../../../bot/src/domain/people/person';
import { newPostingRequest, type PostingState } from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../../../bot/src/domain/posting/posting-workflow';
import { PERMISSION_WORKFLOWS } from '../../../../bot/src/domain/permission/permission-workflows';
import {
  applyStep,
  maySeeRequest,
  pendingActions,
  readStepFields,
  toldAfter,
  waitingOn,
} from '../../../../bot/src/domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../../../bot/src/domain/workflow/workflows';

const NOW = new Date('2026-11-24T10:30:00Z');
const LATER = new Date('2026-11-25T09:00:00Z');
const requester = { personId: 'p-requester', name: 'Priya Shah' };
const TEXT = { url: 'https://example.org/videos', siteContent: 'Videos', reasons: 'Lessons', risksAndControls: 'Teacher screen only' };
/** The form as typed, and as read: from today, for staff only. */
const FORM = { ...TEXT, scope: 'staff' };
const READ = { ...TEXT, period: { from: '2026-11-24' }, scope: { kind: 'staff' as const } };
/** As a request is opened from it: the last day filled in from the term dates. */
const INPUT = { ...READ, period: { from: '2026-11-24', to: '2026-12-18' } };
const DETAILS = {
  kind: 'post' as const,
  accountId: '1',
  accountLabel: 'X @RiversidePrimary',
  text: 'Sports day',
  media: ['images' as const],
  pupils: [],
  groupLabel: 'sports day',
  facesBlurred: false,
  postingDate: '2026-11-26',
};
const FAILURE = { check: 'consent' as const, message: 'Freya Jones (4B): consent was withdrawn for images.' };
const head: Person = { id: 'p-head', displayName: 'Adele Vance', roles: ['staff', 'headteacher'] };
const chair: Person = { id: 'p-chair', displayName: 'Lee Gu', roles: ['chairOfGovernors'] };
const colleague: Person = { id: 'p-colleague', displayName: 'Chris Colleague', roles: ['staff'] };
const lead: Person = { id: 'p-lead', displayName: 'Megan Bowen', roles: ['staff', 'onlineSafetyLead'] };

const access = (state: AccessRequestState) => ({ ...newAccessRequest(INPUT, requester, 'k', NOW), id: '1', state });
const posting = (state: PostingState) => ({ ...newPostingRequest(DETAILS, [], requester, 'k', NOW), id: '2', state });

describe('one line naming a request, for an inbox or a reminder', () => {
  it('a request to open a site is named by its web address (s.9)', () => {
    expect(ACCESS_WORKFLOW.summary(access('withHeadteacher'))).toBe('https://example.org/videos');
  });

  it('a request to post is named by the school account (s.5)', () => {
    expect(POSTING_WORKFLOW.summary(posting('withHeadteacher'))).toBe('X @RiversidePrimary');
  });
});

describe("a new request's audit line: what happened, never what the request says", () => {
  it.each([
    [
      'a request to open a site',
      ACCESS_WORKFLOW.submission.audit(newAccessRequest(INPUT, requester, 'k', NOW)),
      'Blocked-content access request submitted',
    ],
    [
      'a request to post that passed every check',
      POSTING_WORKFLOW.submission.audit(newPostingRequest(DETAILS, [], requester, 'k', NOW)),
      'Submitted; every check passed',
    ],
    [
      'a request to post that failed two checks',
      POSTING_WORKFLOW.submission.audit(newPostingRequest(DETAILS, [FAILURE, { ...FAILURE, check: 'fullName' }], requester, 'k', NOW)),
      'Submitted; 2 check(s) failed',
    ],
  ])('%s', (_case, line, expected) => {
    expect(line).toBe(expected);
  });
});

describe("the submission form is checked by the type's own rules", () => {
  it('a request to open a site needs its address (Appendix A)', () => {
    expect(ACCESS_WORKFLOW.submission.read({ ...FORM, url: '' }, '2026-11-24')).toMatchObject({
      ok: false,
      errors: { url: expect.any(String) },
    });
    expect(ACCESS_WORKFLOW.submission.read(FORM, '2026-11-24')).toEqual({ ok: true, value: READ });
  });

  it("a request to post may not be for a day already past, by the school's date (s.5)", () => {
    const form = { kind: 'parentReminder', accountId: '1', text: 'Trip slips by Friday', postingDate: '2026-11-24' };
    expect(POSTING_WORKFLOW.submission.read(form, '2026-11-24')).toMatchObject({ ok: true });
    expect(POSTING_WORKFLOW.submission.read(form, '2026-11-25')).toMatchObject({ ok: false, errors: { postingDate: expect.any(String) } });
  });

  it('a request to post opens with the checks the app ran: failed checks keep it from the headteacher (s.4)', () => {
    const opened = POSTING_WORKFLOW.submission.open({ details: DETAILS, checks: [FAILURE] }, requester, 'k-7', NOW);
    expect(opened).toMatchObject({
      state: 'checksFailed',
      checks: [FAILURE],
      accountLabel: 'X @RiversidePrimary',
      submissionKey: 'k-7',
      requesterId: 'p-requester',
    });
  });
});

describe('the actions a card may still offer in each state, whoever takes them', () => {
  it.each<[AccessRequestState, string[]]>([
    ['withOnlineSafetyLead', ['accessRequest.forward', 'accessRequest.return', 'accessRequest.withdraw']],
    ['returnedToRequester', ['accessRequest.withdraw', 'accessRequest.resubmit']],
    ['withHeadteacher', ['accessRequest.approve', 'accessRequest.refuse', 'accessRequest.withdraw']],
    ['approved', ['accessRequest.markDone']],
    ['refused', []],
    // An open unblock: the ICT technician blocks it again; the online safety lead may end it sooner.
    ['unblocked', ['accessRequest.reblock', 'accessRequest.setEnd']],
    ['reblocked', []],
    ['withdrawn', []],
  ])('a request to open a site, %s: %j', (state, actions) => {
    expect(pendingActions(ACCESS_WORKFLOW, { state })).toEqual(actions);
  });

  it.each<[PostingState, string[]]>([
    ['checksFailed', ['postingRequest.withdraw', 'postingRequest.resubmit']],
    ['withHeadteacher', ['postingRequest.approve', 'postingRequest.refuse', 'postingRequest.withdraw', 'postingRequest.resubmit']],
    ['approved', ['postingRequest.withdraw', 'postingRequest.confirmPosted']],
    ['posted', []],
  ])('a request to post, %s: %j', (state, actions) => {
    expect(pendingActions(POSTING_WORKFLOW, { state })).toEqual(actions);
  });
});

describe('who the latest step asks to act, and who it tells', () => {
  it('a new request to open a site goes to the online safety lead (s.9)', () => {
    expect(toldAfter(ACCESS_WORKFLOW, access('withOnlineSafetyLead'))).toEqual({ act: ['onlineSafetyLead'], informed: [] });
  });

  it('after the headteacher approves, the ICT technician acts and the requester is told (s.2, s.9)', () => {
    const approved = applyStep(ACCESS_WORKFLOW, access('withHeadteacher'), { type: 'approve' }, head, LATER);
    expect(approved.ok && toldAfter(ACCESS_WORKFLOW, approved.request)).toEqual({ act: ['ictTechnician'], informed: ['requester'] });
  });

  it('after a third step, the latest line decides: the ICT technician acts once the headteacher approves a forwarded request (s.9)', () => {
    const forwarded = applyStep(ACCESS_WORKFLOW, access('withOnlineSafetyLead'), { type: 'forward' }, lead, NOW);
    const approved = forwarded.ok && applyStep(ACCESS_WORKFLOW, forwarded.request, { type: 'approve' }, head, LATER);
    expect(
      approved && approved.ok && [approved.request.history.map((line) => line.step), toldAfter(ACCESS_WORKFLOW, approved.request)],
    ).toEqual([['submit', 'forward', 'approve'], { act: ['ictTechnician'], informed: ['requester'] }]);
  });

  it('a request with no history yet counts as just submitted', () => {
    expect(toldAfter(POSTING_WORKFLOW, { ...posting('withHeadteacher'), history: [] })).toEqual({ act: ['headteacher'], informed: [] });
  });
});

describe('who may open a request', () => {
  it("the chair of governors who decided the headteacher's own request may open it again; another member of staff may not", () => {
    const own = { ...access('withHeadteacher'), requesterId: head.id };
    const decided = applyStep(ACCESS_WORKFLOW, own, { type: 'approve', reasons: 'Curriculum' }, chair, LATER, (role) =>
      role === 'headteacher' ? [head] : [chair],
    );
    expect(
      decided.ok && [maySeeRequest(ACCESS_WORKFLOW, decided.request, chair), maySeeRequest(ACCESS_WORKFLOW, decided.request, colleague)],
    ).toEqual([true, false]);
    expect(maySeeRequest(ACCESS_WORKFLOW, own, chair)).toBe(false);
  });

  it('a member of staff may always open their own request, even one kept without its history (s.9)', () => {
    const own = { ...access('withHeadteacher'), requesterId: colleague.id, history: [] };
    expect([maySeeRequest(ACCESS_WORKFLOW, own, colleague), maySeeRequest(ACCESS_WORKFLOW, own, { ...colleague, id: 'p-other' })]).toEqual([
      true,
      false,
    ]);
  });
});

describe('what a request waits on, since when', () => {
  it.each([
    [
      'with the headteacher: reminded, then the chair of governors',
      ACCESS_WORKFLOW,
      access('withHeadteacher'),
      { party: 'headteacher', escalateTo: 'chairOfGovernors', reminded: true },
    ],
    [
      'returned to its requester: reminded, told to nobody above',
      ACCESS_WORKFLOW,
      access('returnedToRequester'),
      { party: 'requester', reminded: true },
    ],
    [
      'a post that failed its checks: the requester, never reminded (they may let it go)',
      POSTING_WORKFLOW,
      posting('checksFailed'),
      { party: 'requester', reminded: false },
    ],
    ['a refused request: nobody', ACCESS_WORKFLOW, access('refused'), undefined],
  ] as const)('%s', (_case, workflow, request, expected) => {
    expect(waitingOn(workflow as typeof ACCESS_WORKFLOW, request as ReturnType<typeof access>)).toEqual(
      expected && { ...expected, since: NOW.toISOString() },
    );
  });
});

describe('a password shared until a date waits on its requester from that date, or from the approval if later (s.5)', () => {
  const shared = (until: string, approvedAt: string) => ({
    ...PERMISSION_WORKFLOWS.accountPassword.submission.open({ until }, requester, 'k', NOW),
    id: '3',
    state: 'approved' as const,
    updatedAt: approvedAt,
  });

  it.each([
    ['shared until after the approval: from the last day it may be used', '2026-11-27', '2026-11-24T10:30:00.000Z', '2026-11-27'],
    ['approved only after that day had passed: from the approval', '2026-11-20', '2026-11-24T10:30:00.000Z', '2026-11-24T10:30:00.000Z'],
    ['approved on that very day: from the approval, later that day', '2026-11-24', '2026-11-24T10:30:00.000Z', '2026-11-24T10:30:00.000Z'],
  ])('%s', (_case, until, approvedAt, since) => {
    expect(waitingOn(PERMISSION_WORKFLOWS.accountPassword, shared(until, approvedAt))).toEqual({
      party: 'requester',
      since,
      escalateTo: 'headteacher',
      reminded: true,
    });
  });
});

describe("a step's typed text", () => {
  it('a step the type does not have reads no fields', () => {
    expect(readStepFields(ACCESS_WORKFLOW, 'confirmPosted', () => 'anything')).toEqual({ ok: true, value: {} });
  });
});

describe('decisions that say nothing more keep the history line short', () => {
  it('an approval without reasons records the decision with empty reasons and no note (Appendix A)', () => {
    const result = applyStep(ACCESS_WORKFLOW, access('withHeadteacher'), { type: 'approve' }, head, LATER);
    expect(result.ok && [result.request.decision?.reasons, result.request.history.at(-1)]).toEqual([
      '',
      { at: LATER.toISOString(), personId: head.id, name: head.displayName, step: 'approve' },
    ]);
  });

  it('a request to post changed while with the headteacher and still passing stays with the headteacher, recorded as changed', () => {
    const result = applyStep(
      POSTING_WORKFLOW,
      posting('withHeadteacher'),
      { type: 'resubmit', input: { ...DETAILS, text: 'Sports day!' }, checks: [] },
      { id: requester.personId, displayName: requester.name, roles: ['staff'] },
      LATER,
    );
    expect(result.ok && [result.request.state, result.request.text, result.request.history.at(-1)?.step]).toEqual([
      'withHeadteacher',
      'Sports day!',
      'resubmit',
    ]);
  });
});

/** Every request type people are asked to act on in Teams (s.5, s.6, s.9) has its own definition, under its own name. */
describe('the table of request types and their definitions (s.5, s.6, s.9)', () => {
  it.each<[string, string, string]>([
    ['accessRequest', 'Access request', 'access-request'],
    ['postingRequest', 'Permission to post', 'posting-request'],
    ['staffPersonalAccount', 'Personal account at school', 'staff-personal-account'],
    ['pupilWifi', 'Pupils on the school WiFi', 'pupil-wifi'],
    ['accountPassword', 'Sharing an account password', 'account-password'],
  ])('%s is "%s", audited as %s', (type, name, auditName) => {
    const workflow = WORKFLOWS[type as keyof typeof WORKFLOWS];
    expect([workflow.type, workflow.name, workflow.auditName]).toEqual([type, name, auditName]);
  });

  it('holds those five types and no others', () => {
    expect(Object.keys(WORKFLOWS)).toEqual(['accessRequest', 'postingRequest', 'staffPersonalAccount', 'pupilWifi', 'accountPassword']);
  });
});
