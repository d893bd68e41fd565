import { may } from '../authorization/permissions';
import type { Person } from '../people/person';
import { hiddenCharacterProblem } from '../validation/typed-text';
import { consentOn, type ConsentEvent, type Media } from './consent';

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
  /** One task per post, pupil and medium, whoever creates it and however often. */
  taskKey: string;
  /**
   * The post was made on or after the day consent stopped: it went up without consent. Taken down
   * first, the DSL is told, and it is a possible data-protection breach (s.4: the school's Data and
   * Cyber-Security Breach Prevention and Management Plan applies).
   */
  urgent: boolean;
}

/** A takedown task as it is tracked until closed (s.4: removed, or why it cannot be). */
export interface TrackedTakedown extends Omit<TakedownTask, 'taskKey' | 'urgent'> {
  id: string;
  /** Tasks made before keys existed have none; the key is still worked out from the post, pupil and medium. */
  taskKey?: string;
  urgent?: boolean;
  /** The account owner (DSL or designated staff), who is reminded until it is closed. */
  ownerId: string;
  status: 'to do' | 'removed' | 'cannot be removed';
  reason: string;
  updatedAt: string;
}

/** The submission key of the possible data-protection breach opened for a takedown task (one per task): how the two are tied. */
export function breachIncidentKey(taskId: string): string {
  return `takedown-breach:${taskId}`;
}

/** How people refer to a takedown task: "T-3". */
export function takedownReference(id: string): string {
  return `T-${id}`;
}

/** Who may see a task: the owner of the account, and the DSL (s.5: the DSL oversees the school's accounts). */
export function maySeeTakedown(task: Pick<TrackedTakedown, 'ownerId'>, person: Pick<Person, 'id' | 'roles'>): boolean {
  return task.ownerId === person.id || may(person, 'takedown.viewAll');
}

/**
 * A task waits for the owner of the school account until it is closed (s.4). The DSL may close any
 * task, but one on someone else's account is not waiting for them.
 */
export function takedownWaitsFor(task: Pick<TrackedTakedown, 'ownerId' | 'status'>, personId: string): boolean {
  return task.status === 'to do' && task.ownerId === personId;
}

export function takedownKey(task: Pick<TakedownTask, 'postId' | 'pupilId' | 'media'>): string {
  return `${task.postId}|${task.pupilId}|${task.media}`;
}

/**
 * s.4: once consent for a medium is withdrawn (or refused), every post still up that shows the
 * pupil in that medium is taken down "wherever reasonably practicable", whatever its date. A post
 * made on or after the day the withdrawal took effect went up without consent: its task is urgent.
 * The tasks are worked out from the records (the consent history and the posts) and compared with
 * those already made, so working them out again, after a repeat or a run that stopped part-way,
 * makes only what is missing, and never reopens a closed task. A post already taken down for
 * another pupil is down.
 */
export function takedownsDue(
  events: readonly ConsentEvent[],
  posts: readonly RegisteredPost[],
  existing: readonly Pick<TrackedTakedown, 'postId' | 'pupilId' | 'media' | 'status'>[],
  today: string,
): TakedownTask[] {
  const made = new Set(existing.map(takedownKey));
  const down = new Set(existing.filter((task) => task.status === 'removed').map((task) => task.postId));
  const due: TakedownTask[] = [];
  for (const [pupilId, media] of refusedNow(events, today)) {
    const notice = latestRefusal(events, pupilId, media, today);
    for (const post of posts) {
      if (down.has(post.id) || !post.pupilIds.includes(pupilId) || !post.media.includes(media)) continue;
      const taskKey = takedownKey({ postId: post.id, pupilId, media });
      if (made.has(taskKey)) continue;
      made.add(taskKey);
      due.push({
        postId: post.id,
        pupilId,
        media,
        noticeId: notice.id,
        taskKey,
        urgent: consentOn(events, pupilId, media, post.postedOn) !== 'given',
      });
    }
  }
  return due;
}

/** Every pupil and medium whose consent, today, is refused or withdrawn. */
function refusedNow(events: readonly ConsentEvent[], today: string): [string, Media][] {
  const pairs = new Map(events.map((event) => [`${event.pupilId}|${event.media}`, [event.pupilId, event.media] as [string, Media]]));
  return [...pairs.values()].filter(([pupilId, media]) => ['refused', 'withdrawn'].includes(consentOn(events, pupilId, media, today)));
}

/** The refusal in force for the pupil and medium: the notice their tasks come from. */
function latestRefusal(events: readonly ConsentEvent[], pupilId: string, media: Media, today: string): ConsentEvent {
  return events
    .filter(
      (event) =>
        event.pupilId === pupilId && event.media === media && event.decision === 'refused' && event.effectiveFrom.slice(0, 10) <= today,
    )
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.recordedAt.localeCompare(b.recordedAt))
    .at(-1)!;
}

export type TakedownOutcome = 'removed' | 'cannot be removed';

/** Closes a task once: removed, or cannot be removed with the reason why (s.4 "reasonably practicable"). */
export function closeTakedown(
  task: TrackedTakedown,
  outcome: TakedownOutcome,
  reason: string,
  now: Date,
): { ok: true; task: TrackedTakedown } | { ok: false; message: string } {
  if (task.status !== 'to do') return { ok: false, message: `This task is already closed ("${task.status}"), so nothing was changed.` };
  const why = reason.trim();
  if (outcome === 'cannot be removed' && !why)
    return { ok: false, message: 'Say why the post cannot be removed, so the DSL can decide what else to do.' };
  if (why.length > 1000) return { ok: false, message: 'The reason must be 1000 characters or fewer.' };
  const hidden = hiddenCharacterProblem('The reason', why);
  if (hidden) return { ok: false, message: hidden };
  return { ok: true, task: { ...task, status: outcome, reason: why, updatedAt: now.toISOString() } };
}
