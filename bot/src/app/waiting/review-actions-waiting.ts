import { longDate } from '../../domain/calendar/dates';
import { reviewActionReference } from '../../domain/governance/filtering-review-record';
import { readAll } from '../read-all';
import type { WaitingProvider } from './waiting-item';

/** The step of an agreed action, as `closeReviewAction` takes it. */
export const REVIEW_ACTION_STEPS = ['done'] as const;

/** The actions agreed at the filtering and monitoring review given to this person, until they are done. */
export const reviewActionsWaiting: WaitingProvider = async (deps, person) => {
  const tasks = await readAll((cursor) =>
    deps.stores.reviewActions.find({ where: { assigneeId: person.id }, limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  return tasks
    .filter((task) => task.status === 'open')
    .map((task) => ({
      recordType: 'reviewAction' as const,
      recordId: task.id,
      reference: reviewActionReference(task.id),
      title: task.description,
      since: task.createdAt,
      steps: [...REVIEW_ACTION_STEPS],
      version: task.version,
      facts: { due: longDate(task.due), review: `Filtering and monitoring ${task.year}` },
    }));
};
