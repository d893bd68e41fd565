import type { TrackedTakedown } from '../domain/consent/takedown';
import type { Versioned } from '../ports/collection.port';
import type { Stores } from '../ports/stores.port';

/** A takedown task with what it refers to, read from the store for display. */
export interface TakedownDetails {
  task: Versioned<TrackedTakedown>;
  link: string;
  accountLabel: string;
  postedOn: string;
  pupilName: string;
  noticeReceived: string;
}

/** Reads what a task refers to: the post, its account, the pupil and the notice. */
export async function takedownDetails(stores: Stores, task: Versioned<TrackedTakedown>): Promise<TakedownDetails> {
  const [post, pupil, notice] = await Promise.all([
    stores.posts.get(task.postId),
    stores.pupils.get(task.pupilId),
    stores.consents.get(task.noticeId),
  ]);
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
