import { may } from '../../domain/authorization/permissions';
import type { TrackedTakedown } from '../../domain/consent/takedown';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import type { AdaptiveCard, Tone } from './cards/card-elements';
import { messageCard } from './cards/simple-cards';
import { takedownCard, type TakedownView } from './cards/takedown-card';

/** Reads what a task refers to: the post, its account, the pupil and the notice. */
export async function takedownView(stores: Stores, task: Versioned<TrackedTakedown>): Promise<TakedownView> {
  const [post, pupil, notice] = await Promise.all([stores.posts.get(task.postId), stores.pupils.get(task.pupilId), stores.consents.get(task.noticeId)]);
  const account = post ? await stores.socialAccounts.get(post.accountId) : undefined;
  return {
    task,
    link: post?.link ?? '(the post is no longer in the register)',
    accountLabel: account ? `${account.platform} ${account.handle}` : 'a school account',
    postedOn: post?.postedOn ?? task.updatedAt,
    pupilName: pupil ? `${pupil.displayName} (${pupil.className})` : 'a pupil',
    noticeReceived: notice?.effectiveFrom ?? task.updatedAt,
  };
}

/** Who may see a task: its owner and the DSL. */
export function maySeeTakedown(task: TrackedTakedown, person: Person): boolean {
  return task.ownerId === person.id || may(person, 'takedown.viewAll');
}

export async function takedownCardFor(
  stores: Stores,
  task: Versioned<TrackedTakedown>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: { banner?: { text: string; tone: Tone }; reason?: string; reasonError?: string } = {},
): Promise<AdaptiveCard> {
  if (!maySeeTakedown(task, viewer)) return messageCard(`You don't have access to takedown task #${task.id}.`, 'Take down a post');
  return takedownCard(await takedownView(stores, task), { canClose: may(viewer, 'takedown.close', task.ownerId), ...(viewerTeamsId ? { viewerTeamsId } : {}), ...extras });
}
