import { hiddenCharacterProblem } from '../validation/typed-text';
import type { ConsentEvent, Media } from './consent';

/** A post on a school account, with the pupils it shows and the media it used (s.4, s.5). */
export interface RegisteredPost {
  id: string;
  accountId: string;
  postedOn: string;
  media: readonly Media[];
  pupilIds: readonly string[];
  link: string;
  /** The permission-to-post request it came from, so confirming twice registers it once. */
  postingRequestId?: string;
}

export interface TakedownTask {
  postId: string;
  pupilId: string;
  media: Media;
  /** The written notice the task comes from. */
  noticeId: string;
}

/** A takedown task as it is tracked until closed (s.4: removed, or why it cannot be). */
export interface TrackedTakedown extends TakedownTask {
  id: string;
  /** The account owner (DSL or designated staff), who is reminded until it is closed. */
  ownerId: string;
  status: 'to do' | 'removed' | 'cannot be removed';
  reason: string;
  updatedAt: string;
}

/**
 * s.4: a withdrawal or amendment does not affect what was posted before it, but "wherever it is
 * reasonably practicable" those posts are taken down. So a notice that refuses a medium lists
 * every earlier post showing the pupil in that medium. A post made on the day the notice arrived
 * is listed too: the school cannot tell which came first, and taking it down is the safe side.
 */
export function takedownsFor(notice: ConsentEvent, posts: readonly RegisteredPost[]): TakedownTask[] {
  if (notice.decision !== 'refused') return [];
  return posts
    .filter((post) => post.pupilIds.includes(notice.pupilId) && post.media.includes(notice.media) && post.postedOn.slice(0, 10) <= notice.effectiveFrom.slice(0, 10))
    .map((post) => ({ postId: post.id, pupilId: notice.pupilId, media: notice.media, noticeId: notice.id }));
}

export type TakedownOutcome = 'removed' | 'cannot be removed';

/** Closes a task once: removed, or cannot be removed with the reason why (s.4 "reasonably practicable"). */
export function closeTakedown(task: TrackedTakedown, outcome: TakedownOutcome, reason: string, now: Date): { ok: true; task: TrackedTakedown } | { ok: false; message: string } {
  if (task.status !== 'to do') return { ok: false, message: `This task is already closed ("${task.status}"), so nothing was changed.` };
  const why = reason.trim();
  if (outcome === 'cannot be removed' && !why) return { ok: false, message: 'Say why the post cannot be removed, so the DSL can decide what else to do.' };
  if (why.length > 1000) return { ok: false, message: 'The reason must be 1000 characters or fewer.' };
  const hidden = hiddenCharacterProblem('The reason', why);
  if (hidden) return { ok: false, message: hidden };
  return { ok: true, task: { ...task, status: outcome, reason: why, updatedAt: now.toISOString() } };
}
