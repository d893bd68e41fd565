/**
 * Social Media Policy s.4: "Wherever it is reasonably practicable to do so, the school will take
 * measures to remove any posts before consent was withdrawn or amended." A written notice lists
 * the earlier posts as takedown tasks; the account's owner closes each, removed or not with why.
 */
import type { ConsentEvent } from '../../../../bot/src/domain/consent/consent';
import { closeTakedown, takedownsFor, type RegisteredPost, type TakedownOutcome, type TrackedTakedown } from '../../../../bot/src/domain/consent/takedown';

const notice = (decision: 'given' | 'refused', effectiveFrom: string, media: 'images' | 'videos' = 'images'): ConsentEvent => ({
  id: 'n1', pupilId: 'amelia', media, decision, effectiveFrom, source: 'written notice', recordedBy: 'Lynne Robbins', recordedAt: '2026-03-10T09:00:00Z',
});
const post = (id: string, postedOn: string, changes: Partial<RegisteredPost> = {}): RegisteredPost => ({ id, accountId: 'x', postedOn, media: ['images'], pupilIds: ['amelia'], link: `https://x.example/${id}`, ...changes });

describe('which posts a notice lists for takedown (s.4)', () => {
  it.each<[string, ConsentEvent, RegisteredPost, boolean]>([
    ['a post made before the withdrawal', notice('refused', '2026-03-10'), post('p', '2026-02-01'), true],
    ['a post made later the same day, with its time stored (which came first is unknown)', notice('refused', '2026-03-10'), post('p', '2026-03-10T16:45:00Z'), true],
    ['a post made in the evening of a notice recorded that morning', notice('refused', '2026-03-10T08:00:00Z'), post('p', '2026-03-10T19:30:00Z'), true],
    ['a post made the day after', notice('refused', '2026-03-10'), post('p', '2026-03-11T07:00:00Z'), false],
    ['a post in the other medium', notice('refused', '2026-03-10', 'videos'), post('p', '2026-02-01'), false],
    ['a post showing both media, when videos are withdrawn', notice('refused', '2026-03-10', 'videos'), post('p', '2026-02-01', { media: ['images', 'videos'] }), true],
    ['a post showing other pupils only', notice('refused', '2026-03-10'), post('p', '2026-02-01', { pupilIds: ['oliver', 'isla'] }), false],
    ['a notice giving consent lists nothing, however old the posts', notice('given', '2026-03-10'), post('p', '2026-02-01'), false],
  ])('%s: listed %s', (_case, written, earlier, listed) => {
    expect(takedownsFor(written, [earlier])).toEqual(listed ? [{ postId: 'p', pupilId: 'amelia', media: written.media, noticeId: 'n1' }] : []);
  });
});

describe('closing a takedown task (s.4: removed, or why it cannot be)', () => {
  const NOW = new Date('2026-03-12T11:00:00Z');
  const task: TrackedTakedown = { id: 't1', postId: 'p', pupilId: 'amelia', media: 'images', noticeId: 'n1', ownerId: 'dsl', status: 'to do', reason: '', updatedAt: '2026-03-10T09:00:00Z' };

  it.each<[string, TakedownOutcome, string, ReturnType<typeof closeTakedown>]>([
    ['removed, no reason needed', 'removed', '', { ok: true, task: { ...task, status: 'removed', reason: '', updatedAt: NOW.toISOString() } }],
    ['cannot be removed, with the reason (trimmed)', 'cannot be removed', '  Shared by a parent  ', { ok: true, task: { ...task, status: 'cannot be removed', reason: 'Shared by a parent', updatedAt: NOW.toISOString() } }],
    ['cannot be removed, without a reason', 'cannot be removed', '   ', { ok: false, message: 'Say why the post cannot be removed, so the DSL can decide what else to do.' }],
    ['a reason of 1000 characters', 'cannot be removed', 'x'.repeat(1000), { ok: true, task: { ...task, status: 'cannot be removed', reason: 'x'.repeat(1000), updatedAt: NOW.toISOString() } }],
    ['a reason of 1001 characters', 'removed', 'x'.repeat(1001), { ok: false, message: 'The reason must be 1000 characters or fewer.' }],
  ])('%s', (_case, outcome, reason, expected) => {
    expect(closeTakedown(task, outcome, reason, NOW)).toEqual(expected);
  });

  it('a task closed already stays as it was', () => {
    expect(closeTakedown({ ...task, status: 'removed' }, 'cannot be removed', 'Too late', NOW)).toEqual({ ok: false, message: 'This task is already closed ("removed"), so nothing was changed.' });
  });
});
