/**
 * Permission to post (Social Media Policy s.4–6): who may take each step, from which state, and
 * what the form must hold. Table-driven; each row names the rule it checks.
 */
import type { Person } from '../../../../bot/src/domain/people/person';
import {
  newPostingRequest,
  type PostingAction,
  type PostingRequest,
  type PostingState,
  type PostingStep,
} from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../../../bot/src/domain/posting/posting-workflow';
import { applyStep, awaitedIn, stepsFor, toldAfter } from '../../../../bot/src/domain/workflow/workflow-rules';
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
    ['a refusal needs reasons', 'withHeadteacher', head, { type: 'refuse', reasons: '  ' }, 'reasons-required'],
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
