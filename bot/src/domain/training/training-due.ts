import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar/dates';
import { termFor, type SchoolCalendar } from '../calendar/school-calendar';
import type { DueRule } from './training-requirement';

/** Reminders start this many days before a due date ("due in 30 days"). */
export const DUE_SOON_DAYS = 30;

export type DueStatus = 'upToDate' | 'dueSoon' | 'overdue';

export interface SubjectFacts {
  /** A staff member's first day (induction counts from here). */
  startedOn?: IsoDate;
  /** The latest confirmed completion, if any. */
  lastCompletedOn?: IsoDate;
}

/**
 * When the training is next due for one subject (a person, a class, the parents), or undefined
 * when nothing further is due as far as the calendar knows.
 */
export function nextDue(rule: DueRule, facts: SubjectFacts, today: IsoDate, calendar: SchoolCalendar): IsoDate | undefined {
  switch (rule.kind) {
    case 'inductionThenEvery':
      if (facts.lastCompletedOn) return addMonths(facts.lastCompletedOn, rule.months);
      return facts.startedOn ? addDays(facts.startedOn, rule.inductionDays) : today;
    case 'every':
      return facts.lastCompletedOn ? addMonths(facts.lastCompletedOn, rule.months) : today;
    case 'by':
      // Completions are counted per refresher, so any completion of it satisfies it.
      return facts.lastCompletedOn ? undefined : rule.dueOn;
    case 'termly':
      return termlyDue(facts, today, calendar);
  }
}

/** Due by the last day of the current term, unless done in it; then by the end of the next term. */
function termlyDue(facts: SubjectFacts, today: IsoDate, calendar: SchoolCalendar): IsoDate | undefined {
  const term = termFor(calendar, today);
  if (!term) return today;
  if (!facts.lastCompletedOn || facts.lastCompletedOn < term.start) return term.end;
  const next = [...calendar.terms].sort((a, b) => a.start.localeCompare(b.start)).find((other) => other.start > term.end);
  return next?.end;
}

export function dueStatus(due: IsoDate | undefined, today: IsoDate): DueStatus {
  if (due === undefined) return 'upToDate';
  const days = daysBetween(today, due);
  if (days < 0) return 'overdue';
  return days <= DUE_SOON_DAYS ? 'dueSoon' : 'upToDate';
}
