/**
 * Every unblock ends (DfE filtering and monitoring standards: record what is allowed and why, and
 * review it): its default last day, and where an opened site stands on a school day.
 */
import {
  defaultUnblockEnd,
  endedBy,
  LONGEST_UNBLOCK_MONTHS,
  SCOPE_LABELS,
  UNBLOCK_SCOPES,
  UNBLOCK_STATUS_LABELS,
  periodLabel,
  scopeLabel,
  shortened,
  unblockStatus,
  type UnblockScope,
} from '../../../../bot/src/domain/access/unblock';
import { NO_TERM_DATES } from '../../../../bot/src/domain/calendar/school-calendar';
import { TERM_DATES } from '../../../fixtures/term-dates';

describe('the last day when the requester leaves it empty', () => {
  it.each([
    ['inside the autumn term', '2026-11-24', '2026-12-18'],
    ['on the last day of term', '2026-12-18', '2026-12-18'],
    ['in the Christmas holiday: the spring term', '2026-12-21', '2027-03-25'],
    ['in half term: the term it is in', '2026-10-27', '2026-12-18'],
    ['in the summer holiday before the next year: its autumn term ends it', '2026-08-10', '2026-12-18'],
  ])('starting %s (%s) ends on %s', (_name, from, end) => {
    expect(defaultUnblockEnd(TERM_DATES, from)).toBe(end);
  });

  it.each([
    ['no term dates at all', NO_TERM_DATES, '2026-11-24', '2027-07-31'],
    ['a school year after the last term given', TERM_DATES, '2027-09-06', '2028-07-31'],
    ['the summer holiday after the last term given', TERM_DATES, '2027-07-26', '2027-07-31'],
  ])('with %s, the end of the school year', (_name, calendar, from, end) => {
    expect(defaultUnblockEnd(calendar, from)).toBe(end);
  });

  it('s.9: a school year whose later terms were not entered ends at its own end, not with a term of the next year', () => {
    const calendar = { terms: [TERM_DATES.terms[3]!, { name: 'Autumn 2027', start: '2027-09-06', end: '2027-12-17' }], closures: [] };
    expect(defaultUnblockEnd(calendar, '2027-03-01')).toBe('2027-07-31');
  });

  it('s.9: term dates entered in any order still end it with the term it starts in', () => {
    expect(defaultUnblockEnd({ ...TERM_DATES, terms: [...TERM_DATES.terms].reverse() }, '2026-11-24')).toBe('2026-12-18');
  });
});

describe('the headteacher ending an unblock sooner (s.9, Appendix A: sooner, never longer, never before it starts)', () => {
  const PERIOD = { from: '2026-11-24', to: '2026-12-18' };
  it.each([
    ['a day inside the period: it ends then', '2026-12-04', { from: '2026-11-24', to: '2026-12-04' }],
    ['its first day: open that day only', '2026-11-24', { from: '2026-11-24', to: '2026-11-24' }],
    ['a day later than asked for: unchanged', '2027-01-08', PERIOD],
    ['a day before it starts: unchanged', '2026-11-20', PERIOD],
    ['no day given: unchanged', undefined, PERIOD],
  ])('%s', (_name, end, expected) => {
    expect(shortened(PERIOD, end)).toEqual(expected);
  });
});

describe('the online safety lead setting the last day of a site opened before periods existed (s.9)', () => {
  const opened = (at: string) => ({ actioned: { signature: { personId: 'p-ict', name: 'Lynne Robbins', at } } });
  it.each([
    [
      'opened before the last day: from the day it was opened',
      '2026-11-10T09:00:00.000Z',
      '2026-12-18',
      { from: '2026-11-10', to: '2026-12-18' },
    ],
    [
      'a last day before the day it was opened: that day only',
      '2026-11-20T09:00:00.000Z',
      '2026-11-18',
      { from: '2026-11-18', to: '2026-11-18' },
    ],
  ])('%s', (_name, at, end, expected) => {
    expect(endedBy(opened(at), end)).toEqual(expected);
  });

  it('one with a period can only end sooner', () => {
    expect(endedBy({ period: { from: '2026-11-24', to: '2026-12-18' } }, '2027-01-08')).toEqual({ from: '2026-11-24', to: '2026-12-18' });
  });
});

describe('the period as the register and the cards say it (s.9)', () => {
  it.each([
    [{ from: '2026-11-24', to: '2026-12-18' }, '24 November 2026 to 18 December 2026'],
    [undefined, 'No end date — set one'],
  ])('%j reads %p', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});

describe('where an opened site stands, for the register', () => {
  const PERIOD = { from: '2026-11-02', to: '2026-11-24' };
  it.each([
    ['opened, before its last day', 'unblocked', { from: '2026-11-02', to: '2026-11-25' }, 'open'],
    ['opened, on its last day', 'unblocked', PERIOD, 'open'],
    ['opened, the day after its last day', 'unblocked', { from: '2026-11-02', to: '2026-11-23' }, 'pastEnd'],
    ['opened before periods existed', 'unblocked', undefined, 'noEndDate'],
    ['blocked again', 'reblocked', PERIOD, 'reblocked'],
    ['approved, not yet opened', 'approved', PERIOD, undefined],
    ['refused', 'refused', PERIOD, undefined],
  ])('%s: %s', (_name, state, period, status) => {
    expect(unblockStatus({ state, ...(period ? { period } : {}) }, '2026-11-24')).toBe(status);
  });
});

describe('who it is opened for, as the register and the cards say it', () => {
  it.each<[UnblockScope | undefined, string]>([
    [{ kind: 'class', group: '3B' }, 'Class 3B'],
    [{ kind: 'yearGroup', group: 'Year 3' }, 'Year group Year 3'],
    // A class or year group saved without its name still reads cleanly.
    [{ kind: 'class' }, 'Class'],
    [{ kind: 'yearGroup' }, 'Year group'],
    [{ kind: 'staff' }, 'Staff only'],
    [{ kind: 'wholeSchool' }, 'Whole school'],
    [undefined, 'Not recorded'],
  ])('%j reads %p', (scope, label) => {
    expect(scopeLabel(scope)).toBe(label);
  });
});

/** s.9: the choices on the form and the register's words for where an unblock stands, exactly. */
describe('the words for who a site is opened for and where it stands (s.9)', () => {
  it.each<[string, string]>([
    ['class', 'One class'],
    ['yearGroup', 'A year group'],
    ['staff', 'Staff only'],
    ['wholeSchool', 'Whole school'],
  ])('the form offers %s as "%s"', (kind, label) => {
    expect(SCOPE_LABELS[kind as keyof typeof SCOPE_LABELS]).toBe(label);
  });

  it.each<[string, string]>([
    ['open', 'Open'],
    ['pastEnd', 'Past its end — block it again'],
    ['noEndDate', 'No end date — set one'],
    ['reblocked', 'Blocked again'],
  ])('the register shows %s as "%s"', (status, label) => {
    expect(UNBLOCK_STATUS_LABELS[status as keyof typeof UNBLOCK_STATUS_LABELS]).toBe(label);
  });

  it('the scopes, in the order offered, and the longest unblock of 12 months', () => {
    expect(UNBLOCK_SCOPES).toEqual(['class', 'yearGroup', 'staff', 'wholeSchool']);
    expect(LONGEST_UNBLOCK_MONTHS).toBe(12);
  });
});
