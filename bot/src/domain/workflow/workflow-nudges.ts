import type { IsoDate } from '../calendar/dates';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { localDate } from '../calendar/zoned-time';
import type { Role } from '../people/role';
import { escalationDue, waitingNudge } from '../reminders/reminder-rules';
import type { AnyWorkflow, Party, RequestRecord } from './workflow';
import { waitingOn } from './workflow-rules';

/** What a request that waits is owed today: a reminder to whoever must act, and once, word to the role above. */
export interface NudgeDue {
  party: Party;
  /** The day it started waiting (the school's date of its last change). */
  since: IsoDate;
  remind?: { workingDays: number; period: string };
  escalate?: { to: Role; workingDays: number; period: string };
}

/**
 * Working days from the school calendar only (weekends, holidays and closures do not count): after
 * the definition's `remindAfter` the person who must act is reminded, and again as often while it
 * waits; after `escalateAfter` more, the state's `escalateTo` is told, once.
 */
export function nudgeDue(workflow: AnyWorkflow, request: RequestRecord, calendar: SchoolCalendar, today: IsoDate): NudgeDue | undefined {
  const waiting = waitingOn(workflow, request);
  if (!waiting?.reminded) return undefined;
  const since = localDate(new Date(waiting.since));
  const { escalateAfter } = workflow.nudges;
  const remindAfter = workflow.states[request.state]?.remindAfter ?? workflow.nudges.remindAfter;
  const remind = waitingNudge(calendar, since, today, remindAfter);
  const escalate = waiting.escalateTo ? escalationDue(calendar, since, today, remindAfter, escalateAfter) : undefined;
  if (!remind && !escalate) return undefined;
  return {
    party: waiting.party,
    since,
    ...(remind ? { remind } : {}),
    ...(escalate && waiting.escalateTo ? { escalate: { to: waiting.escalateTo, ...escalate } } : {}),
  };
}
