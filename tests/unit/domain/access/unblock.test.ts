/**
 * Every unblock ends (DfE filtering and monitoring standards: record what is allowed and why, and
 * review it): its default last day, and where an opened site stands on a school day.
 */
import { defaultUnblockEnd, scopeLabel, unblockStatus, type UnblockScope } from '../../../../bot/src/domain/access/unblock';
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
    [{ kind: 'staff' }, 'Staff only'],
    [{ kind: 'wholeSchool' }, 'Whole school'],
    [undefined, 'Not recorded'],
  ])('%j reads %p', (scope, label) => {
    expect(scopeLabel(scope)).toBe(label);
  });
});
