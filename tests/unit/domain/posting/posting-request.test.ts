/**
 * Permission to post (Social Media Policy s.4–6): who may take each step, from which state, and
 * what the form must hold. Table-driven; each row names the rule it checks.
 */
import type { Person } from '../../../../bot/src/domain/people/person';
import {
  newPostingRequest,
  type PostingAction,
  type PostingHistoryEntry,
  type PostingRequest,
  type PostingState,
  type PostingStep,
} from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../../../bot/src/domain/posting/posting-workflow';
import {
  applyStep,
  awaitedIn,
  isFinished,
  maySeeRequest,
  stateLabel,
  stepsFor,
  toldAfter,
} from '../../../../bot/src/domain/workflow/workflow-rules';
import { validatePostingRequestInput } from '../../../../bot/src/domain/posting/posting-request-input';

const NOW = new Date('2026-11-25T10:00:00Z');
const requester: Person = { id: 'r', displayName: 'Alex Wilber', roles: ['staff'] };
const head: Person = { id: 'h', displayName: 'Adele Vance', roles: ['staff', 'headteacher'] };
const dsl: Person = { id: 'd', displayName: 'Patti Fernandez', roles: ['staff', 'dsl'] };
const failure = { check: 'consent' as const, message: 'Freya Jones (4B): consent was withdrawn for images.' };
const details = {
  kind: 'post' as const,
  accountId: '1',
  accountLabel: 'X @RiversidePrimary',
  text: 'Sports day',
  media: ['images' as const],
  pupils: [{ id: 'p', displayName: 'Amelia Khan', className: '4B' }],
  groupLabel: 'sports day',
  facesBlurred: false,
  postingDate: '2026-11-26',
};

function request(state: PostingState): PostingRequest {
  return { ...newPostingRequest(details, [], { personId: requester.id, name: requester.displayName }, 'k', NOW), id: '1', state };
}

describe('a new request runs the checks first (s.4, s.5)', () => {
  it.each([
    ['every check passed → with the headteacher', [], 'withHeadteacher'],
    ['a check failed → back with the requester, the headteacher not asked', [failure], 'checksFailed'],
  ] as const)('%s', (_rule, checks, state) => {
    const created = newPostingRequest(details, [...checks], { personId: 'r', name: 'Alex' }, 'k', NOW);
    expect(created.state).toBe(state);
    expect(toldAfter(POSTING_WORKFLOW, { ...created, id: '1' }, created.history[0]!.step).act).toEqual(
      state === 'withHeadteacher' ? ['headteacher'] : [],
    );
  });
});

describe('steps: who, and from which state', () => {
  const cases: [string, PostingState, Person, PostingAction, PostingState | string][] = [
    ['s.5: the headteacher approves a request whose checks pass', 'withHeadteacher', head, { type: 'approve', checks: [] }, 'approved'],
    [
      's.4: a check failing at approval time blocks it and sends it back',
      'withHeadteacher',
      head,
      { type: 'approve', checks: [failure] },
      'checksFailed',
    ],
    ['s.5: only the headteacher approves (not the DSL)', 'withHeadteacher', dsl, { type: 'approve', checks: [] }, 'not-permitted'],
    ['the requester cannot approve their own post', 'withHeadteacher', requester, { type: 'approve', checks: [] }, 'not-permitted'],
    ['a refusal needs reasons', 'withHeadteacher', head, { type: 'refuse', reasons: '  ' }, 'invalid-field'],
    ['a refusal with reasons is final', 'withHeadteacher', head, { type: 'refuse', reasons: 'Not positive in nature (s.5)' }, 'refused'],
    ['no second decision', 'approved', head, { type: 'refuse', reasons: 'Changed my mind' }, 'not-now'],
    ['a request that failed its checks cannot be approved', 'checksFailed', head, { type: 'approve', checks: [] }, 'not-now'],
    [
      'the requester fixes and resubmits; it passes',
      'checksFailed',
      requester,
      { type: 'resubmit', input: details, checks: [] },
      'withHeadteacher',
    ],
    [
      'the requester resubmits; it still fails',
      'checksFailed',
      requester,
      { type: 'resubmit', input: details, checks: [failure] },
      'checksFailed',
    ],
    ['someone else cannot resubmit it', 'checksFailed', head, { type: 'resubmit', input: details, checks: [] }, 'not-permitted'],
    [
      'the requester confirms an approved post with its link',
      'approved',
      requester,
      { type: 'confirmPosted', link: 'https://x.example/1', postId: '9' },
      'posted',
    ],
    [
      'nothing is posted before approval',
      'withHeadteacher',
      requester,
      { type: 'confirmPosted', link: 'https://x.example/1', postId: '9' },
      'not-now',
    ],
    ['the requester may withdraw before it is posted', 'approved', requester, { type: 'withdraw' }, 'withdrawn'],
    ['a posted request cannot be withdrawn', 'posted', requester, { type: 'withdraw' }, 'not-now'],
  ];
  it.each(cases)('%s', (_rule, from, actor, action, expected) => {
    const result = applyStep(POSTING_WORKFLOW, request(from), action, actor, NOW);
    expect(result.ok ? result.request.state : result.error.code).toBe(expected);
  });

  it('signs the decision with name, Entra id and time', () => {
    const result = applyStep(
      POSTING_WORKFLOW,
      request('withHeadteacher'),
      { type: 'approve', checks: [] },
      { ...head, aadObjectId: 'aad-h' },
      NOW,
    );
    expect(result.ok && result.request.decision).toEqual({
      approved: true,
      reasons: '',
      signature: { personId: 'h', name: 'Adele Vance', aadObjectId: 'aad-h', at: NOW.toISOString() },
    });
  });

  it.each<[PostingState, Person, string[]]>([
    ['withHeadteacher', head, ['approve', 'refuse']],
    ['withHeadteacher', requester, ['withdraw', 'resubmit']],
    ['approved', requester, ['withdraw', 'confirmPosted']],
    ['posted', requester, []],
    ['withHeadteacher', dsl, []],
  ])('in %s, %o is offered exactly the right buttons', (state, person, steps) => {
    expect(stepsFor(POSTING_WORKFLOW, request(state), person)).toEqual(steps);
  });
});

describe('the form (s.4: a general label, media stated, a real date)', () => {
  const valid = {
    kind: 'post',
    accountId: '1',
    text: 'Sports day!',
    media: 'images',
    pupilIds: '4,5',
    groupLabel: 'sports day',
    facesBlurred: 'true',
    postingDate: '2026-11-26',
  };
  it.each([
    ['a complete post', valid, undefined],
    [
      'a text-only reminder for parents',
      { kind: 'parentReminder', accountId: '1', text: 'Trip slips by Friday', postingDate: '2026-11-25' },
      undefined,
    ],
    ['pupils but no media', { ...valid, media: '' }, 'media'],
    ['pupils but no group label', { ...valid, groupLabel: '' }, 'groupLabel'],
    ['no text', { ...valid, text: '  ' }, 'text'],
    ['a date in the past', { ...valid, postingDate: '2026-11-24' }, 'postingDate'],
    ['a date that does not exist', { ...valid, postingDate: '2026-02-30' }, 'postingDate'],
    ['an unknown medium', { ...valid, media: 'audio' }, 'media'],
    ['a pupil id that is not an id', { ...valid, pupilIds: '4,<script>' }, 'pupilIds'],
    ['hidden control characters', { ...valid, text: 'Hi\u202Ethere' }, 'text'],
    ['more than 60 pupils', { ...valid, pupilIds: Array.from({ length: 61 }, (_, i) => i).join(',') }, 'pupilIds'],
  ] as const)('%s', (_name, form, wrongField) => {
    const result = validatePostingRequestInput(form, '2026-11-25');
    expect(result.ok ? undefined : Object.keys(result.errors)[0]).toBe(wrongField);
  });

  it('reads a multi-select as a list and drops repeats', () => {
    const result = validatePostingRequestInput({ ...valid, pupilIds: '4, 5,4', media: 'images,videos,images' }, '2026-11-25');
    expect(result.ok && [result.value.pupilIds, result.value.media, result.value.facesBlurred]).toEqual([
      ['4', '5'],
      ['images', 'videos'],
      true,
    ]);
  });
});

describe('each step keeps the request and its history, and signs what it decides (s.5)', () => {
  const LATER = new Date('2026-11-26T14:15:00Z');
  const signedBy = (person: Person) => ({ personId: person.id, name: person.displayName, at: LATER.toISOString() });
  const entry = (person: Person, step: string, note?: string) => ({
    at: LATER.toISOString(),
    personId: person.id,
    name: person.displayName,
    step,
    ...(note ? { note } : {}),
  });
  const changed = { ...details, text: 'Sports day, second try', accountLabel: 'Instagram @riverside' };

  it.each<[string, PostingState, Person, PostingAction, Partial<PostingRequest>, ReturnType<typeof entry>]>([
    [
      'approved: the approval is signed, the checks cleared',
      'withHeadteacher',
      head,
      { type: 'approve', reasons: 'Lovely', checks: [] },
      {
        state: 'approved',
        checks: [],
        checkedAt: LATER.toISOString(),
        decision: { approved: true, reasons: 'Lovely', signature: signedBy(head) },
      },
      entry(head, 'approve', 'Lovely'),
    ],
    [
      'a blocked approval: back with the requester, no decision recorded',
      'withHeadteacher',
      head,
      { type: 'approve', reasons: 'Lovely', checks: [failure] },
      { state: 'checksFailed', checks: [failure], checkedAt: LATER.toISOString() },
      entry(head, 'checksFailed'),
    ],
    [
      'refused: recorded as refused, never as approved',
      'withHeadteacher',
      head,
      { type: 'refuse', reasons: 'Not positive in nature' },
      { state: 'refused', decision: { approved: false, reasons: 'Not positive in nature', signature: signedBy(head) } },
      entry(head, 'refuse', 'Not positive in nature'),
    ],
    ['withdrawn by the requester', 'approved', requester, { type: 'withdraw' }, { state: 'withdrawn' }, entry(requester, 'withdraw')],
    [
      'resubmitted and passing: the new content goes to the headteacher',
      'checksFailed',
      requester,
      { type: 'resubmit', input: changed, checks: [] },
      { ...changed, state: 'withHeadteacher', checks: [], checkedAt: LATER.toISOString() },
      entry(requester, 'resubmit'),
    ],
    [
      'resubmitted and still failing',
      'checksFailed',
      requester,
      { type: 'resubmit', input: changed, checks: [failure] },
      { ...changed, state: 'checksFailed', checks: [failure], checkedAt: LATER.toISOString() },
      entry(requester, 'checksFailed'),
    ],
    [
      'posted: the link is registered, signed by the requester',
      'approved',
      requester,
      { type: 'confirmPosted', link: 'https://x.example/1', postId: '9' },
      { state: 'posted', posted: { link: 'https://x.example/1', postId: '9', signature: signedBy(requester) } },
      entry(requester, 'confirmPosted'),
    ],
  ])('%s', (_rule, from, actor, action, changes, newEntry) => {
    const before = {
      ...request(from),
      history: [
        { at: NOW.toISOString(), personId: requester.id, name: requester.displayName, step: 'submit' as const },
        { at: NOW.toISOString(), personId: head.id, name: head.displayName, step: 'checksFailed' as const },
      ],
    };
    expect(applyStep(POSTING_WORKFLOW, before, action, actor, LATER)).toStrictEqual({
      ok: true,
      request: { ...before, ...changes, history: [...before.history, newEntry], updatedAt: LATER.toISOString() },
    });
  });

  it.each<[PostingStep, PostingState, Person, string]>([
    ['approve', 'withHeadteacher', requester, 'Only the headteacher can approve a post.'],
    ['refuse', 'withHeadteacher', dsl, 'Only the headteacher can refuse a post.'],
    ['withdraw', 'withHeadteacher', head, 'Only the person who made the request can withdraw this request.'],
    ['resubmit', 'checksFailed', head, 'Only the person who made the request can change this request.'],
    ['confirmPosted', 'approved', head, 'Only the person who made the request can confirm this post.'],
  ])('%s by someone else is refused, saying who may', (step, from, actor, message) => {
    const action = {
      approve: { type: 'approve', checks: [] },
      refuse: { type: 'refuse', reasons: 'No' },
      withdraw: { type: 'withdraw' },
      resubmit: { type: 'resubmit', input: details, checks: [] },
      confirmPosted: { type: 'confirmPosted', link: 'https://x.example/1', postId: '9' },
    }[step] as PostingAction;
    expect(applyStep(POSTING_WORKFLOW, request(from), action, actor, NOW)).toEqual({
      ok: false,
      error: { code: 'not-permitted', message },
    });
  });

  it.each<[PostingState, string]>([
    ['refused', 'This request is already "Refused", so nothing was changed.'],
    ['posted', 'This request is already "Posted and registered", so nothing was changed.'],
    ['withdrawn', 'This request is already "Withdrawn", so nothing was changed.'],
    ['approved', 'This request is already "Approved — waiting for the requester to post it", so nothing was changed.'],
    ['checksFailed', 'This request is already "Needs changes before the headteacher can decide", so nothing was changed.'],
  ])('a decision on a request that is %s changes nothing and says so', (state, message) => {
    expect(applyStep(POSTING_WORKFLOW, request(state), { type: 'refuse', reasons: 'No' }, head, NOW)).toEqual({
      ok: false,
      error: { code: 'not-now', message },
    });
  });

  it('confirming a post still with the headteacher changes nothing and says where it is', () => {
    expect(
      applyStep(
        POSTING_WORKFLOW,
        request('withHeadteacher'),
        { type: 'confirmPosted', link: 'https://x.example/1', postId: '9' },
        requester,
        NOW,
      ),
    ).toEqual({
      ok: false,
      error: { code: 'not-now', message: 'This request is already "With the headteacher", so nothing was changed.' },
    });
  });

  it('a refusal without reasons says why it needs them', () => {
    expect(applyStep(POSTING_WORKFLOW, request('withHeadteacher'), { type: 'refuse' }, head, NOW)).toEqual({
      ok: false,
      error: { code: 'invalid-field', field: 'reasons', message: 'A refusal needs reasons, so the requester knows what to change.' },
    });
  });
});

describe('who is asked to act, or told, after each step (s.5)', () => {
  const submitted = request('withHeadteacher');
  const sentBack = {
    ...submitted,
    history: [...submitted.history, { at: NOW.toISOString(), personId: head.id, name: head.displayName, step: 'checksFailed' as const }],
  };
  it.each<[string, PostingRequest, PostingHistoryEntry['step'], { act: string[]; informed: string[] }]>([
    ['submitted: the headteacher decides', submitted, 'submit', { act: ['headteacher'], informed: [] }],
    ['resubmitted: the headteacher decides', submitted, 'resubmit', { act: ['headteacher'], informed: [] }],
    ['failed its checks on submission: shown to the requester at once, nobody else', submitted, 'checksFailed', { act: [], informed: [] }],
    ['blocked at approval: sent back to the requester to fix', sentBack, 'checksFailed', { act: ['requester'], informed: [] }],
    ['approved: the requester is asked to post it', sentBack, 'approve', { act: ['requester'], informed: [] }],
    ['refused: the requester is told', sentBack, 'refuse', { act: [], informed: ['requester'] }],
    ['withdrawn: nobody', sentBack, 'withdraw', { act: [], informed: [] }],
    ['posted: nobody', sentBack, 'confirmPosted', { act: [], informed: [] }],
  ])('%s', (_rule, subject, step, expected) => {
    expect(toldAfter(POSTING_WORKFLOW, subject, step)).toEqual(expected);
  });
});

describe('who sees a request, and when it is finished', () => {
  const socialMedia: Person = { id: 's', displayName: 'Sam Designated', roles: ['staff', 'socialMediaStaff'] };
  const colleague: Person = { id: 'c', displayName: 'Chris Colleague', roles: ['staff'] };
  it.each<[string, Person, boolean]>([
    ['the requester', requester, true],
    ['the headteacher (s.5)', head, true],
    ['the DSL, who monitors the accounts (s.2)', dsl, true],
    ['designated social media staff (s.5)', socialMedia, true],
    ['another member of staff', colleague, false],
  ])('%s: %s', (_who, person, sees) => {
    expect(maySeeRequest(POSTING_WORKFLOW, request('withHeadteacher'), person)).toBe(sees);
  });

  it.each<[PostingState, boolean]>([
    ['checksFailed', false],
    ['withHeadteacher', false],
    ['approved', false],
    ['refused', true],
    ['posted', true],
    ['withdrawn', true],
  ])('%s finished: %s', (state, finished) => {
    expect(isFinished(POSTING_WORKFLOW, state)).toBe(finished);
  });
});

describe('where a request is, as each reader sees it: what to do next only to the requester', () => {
  it.each<[PostingState, string, string]>([
    // state            the requester reads                                       everyone else reads
    ['checksFailed', 'Needs your changes before the headteacher can decide', 'Needs changes before the headteacher can decide'],
    ['withHeadteacher', 'With the headteacher', 'With the headteacher'],
    ['approved', 'Approved — post it, then confirm with the link', 'Approved — waiting for the requester to post it'],
    ['refused', 'Refused', 'Refused'],
    ['posted', 'Posted and registered', 'Posted and registered'],
    ['withdrawn', 'Withdrawn', 'Withdrawn'],
  ])('%s: "%s" to the requester, "%s" to others', (state, toRequester, toOthers) => {
    expect([stateLabel(POSTING_WORKFLOW, state, true), stateLabel(POSTING_WORKFLOW, state, false)]).toEqual([toRequester, toOthers]);
  });
});

describe('what a request to post waits for ("waiting for me")', () => {
  // It may be changed while it is with the headteacher, but only failed checks make it wait for the requester.
  it.each<[PostingState, PostingStep[]]>([
    ['checksFailed', ['resubmit']],
    ['withHeadteacher', ['approve', 'refuse']],
    ['approved', ['confirmPosted']],
    ['refused', []],
    ['posted', []],
    ['withdrawn', []],
  ])('%s waits for %j', (state, awaited) => {
    expect(awaitedIn(POSTING_WORKFLOW, state)).toEqual(awaited);
  });
});

describe('a new request to post: the audit line says how its checks went, never what it says (s.4, s.5)', () => {
  it.each([
    ['every check passed', [], 'Submitted; every check passed'],
    ['two checks failed', [failure, { ...failure, check: 'fullName' as const }], 'Submitted; 2 check(s) failed'],
  ])('%s', (_case, checks, line) => {
    const created = newPostingRequest(details, checks, { personId: 'r', name: 'Alex' }, 'k', NOW);
    expect(POSTING_WORKFLOW.submission.audit(created)).toBe(line);
  });
});
