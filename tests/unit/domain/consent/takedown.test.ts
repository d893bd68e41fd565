/**
 * Social Media Policy s.4: "Wherever it is reasonably practicable to do so, the school will take
 * measures to remove any posts before consent was withdrawn or amended." Every post still up that
 * shows the pupil in the medium withdrawn gets a takedown task, whatever its date; one made on or
 * after the day the withdrawal took effect went up without consent and is urgent. The account's
 * owner closes each, removed or not with why.
 */
import type { ConsentEvent } from '../../../../bot/src/domain/consent/consent';
import {
  breachIncidentKey,
  closeTakedown,
  takedownReference,
  takedownWaitsFor,
  takedownsDue,
  type RegisteredPost,
  type TakedownOutcome,
  type TrackedTakedown,
} from '../../../../bot/src/domain/consent/takedown';

const TODAY = '2026-11-24';
const notice = (decision: 'given' | 'refused', effectiveFrom: string, changes: Partial<ConsentEvent> = {}): ConsentEvent => ({
  id: 'n1',
  pupilId: 'amelia',
  media: 'images',
  decision,
  effectiveFrom,
  source: 'written notice',
  recordedBy: 'Lynne Robbins',
  recordedAt: '2026-03-10T09:00:00Z',
  ...changes,
});
const given = notice('given', '2025-09-03', { id: 'form', source: 'consent form', recordedAt: '2025-09-03T09:00:00Z' });
const post = (id: string, postedOn: string, changes: Partial<RegisteredPost> = {}): RegisteredPost => ({
  id,
  accountId: 'x',
  postedOn,
  media: ['images'],
  pupilIds: ['amelia'],
  link: `https://x.example/${id}`,
  ...changes,
});

describe('which posts a withdrawal takes down, and which are urgent (s.4)', () => {
  it.each<[string, ConsentEvent[], RegisteredPost, 'taken down' | 'urgent' | 'left up']>([
    ['a post made before the withdrawal', [given, notice('refused', '2026-03-10')], post('p', '2026-02-01'), 'taken down'],
    [
      'a post made the day before, with its time stored',
      [given, notice('refused', '2026-03-10')],
      post('p', '2026-03-09T16:45:00Z'),
      'taken down',
    ],
    [
      'a post made later the same day, with its time stored: it went up without consent',
      [given, notice('refused', '2026-03-10')],
      post('p', '2026-03-10T16:45:00Z'),
      'urgent',
    ],
    [
      'a post made in the evening of a notice recorded that morning',
      [given, notice('refused', '2026-03-10T08:00:00Z')],
      post('p', '2026-03-10T19:30:00Z'),
      'urgent',
    ],
    ['a post made months after the withdrawal', [given, notice('refused', '2026-03-10')], post('p', '2026-06-11T07:00:00Z'), 'urgent'],
    ['a post of a pupil whose consent was refused on joining', [notice('refused', '2025-09-03')], post('p', '2026-02-01'), 'urgent'],
    [
      'a post of a pupil with no consent record at all',
      [notice('refused', '2025-09-03', { pupilId: 'oliver' })],
      post('p', '2026-02-01'),
      'left up',
    ],
    ['a post in the other medium', [given, notice('refused', '2026-03-10', { media: 'videos' })], post('p', '2026-02-01'), 'left up'],
    [
      'a post showing other pupils only',
      [given, notice('refused', '2026-03-10')],
      post('p', '2026-02-01', { pupilIds: ['oliver', 'isla'] }),
      'left up',
    ],
    ['a notice giving consent, however old the posts', [given], post('p', '2024-02-01'), 'left up'],
    [
      'consent given again after a withdrawal',
      [given, notice('refused', '2026-03-10'), notice('given', '2026-04-01', { id: 'n2', recordedAt: '2026-04-01T09:00:00Z' })],
      post('p', '2026-02-01'),
      'left up',
    ],
    ['a withdrawal that takes effect after today', [given, notice('refused', '2026-12-01')], post('p', '2026-02-01'), 'left up'],
  ])('%s: %s', (_case, events, shown, expected) => {
    const tasks = takedownsDue(events, [shown], [], TODAY);
    expect(tasks.map((task) => (task.urgent ? 'urgent' : 'taken down'))).toEqual(expected === 'left up' ? [] : [expected]);
  });

  it('a post showing both media comes down once for each medium withdrawn, each its own task', () => {
    const events = [
      given,
      notice('refused', '2026-03-10', { id: 'videos', media: 'videos' }),
      notice('refused', '2026-03-11', { id: 'images' }),
    ];
    expect(takedownsDue(events, [post('p', '2026-02-01', { media: ['images', 'videos'] })], [], TODAY)).toEqual([
      { postId: 'p', pupilId: 'amelia', media: 'images', noticeId: 'images', taskKey: 'p|amelia|images', urgent: false },
      { postId: 'p', pupilId: 'amelia', media: 'videos', noticeId: 'videos', taskKey: 'p|amelia|videos', urgent: true },
    ]);
  });

  it('a post showing two pupils whose consent was withdrawn: a task for each pupil', () => {
    const events = [given, notice('refused', '2026-03-10'), notice('refused', '2026-03-10', { id: 'n2', pupilId: 'isla' })];
    expect(
      takedownsDue(events, [post('p', '2026-02-01', { pupilIds: ['amelia', 'isla'] })], [], TODAY).map(
        (task) => `${task.pupilId} from ${task.noticeId}`,
      ),
    ).toEqual(['amelia from n1', 'isla from n2']);
  });

  it.each<[string, ConsentEvent[], string]>([
    [
      'the later of two refusals',
      [notice('refused', '2025-09-03', { id: 'on joining' }), notice('refused', '2026-03-10', { id: 'later' })],
      'later',
    ],
    [
      'the later of two refusals, whichever was recorded first',
      [
        notice('refused', '2026-03-10', { id: 'later', recordedAt: '2026-03-10T08:00:00Z' }),
        notice('refused', '2025-09-03', { id: 'on joining', recordedAt: '2026-03-10T09:00:00Z' }),
      ],
      'later',
    ],
    [
      'of two refusals received the same day, the one recorded last',
      [
        notice('refused', '2026-03-10', { id: 'second', recordedAt: '2026-03-10T15:00:00Z' }),
        notice('refused', '2026-03-10', { id: 'first', recordedAt: '2026-03-10T09:00:00Z' }),
      ],
      'second',
    ],
    [
      'not a refusal that takes effect after today',
      [given, notice('refused', '2026-03-10', { id: 'now' }), notice('refused', '2026-12-01', { id: 'future' })],
      'now',
    ],
    [
      'not a refusal of the other medium',
      [given, notice('refused', '2026-03-10', { id: 'images' }), notice('refused', '2026-04-10', { id: 'videos', media: 'videos' })],
      'images',
    ],
    [
      'a refusal received today',
      [given, notice('refused', '2026-03-10', { id: 'earlier' }), notice('refused', TODAY, { id: 'today' })],
      'today',
    ],
    [
      'a refusal received today, recorded with its time',
      [given, notice('refused', '2026-03-10', { id: 'earlier' }), notice('refused', `${TODAY}T08:15:00Z`, { id: 'today' })],
      'today',
    ],
    [
      'not a refusal for another pupil',
      [given, notice('refused', '2026-03-10', { id: 'amelia' }), notice('refused', '2026-04-10', { id: 'isla', pupilId: 'isla' })],
      'amelia',
    ],
  ])('the task names the notice in force: %s', (_case, events, noticeId) => {
    expect(takedownsDue(events, [post('p', '2026-02-01')], [], TODAY).map((task) => task.noticeId)).toEqual([noticeId]);
  });

  it.each<[string, TrackedTakedown['status'], string, string[]]>([
    ['a task already made for this pupil and medium is not made again', 'to do', 'amelia', []],
    ['a closed task is never reopened', 'cannot be removed', 'amelia', []],
    ['a post removed for another pupil is down already', 'removed', 'isla', []],
    ["a post another pupil's task could not remove is still up", 'cannot be removed', 'isla', ['p']],
  ])('%s', (_case, status, pupilId, expected) => {
    const existing = [{ postId: 'p', pupilId, media: 'images' as const, status }];
    expect(
      takedownsDue(
        [given, notice('refused', '2026-03-10')],
        [post('p', '2026-02-01', { pupilIds: ['amelia', 'isla'] })],
        existing,
        TODAY,
      ).map((task) => task.postId),
    ).toEqual(expected);
  });
});

describe('closing a takedown task (s.4: removed, or why it cannot be)', () => {
  const NOW = new Date('2026-03-12T11:00:00Z');
  const task: TrackedTakedown = {
    id: 't1',
    postId: 'p',
    pupilId: 'amelia',
    media: 'images',
    noticeId: 'n1',
    ownerId: 'dsl',
    status: 'to do',
    reason: '',
    updatedAt: '2026-03-10T09:00:00Z',
  };

  it.each<[string, TakedownOutcome, string, ReturnType<typeof closeTakedown>]>([
    [
      'removed, no reason needed',
      'removed',
      '',
      { ok: true, task: { ...task, status: 'removed', reason: '', updatedAt: NOW.toISOString() } },
    ],
    [
      'cannot be removed, with the reason (trimmed)',
      'cannot be removed',
      '  Shared by a parent  ',
      { ok: true, task: { ...task, status: 'cannot be removed', reason: 'Shared by a parent', updatedAt: NOW.toISOString() } },
    ],
    [
      'cannot be removed, without a reason',
      'cannot be removed',
      '   ',
      { ok: false, message: 'Say why the post cannot be removed, so the DSL can decide what else to do.' },
    ],
    [
      'a reason of 1000 characters',
      'cannot be removed',
      'x'.repeat(1000),
      { ok: true, task: { ...task, status: 'cannot be removed', reason: 'x'.repeat(1000), updatedAt: NOW.toISOString() } },
    ],
    [
      'a reason with a hidden character',
      'cannot be removed',
      'Shared by\u202E a parent',
      { ok: false, message: 'The reason contains hidden control characters. Please retype it.' },
    ],
    ['a reason of 1001 characters', 'removed', 'x'.repeat(1001), { ok: false, message: 'The reason must be 1000 characters or fewer.' }],
  ])('%s', (_case, outcome, reason, expected) => {
    expect(closeTakedown(task, outcome, reason, NOW)).toEqual(expected);
  });

  it('a task closed already stays as it was', () => {
    expect(closeTakedown({ ...task, status: 'removed' }, 'cannot be removed', 'Too late', NOW)).toEqual({
      ok: false,
      message: 'This task is already closed ("removed"), so nothing was changed.',
    });
  });
});

describe('who a takedown task waits for, and how it is named (s.4, s.5)', () => {
  it.each([
    ['to do', 'the owner of the account', 'owner', true],
    ['to do', 'the DSL, who may close it but does not own the account', 'dsl', false],
    ['removed', 'the owner of the account', 'owner', false],
    ['cannot be removed', 'the owner of the account', 'owner', false],
  ] as const)('a task %s waits for %s: %s', (status, _who, personId, waits) => {
    expect(takedownWaitsFor({ status, ownerId: 'owner' }, personId)).toBe(waits);
  });

  it('is named T-3 to people, and its possible data-protection breach is tied to it by a key stored with the incident', () => {
    // The key is stored: changing its form would untie every breach already recorded from its task.
    expect(takedownReference('3')).toBe('T-3');
    expect(breachIncidentKey('3')).toBe('takedown-breach:3');
  });
});
