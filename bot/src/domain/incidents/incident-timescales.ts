/**
 * An incident's timescales: a new concern must be opened within a set number of working hours
 * (then it is escalated: the deputy DSLs, then the headteacher or, for a concern about the
 * headteacher, the chair of governors); follow-ups are due on a date; a data-protection breach has
 * 72 hours from the school becoming aware to be reported to the ICO, where required (UK GDPR Art. 33).
 */
import type { SchoolCalendar } from '../calendar/school-calendar';
import { addWorkingHours, type WorkingDay } from '../calendar/working-hours';
import { localDate } from '../calendar/zoned-time';
import type { Role } from '../people/role';
import type { FollowUp, Incident } from './incident';

export interface TimescaleSettings {
  /** Working hours a new concern may wait to be opened before each escalation. */
  escalateAfterWorkingHours: number;
  workingDay: WorkingDay;
}

export const DEFAULT_TIMESCALES: TimescaleSettings = { escalateAfterWorkingHours: 4, workingDay: { start: '08:00', end: '17:00' } };

type Timed = Pick<
  Incident,
  'reportedAt' | 'status' | 'firstOpened' | 'escalatedStage' | 'aboutHeadteacher' | 'category' | 'followUps' | 'ico'
>;

/** Who each escalation goes to (s.8: the chair instead of the headteacher for a concern about the headteacher). */
export function escalationRoles(stage: 1 | 2, incident: Pick<Incident, 'aboutHeadteacher'>): Role[] {
  if (stage === 1) return ['deputyDsl'];
  return [incident.aboutHeadteacher ? 'chairOfGovernors' : 'headteacher'];
}

/**
 * The escalations due by `now` for a concern nobody who may see it has opened: stage 1 after the
 * set working hours, stage 2 after twice as many. Concerns reported before escalation existed
 * (no `escalatedStage`), opened or closed ones are never escalated.
 */
export function escalationsDue(incident: Timed, calendar: SchoolCalendar, settings: TimescaleSettings, now: Date): (1 | 2)[] {
  if (incident.firstOpened || incident.escalatedStage === undefined || incident.status === 'closed') return [];
  const reported = new Date(incident.reportedAt);
  const due: (1 | 2)[] = [];
  for (const stage of [1, 2] as const) {
    const at = addWorkingHours(calendar, settings.workingDay, reported, settings.escalateAfterWorkingHours * stage);
    if (at && at <= now) due.push(stage);
  }
  return due;
}

export const ICO_HOURS = 72;
/** When those who deal with a breach are reminded of the ICO deadline, in hours since the school became aware. */
export const ICO_REMINDER_HOURS = [24, 48, 66] as const;

/** The 72-hour clock of a data-protection breach, from when it was reported (the school became aware). */
export function icoClock(incident: Timed, now: Date): { deadline: string; hoursPassed: number; remindersDue: number[] } | undefined {
  if (incident.category !== 'dataProtectionBreach' || incident.ico) return undefined;
  const aware = Date.parse(incident.reportedAt);
  const hoursPassed = Math.floor((now.getTime() - aware) / 3_600_000);
  return {
    deadline: new Date(aware + ICO_HOURS * 3_600_000).toISOString(),
    hoursPassed,
    remindersDue: ICO_REMINDER_HOURS.filter((hours) => hoursPassed >= hours),
  };
}

export function openFollowUps(incident: Pick<Incident, 'followUps'>): FollowUp[] {
  return (incident.followUps ?? []).filter((followUp) => !followUp.done);
}

export type TimescaleProblem = { kind: 'notOpened' | 'followUpOverdue' | 'icoDeadlinePassed'; text: string };

/** What is past its timescale now, in words for the badge; nothing once the incident is closed. */
export function timescaleProblems(incident: Timed, calendar: SchoolCalendar, settings: TimescaleSettings, now: Date): TimescaleProblem[] {
  if (incident.status === 'closed') return [];
  const problems: TimescaleProblem[] = [];
  if (escalationsDue(incident, calendar, settings, now).length)
    problems.push({ kind: 'notOpened', text: `Not opened within ${settings.escalateAfterWorkingHours} working hours` });
  const today = localDate(now);
  const overdue = openFollowUps(incident).filter((followUp) => followUp.dueOn < today);
  if (overdue.length)
    problems.push({
      kind: 'followUpOverdue',
      text: overdue.length === 1 ? 'A follow-up is overdue' : `${overdue.length} follow-ups are overdue`,
    });
  const clock = icoClock(incident, now);
  if (clock && clock.hoursPassed >= ICO_HOURS) problems.push({ kind: 'icoDeadlinePassed', text: 'The 72-hour ICO deadline has passed' });
  return problems;
}
