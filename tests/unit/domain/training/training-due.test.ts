/** Social Media Policy s.11 (and s.2): when online safety training is due for staff, pupils, parents and refreshers. */
import type { SchoolCalendar } from '../../../../bot/src/domain/calendar/school-calendar';
import { dueStatus, nextDue, type SubjectFacts } from '../../../../bot/src/domain/training/training-due';
import type { DueRule } from '../../../../bot/src/domain/training/training-requirement';
import { PARENT_INVITATION, STAFF_TRAINING } from '../../../fixtures/training-requirements';

const CALENDAR: SchoolCalendar = {
  terms: [
    { name: 'Autumn 2026', start: '2026-09-02', end: '2026-12-18' },
    { name: 'Spring 2027', start: '2027-01-04', end: '2027-03-25' },
  ],
  closures: [],
};
const staff = STAFF_TRAINING.rule;
const parents = PARENT_INVITATION.rule;
const termly: DueRule = { kind: 'termly' };
const refresher: DueRule = { kind: 'by', dueOn: '2026-12-11' };

describe('when training is next due', () => {
  it.each<[string, DueRule, SubjectFacts, string, string | undefined]>([
    ['s.11 induction: a new starter, within 30 days of starting', staff, { startedOn: '2026-11-02' }, '2026-11-24', '2026-12-02'],
    ['s.11 induction: nobody knows when they started, so it is due now', staff, {}, '2026-11-24', '2026-11-24'],
    [
      's.11 annual: a year after the last training',
      staff,
      { startedOn: '2020-09-01', lastCompletedOn: '2026-01-15' },
      '2026-11-24',
      '2027-01-15',
    ],
    ['s.11 annual, leap year: trained on 29 February 2024', staff, { lastCompletedOn: '2024-02-29' }, '2024-03-01', '2025-02-28'],
    ['s.11 termly: not yet taught this term, due by its last day', termly, { lastCompletedOn: '2026-06-10' }, '2026-11-24', '2026-12-18'],
    ['s.11 termly: taught this term, due by the end of next term', termly, { lastCompletedOn: '2026-10-05' }, '2026-11-24', '2027-03-25'],
    ['s.11 termly: in the Christmas holiday, the autumn term is what counts', termly, {}, '2026-12-24', '2026-12-18'],
    [
      's.11 termly: taught on the first day of term counts for that term',
      termly,
      { lastCompletedOn: '2026-09-02' },
      '2026-11-24',
      '2027-03-25',
    ],
    [
      's.11 termly: taught the day before term counts for the term before',
      termly,
      { lastCompletedOn: '2026-09-01' },
      '2026-11-24',
      '2026-12-18',
    ],
    ['s.11 termly: before the first term the calendar knows, due now', termly, {}, '2026-08-20', '2026-08-20'],
    [
      's.11 termly: taught in the last term the calendar knows, nothing further is due yet',
      termly,
      { lastCompletedOn: '2027-02-01' },
      '2027-02-10',
      undefined,
    ],
    ['s.11 parents: invited every year', parents, { lastCompletedOn: '2025-10-07' }, '2026-11-24', '2026-10-07'],
    ['s.11 parents: never invited, due now', parents, {}, '2026-11-24', '2026-11-24'],
    ['s.11 refresher after an incident: due on the date the DSL set', refresher, {}, '2026-11-24', '2026-12-11'],
    ['s.11 refresher: done, nothing more due', refresher, { lastCompletedOn: '2026-12-01' }, '2026-12-20', undefined],
  ])('%s', (_case, rule, facts, today, expected) => {
    expect(nextDue(rule, facts, today, CALENDAR)).toBe(expected);
  });
});

describe('terms listed out of order (s.11 termly)', () => {
  const SUMMER: SchoolCalendar = {
    terms: [{ name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' }, ...CALENDAR.terms],
    closures: [],
  };
  it('the next term is the one that follows, not the last listed', () => {
    expect(nextDue(termly, { lastCompletedOn: '2026-10-05' }, '2026-11-24', SUMMER)).toBe('2027-03-25');
  });
});

describe('due status: reminders start 30 days before', () => {
  it.each([
    ['2026-12-24', '2026-11-24', 'dueSoon', '30 days ahead'],
    ['2026-12-25', '2026-11-24', 'upToDate', '31 days ahead'],
    ['2026-11-24', '2026-11-24', 'dueSoon', 'due today'],
    ['2026-11-23', '2026-11-24', 'overdue', 'a day late'],
    [undefined, '2026-11-24', 'upToDate', 'nothing due'],
  ] as [string | undefined, string, string, string][])('due %s on %s → %s (%s)', (due, today, status) => {
    expect(dueStatus(due, today)).toBe(status);
  });
});
