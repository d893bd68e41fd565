import { isWorkingDay, schoolYearSpan, type SchoolCalendar } from '../calendar/school-calendar';
import { isIsoDate, type IsoDate } from '../calendar/dates';
import { holds, type Person } from '../people/person';
import type { Role } from '../people/role';
import { hiddenCharacterProblem } from '../validation/typed-text';

/**
 * The annual filtering and monitoring review as recorded (DfE filtering and monitoring standards:
 * a senior leader and a governor review it at least once a year and record what they found and
 * what is to be done). One record per school year; each time the review is recorded for that year
 * an entry is added, never overwriting an earlier one.
 */
export interface FilteringReviewRecord {
  id: string;
  /** The school year reviewed, as the app writes it (`2026-27`): one record per year. */
  year: string;
  entries: ReviewEntry[];
  updatedAt: string;
}

export interface ReviewEntry {
  reviewedOn: IsoDate;
  seniorLeader: { personId: string; name: string };
  governor: { personId: string; name: string };
  outcome: string;
  /** The actions agreed, as agreed: each is tracked as a task of its own (`ReviewActionTask`). */
  actions: AgreedAction[];
  recordedById: string;
  recordedByName: string;
  recordedAt: string;
}

export interface AgreedAction {
  description: string;
  assigneeId: string;
  assigneeName: string;
  due: IsoDate;
}

/** An agreed action as a task: assigned, reminded on its due day and while overdue, done with a note. */
export interface ReviewActionTask extends AgreedAction {
  id: string;
  year: string;
  reviewId: string;
  /** `<review id>|<entry number>|<action number>`: one task per agreed action, whoever makes it first. */
  taskKey: string;
  status: 'open' | 'done';
  done?: { note: string; byId: string; byName: string; at: string };
  createdAt: string;
  updatedAt: string;
}

export function reviewTaskKey(reviewId: string, entryIndex: number, actionIndex: number): string {
  return `${reviewId}|${entryIndex + 1}|${actionIndex + 1}`;
}

/** How people refer to an action from the review: "FR-4". */
export function reviewActionReference(id: string): string {
  return `FR-${id}`;
}

/** The senior leaders who may review filtering with a governor: the school's leaders in the app. */
export const SENIOR_LEADER_ROLES: readonly Role[] = ['headteacher', 'onlineSafetyLead', 'dsl', 'deputyDsl'];
export const GOVERNOR_ROLES: readonly Role[] = ['governor', 'chairOfGovernors'];

export const REVIEW_LIMITS = { outcome: 4000, description: 500, note: 1000, actions: 20 } as const;

/** What a person sends to record the review. */
export interface ReviewInput {
  reviewedOn: string;
  seniorLeaderId: string;
  governorId: string;
  outcome: string;
  actions: { description: string; assigneeId: string; due: string }[];
}

/** What a review's recording is checked against: the year, the school's days, who is in the directory. */
export interface ReviewContext {
  year: string;
  today: IsoDate;
  calendar: SchoolCalendar;
  people: readonly Pick<Person, 'id' | 'roles'>[];
}

/**
 * What is wrong with a recording, by field (`actions.2.due` for the third action's due date): the
 * review's date is a real day, not in the future; the senior leader and the governor are people of
 * the school holding those roles; the outcome is written; each action is described, given to a person
 * of the school, and due on a school day that has not passed.
 */
export function reviewProblems(input: ReviewInput, context: ReviewContext): Record<string, string> {
  const problems: Record<string, string> = {};
  const person = (id: string) => context.people.find((one) => one.id === id);
  const holdsAny = (id: string, roles: readonly Role[]) => {
    const found = person(id);
    return found !== undefined && roles.some((role) => holds(found, role));
  };
  if (!schoolYearSpan(context.year)) problems.year = 'Choose the school year the review is for.';
  if (!isIsoDate(input.reviewedOn)) problems.reviewedOn = 'Give the date of the review.';
  else if (input.reviewedOn > context.today) problems.reviewedOn = 'The date of the review cannot be in the future.';
  if (!holdsAny(input.seniorLeaderId, SENIOR_LEADER_ROLES))
    problems.seniorLeaderId = 'Choose the senior leader who reviewed it (the headteacher, the online safety lead or the DSL).';
  if (!holdsAny(input.governorId, GOVERNOR_ROLES)) problems.governorId = 'Choose the governor who reviewed it.';
  const outcome = input.outcome.trim();
  if (!outcome) problems.outcome = "Write the review's outcome.";
  else if (outcome.length > REVIEW_LIMITS.outcome) problems.outcome = `The outcome must be ${REVIEW_LIMITS.outcome} characters or fewer.`;
  else {
    const hidden = hiddenCharacterProblem('The outcome', outcome);
    if (hidden) problems.outcome = hidden;
  }
  if (input.actions.length > REVIEW_LIMITS.actions) problems.actions = `Record at most ${REVIEW_LIMITS.actions} actions at a time.`;
  input.actions.forEach((action, index) => {
    const field = (name: string) => `actions.${index}.${name}`;
    const description = action.description.trim();
    if (!description) problems[field('description')] = 'Say what is to be done.';
    else if (description.length > REVIEW_LIMITS.description)
      problems[field('description')] = `An action must be ${REVIEW_LIMITS.description} characters or fewer.`;
    else {
      const hidden = hiddenCharacterProblem('The action', description);
      if (hidden) problems[field('description')] = hidden;
    }
    if (!person(action.assigneeId)) problems[field('assigneeId')] = 'Choose who will do it.';
    if (!isIsoDate(action.due)) problems[field('due')] = 'Give the day it is due.';
    else if (action.due < context.today) problems[field('due')] = 'The due date cannot be in the past.';
    else if (!isWorkingDay(context.calendar, action.due)) problems[field('due')] = 'Choose a school day (not a weekend or a holiday).';
  });
  return problems;
}

/** What is wrong with the note that marks an action done. */
export function doneNoteProblem(note: string): string | undefined {
  const trimmed = note.trim();
  if (!trimmed) return 'Say what was done.';
  if (trimmed.length > REVIEW_LIMITS.note) return `The note must be ${REVIEW_LIMITS.note} characters or fewer.`;
  return hiddenCharacterProblem('The note', trimmed);
}

/** Where an open task stands on a day: due later, due today, or overdue (and for how many days). */
export function actionStanding(task: Pick<ReviewActionTask, 'status' | 'due'>, today: IsoDate): 'done' | 'open' | 'dueToday' | 'overdue' {
  if (task.status === 'done') return 'done';
  if (task.due === today) return 'dueToday';
  return task.due < today ? 'overdue' : 'open';
}
