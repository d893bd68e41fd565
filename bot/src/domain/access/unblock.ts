import { addMonths, longDate, type IsoDate } from '../calendar/dates';
import { schoolYearOf, type SchoolCalendar } from '../calendar/school-calendar';
import { localDate } from '../calendar/zoned-time';
import type { Signature } from '../workflow/workflow';

/**
 * A site is opened for a period and for some people only, and every unblock ends: the DfE filtering
 * and monitoring standards ask schools to record what is allowed, for whom and why, and to review it.
 */
export const UNBLOCK_SCOPES = ['class', 'yearGroup', 'staff', 'wholeSchool'] as const;
export type UnblockScopeKind = (typeof UNBLOCK_SCOPES)[number];

/** Who the site is opened for: one class or year group (named), staff only, or the whole school. */
export interface UnblockScope {
  kind: UnblockScopeKind;
  /** The class or year group, for those two kinds only. */
  group?: string;
}

/** The school dates the site is open on, first and last day included. */
export interface UnblockPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** At most a year: the standards ask for a yearly review, so nothing stays open longer unseen. */
export const LONGEST_UNBLOCK_MONTHS = 12;

export const SCOPE_LABELS: Record<UnblockScopeKind, string> = {
  class: 'One class',
  yearGroup: 'A year group',
  staff: 'Staff only',
  wholeSchool: 'Whole school',
};

export function scopeLabel(scope: UnblockScope | undefined): string {
  if (!scope) return 'Not recorded';
  if (scope.kind === 'class') return `Class ${scope.group ?? ''}`.trim();
  if (scope.kind === 'yearGroup') return `Year group ${scope.group ?? ''}`.trim();
  return SCOPE_LABELS[scope.kind];
}

export function periodLabel(period: UnblockPeriod | undefined): string {
  return period ? `${longDate(period.from)} to ${longDate(period.to)}` : 'No end date — set one';
}

/**
 * The end when the requester leaves it empty: the last day of the term the unblock starts in (or
 * the next term, if it starts in a holiday); without term dates for it, the end of that school year.
 */
export function defaultUnblockEnd(calendar: SchoolCalendar, from: IsoDate): IsoDate {
  const term = [...calendar.terms].sort((a, b) => a.start.localeCompare(b.start)).find((candidate) => candidate.end >= from);
  if (term && schoolYearOf(term.start) === schoolYearOf(from)) return term.end;
  return `${Number(schoolYearOf(from).slice(0, 4)) + 1}-07-31`;
}

/** What is wrong with a period as asked for, or undefined when nothing is. */
export function periodProblem(period: UnblockPeriod, today: IsoDate): { field: 'periodFrom' | 'periodTo'; message: string } | undefined {
  if (period.from < today) return { field: 'periodFrom', message: 'The first day cannot be in the past.' };
  if (period.to < period.from) return { field: 'periodTo', message: 'The last day must be on or after the first day.' };
  if (period.to > addMonths(period.from, LONGEST_UNBLOCK_MONTHS))
    return { field: 'periodTo', message: `An unblock can last at most ${LONGEST_UNBLOCK_MONTHS} months; ask again when it ends.` };
  return undefined;
}

/**
 * What is wrong with a last day typed to end an unblock sooner: never before it starts, never later
 * than was asked for (a longer unblock is a new request, for the headteacher to decide).
 */
export function endDateProblem(period: UnblockPeriod | undefined, end: IsoDate | undefined): string | undefined {
  if (!period || !end) return undefined;
  if (end < period.from) return `The last day cannot be before the first day, ${longDate(period.from)}.`;
  if (end > period.to) return `The last day can only be sooner than ${longDate(period.to)}; a longer unblock is a new request.`;
  return undefined;
}

/** The headteacher may end it sooner, never later, and never before it starts. */
export function shortened(period: UnblockPeriod, end: IsoDate | undefined): UnblockPeriod {
  if (!end || end < period.from || end >= period.to) return period;
  return { ...period, to: end };
}

/**
 * The period once the online safety lead sets its last day: a site opened before periods existed
 * gets one from the day it was opened; one with a period can only end sooner (a longer one is a
 * new request, for the headteacher to decide).
 */
export function endedBy(request: { period?: UnblockPeriod; actioned?: { signature: Signature } }, end: IsoDate): UnblockPeriod {
  if (request.period) return shortened(request.period, end);
  const opened = request.actioned ? localDate(new Date(request.actioned.signature.at)) : end;
  return { from: opened < end ? opened : end, to: end };
}

/** Where an unblock stands, for the register: a site opened and still open, open past its last day, or blocked again. */
export type UnblockStatus = 'open' | 'pastEnd' | 'noEndDate' | 'reblocked';

export const UNBLOCK_STATUS_LABELS: Record<UnblockStatus, string> = {
  open: 'Open',
  pastEnd: 'Past its end — block it again',
  noEndDate: 'No end date — set one',
  reblocked: 'Blocked again',
};

/** An opened site's status on a school day; undefined for a request whose site was never opened. */
export function unblockStatus(request: { state: string; period?: UnblockPeriod }, today: IsoDate): UnblockStatus | undefined {
  if (request.state === 'reblocked') return 'reblocked';
  if (request.state !== 'unblocked') return undefined;
  if (!request.period) return 'noEndDate';
  return request.period.to < today ? 'pastEnd' : 'open';
}

/** The ICT technician's record of blocking the site again: what they did, signed. */
export interface Reblocked {
  note: string;
  signature: Signature;
}
