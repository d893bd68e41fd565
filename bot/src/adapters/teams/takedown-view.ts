import { may } from '../../domain/authorization/permissions';
import { maySeeTakedown, takedownReference, type TrackedTakedown } from '../../domain/consent/takedown';
import type { Person } from '../../domain/people/person';
import type { Versioned } from '../../ports/collection.port';
import type { Stores } from '../../ports/stores.port';
import type { AdaptiveCard, Tone } from './cards/card-elements';
import { messageCard } from './cards/simple-cards';
import { takedownCard } from './cards/takedown-card';
import { takedownDetails } from '../../app/takedown-details';

/** Reads what a task refers to (the post, its account, the pupil and the notice). */
export const takedownView = takedownDetails;

export { maySeeTakedown };

export async function takedownCardFor(
  stores: Stores,
  task: Versioned<TrackedTakedown>,
  viewer: Person,
  viewerTeamsId: string | undefined,
  extras: { banner?: { text: string; tone: Tone }; reason?: string; reasonError?: string } = {},
): Promise<AdaptiveCard> {
  if (!maySeeTakedown(task, viewer))
    return messageCard(`You don't have access to takedown task ${takedownReference(task.id)}.`, 'Take down a post');
  return takedownCard(await takedownView(stores, task), {
    canClose: may(viewer, 'takedown.close', task.ownerId),
    ...(viewerTeamsId ? { viewerTeamsId } : {}),
    ...extras,
  });
}
