import { may } from '../../domain/authorization/permissions';
import { takedownReference, takedownWaitsFor } from '../../domain/consent/takedown';
import { readAll } from '../read-all';
import { takedownDetails } from '../takedown-details';
import type { WaitingProvider } from './waiting-item';

/** The steps of a takedown task, as `closeTakedownTask` takes them. */
export const TAKEDOWN_STEPS = ['removed', 'cannotBeRemoved'] as const;

/** Posts to take down on the person's school accounts after a parent withdrew consent (s.4). */
export const takedownsWaiting: WaitingProvider = async (deps, person) => {
  const tasks = await readAll((cursor) =>
    deps.stores.takedowns.find({ where: { ownerId: person.id }, limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  const waiting = tasks.filter((task) => takedownWaitsFor(task, person.id) && may(person, 'takedown.close', task.ownerId));
  return Promise.all(
    waiting.map(async (task) => {
      const details = await takedownDetails(deps.stores, task);
      return {
        recordType: 'takedown' as const,
        recordId: task.id,
        reference: takedownReference(task.id),
        title: details.link,
        since: task.updatedAt,
        steps: [...TAKEDOWN_STEPS],
        version: task.version,
        facts: { account: details.accountLabel, pupil: details.pupilName, media: task.media, ...(task.urgent ? { urgent: 'yes' } : {}) },
      };
    }),
  );
};
