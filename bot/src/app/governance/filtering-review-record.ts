import { may } from '../../domain/authorization/permissions';
import { longDate } from '../../domain/calendar/dates';
import { today } from '../../domain/calendar/zoned-time';
import {
  doneNoteProblem,
  reviewActionReference,
  reviewProblems,
  reviewTaskKey,
  type FilteringReviewRecord,
  type ReviewActionTask,
  type ReviewEntry,
  type ReviewInput,
} from '../../domain/governance/filtering-review-record';
import type { Person } from '../../domain/people/person';
import { DuplicateRecordError, StaleRecordError, type Versioned } from '../../ports/collection.port';
import type { ReminderMessage } from '../../ports/outbox.port';
import type { AppDeps } from '../app-deps';
import { refuse, type NotPermitted } from '../incident-log';
import type { FieldProblems } from '../outcome';
import { readAll } from '../read-all';
import { recordAudit } from '../record-audit';
import type { PlannedReminder } from '../reminders/deliver-reminders';
import type { Announce } from '../reminders/announce';
import { readTermDates } from '../settings/term-dates';

export type ReviewDeps = AppDeps & { announce: Announce };

type Stale = { status: 'stale'; review: Versioned<FilteringReviewRecord> | undefined };

/** The year's review as recorded so far, if it has been. */
export async function recordedReview(deps: Pick<AppDeps, 'stores'>, year: string): Promise<Versioned<FilteringReviewRecord> | undefined> {
  return (await deps.stores.filteringReviews.find({ where: { year }, limit: 1 })).items[0];
}

/**
 * Records the annual filtering and monitoring review for a school year: who reviewed it, when, the
 * outcome and the actions agreed. Recording again adds an entry, never overwriting one: the person
 * says which version of the year's review they saw (none, before the first), and if someone else
 * recorded meanwhile nothing is saved and they are shown it (stale). Each agreed action becomes a
 * task for its assignee, who is told in their private chat through the outbox.
 */
export async function recordFilteringReview(
  deps: ReviewDeps,
  person: Person,
  year: string,
  input: ReviewInput,
  seenVersion: number | undefined,
): Promise<
  | NotPermitted
  | { status: 'invalid'; errors: FieldProblems }
  | Stale
  | { status: 'ok'; review: Versioned<FilteringReviewRecord>; tasks: Versioned<ReviewActionTask>[]; announced: Promise<unknown> }
> {
  if (!may(person, 'filteringReview.record')) return refuse(deps, person, 'filteringReview.record', year, 'filteringReview');
  const [people, { calendar }] = await Promise.all([deps.directory.everyone(), readTermDates(deps.stores)]);
  const day = today(deps.clock);
  const errors = reviewProblems(input, { year, today: day, calendar, people });
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
  const nameOf = (id: string) => people.find((one) => one.id === id)!.displayName;
  const now = deps.clock.now().toISOString();
  const entry: ReviewEntry = {
    reviewedOn: input.reviewedOn,
    seniorLeader: { personId: input.seniorLeaderId, name: nameOf(input.seniorLeaderId) },
    governor: { personId: input.governorId, name: nameOf(input.governorId) },
    outcome: input.outcome.trim(),
    actions: input.actions.map((action) => ({
      description: action.description.trim(),
      assigneeId: action.assigneeId,
      assigneeName: nameOf(action.assigneeId),
      due: action.due,
    })),
    recordedById: person.id,
    recordedByName: person.displayName,
    recordedAt: now,
  };
  const existing = await recordedReview(deps, year);
  if (existing?.version !== seenVersion) return { status: 'stale', review: existing };
  let review: Versioned<FilteringReviewRecord>;
  try {
    review = existing
      ? await deps.stores.filteringReviews.update({ ...existing, entries: [...existing.entries, entry], updatedAt: now })
      : await deps.stores.filteringReviews.insert({ year, entries: [entry], updatedAt: now });
  } catch (error) {
    if (error instanceof StaleRecordError || error instanceof DuplicateRecordError)
      return { status: 'stale', review: await recordedReview(deps, year) };
    throw error;
  }
  await recordAudit(deps, person, {
    action: 'filteringReview.record',
    recordType: 'filteringReview',
    recordId: review.id,
    summary: `Recorded the filtering and monitoring review ${year} (reviewed on ${entry.reviewedOn}), with ${entry.actions.length} action(s)`,
  });
  const tasks = await ensureReviewTasks(deps, review);
  return { status: 'ok', review, tasks, announced: deps.announce(`filtering-review ${review.id}`, tasks.map(assignedNotice)) };
}

/**
 * Makes the task of every agreed action of the year's review that has none yet (one per action: the
 * store refuses a second with the same key), so that a recording that stopped part-way is finished
 * by the next recording or the reminders' run. Answers the tasks it made.
 */
export async function ensureReviewTasks(
  deps: Pick<AppDeps, 'stores' | 'clock'>,
  review: Versioned<FilteringReviewRecord>,
): Promise<Versioned<ReviewActionTask>[]> {
  const existing = new Set(
    (
      await readAll((cursor) =>
        deps.stores.reviewActions.find({ where: { reviewId: review.id }, limit: 200, ...(cursor ? { cursor } : {}) }),
      )
    ).map((task) => task.taskKey),
  );
  const made: Versioned<ReviewActionTask>[] = [];
  for (const [entryIndex, entry] of review.entries.entries()) {
    for (const [actionIndex, action] of entry.actions.entries()) {
      const taskKey = reviewTaskKey(review.id, entryIndex, actionIndex);
      if (existing.has(taskKey)) continue;
      const now = deps.clock.now().toISOString();
      try {
        made.push(
          await deps.stores.reviewActions.insert({
            ...action,
            year: review.year,
            reviewId: review.id,
            taskKey,
            status: 'open',
            createdAt: now,
            updatedAt: now,
          }),
        );
      } catch (error) {
        if (!(error instanceof DuplicateRecordError)) throw error;
      }
    }
  }
  return made;
}

/** Every review's tasks made, for the reminders' run (a recording that stopped before its tasks were made). */
export async function ensureAllReviewTasks(deps: Pick<AppDeps, 'stores' | 'clock'>): Promise<Versioned<ReviewActionTask>[]> {
  const reviews = await readAll((cursor) => deps.stores.filteringReviews.find({ limit: 50, ...(cursor ? { cursor } : {}) }));
  return (await Promise.all(reviews.map((review) => ensureReviewTasks(deps, review)))).flat();
}

/** An action's notice: its reference, the year and when it is due, never its words (they could name anyone). */
export function assignedNotice(task: Versioned<ReviewActionTask>): PlannedReminder {
  return {
    person: { id: task.assigneeId, displayName: task.assigneeName },
    reason: `review-action:${task.id}`,
    period: 'new',
    message: actionMessage(task, 'An action from the filtering and monitoring review is yours', 'accent'),
  };
}

export function actionMessage(task: ReviewActionTask & { id: string }, title: string, tone: ReminderMessage['tone']): ReminderMessage {
  return {
    title,
    lines: [
      `Action ${reviewActionReference(task.id)}, agreed at the review of filtering and monitoring for ${task.year}, is due by ${longDate(task.due)}.`,
      'What it is, and where you mark it done with a note, is on Waiting for me in the Online Safety Desk tab.',
    ],
    tone,
    act: { label: 'Open Waiting for me', tabView: 'waiting' },
  };
}

/**
 * Marks an agreed action done, with a note of what was done: by the person it was given to, or the
 * headteacher or the online safety lead. Only from the version the person saw.
 */
export async function closeReviewAction(
  deps: AppDeps,
  person: Person,
  taskId: string,
  note: string,
  seenVersion: number,
): Promise<
  | NotPermitted
  | { status: 'not-found' }
  | { status: 'invalid'; errors: FieldProblems }
  | { status: 'not-now' | 'stale' | 'ok'; task: Versioned<ReviewActionTask> }
> {
  const task = await deps.stores.reviewActions.get(taskId);
  if (!task) return { status: 'not-found' };
  if (!may(person, 'filteringReview.closeAction', task.assigneeId))
    return refuse(deps, person, 'filteringReview.closeAction', task.id, 'reviewAction');
  if (task.status === 'done') return { status: 'not-now', task };
  if (task.version !== seenVersion) return { status: 'stale', task };
  const problem = doneNoteProblem(note);
  if (problem) return { status: 'invalid', errors: { note: problem } };
  const at = deps.clock.now().toISOString();
  let closed: Versioned<ReviewActionTask>;
  try {
    closed = await deps.stores.reviewActions.update({
      ...task,
      status: 'done',
      done: { note: note.trim(), byId: person.id, byName: person.displayName, at },
      updatedAt: at,
    });
  } catch (error) {
    if (error instanceof StaleRecordError) return { status: 'stale', task: (await deps.stores.reviewActions.get(taskId)) ?? task };
    throw error;
  }
  await recordAudit(deps, person, {
    action: 'filteringReview.closeAction',
    recordType: 'reviewAction',
    recordId: task.id,
    summary: `Marked action ${reviewActionReference(task.id)} of the filtering and monitoring review ${task.year} done`,
  });
  return { status: 'ok', task: closed };
}

/** The review's tasks still open: for the reminders and Waiting for me. */
export async function openReviewTasks(deps: Pick<AppDeps, 'stores'>): Promise<Versioned<ReviewActionTask>[]> {
  return readAll((cursor) => deps.stores.reviewActions.find({ where: { status: 'open' }, limit: 200, ...(cursor ? { cursor } : {}) }));
}
