/** Retention as data (IRMS schools toolkit; policy s.4; DfE filtering and monitoring standards). */
import { addMonths, isDue, retentionRules, reviewDue } from '../../../../bot/src/domain/retention/retention-rules';

const rules = new Map(retentionRules(12).map((rule) => [rule.record, rule]));

describe('retention rules', () => {
  it.each([
    ['incident', { createdAt: '2026-01-10', pupilDateOfBirth: '2016-05-20' }, '2041-05-20'],
    // No date of birth held: 22 years on, when any pupil (3 at the youngest) is past 25.
    ['incident', { createdAt: '2026-01-10' }, '2048-01-10'],
    ['consent', { createdAt: '2019-09-04' }, 'not yet'],
    ['consent', { createdAt: '2019-09-04', offRollOn: '2026-07-22' }, '2027-07-22'],
    ['accessRequest', { createdAt: '2026-11-24T10:00:00Z' }, '2032-11-24'],
    // A leaver's file sent on 24 November 2026: the record that it was sent, as long as a child protection record.
    ['transferRecord', { createdAt: '2026-11-24' }, '2048-11-24'],
  ] as const)('a %s with %j is reviewed on %s', (record, facts, expected) => {
    expect(reviewDue(rules.get(record)!, facts)).toBe(expected);
  });

  it.each([
    ['consent', { createdAt: '2019-09-04', offRollOn: '2025-07-22' }, '2026-07-22', true],
    ['consent', { createdAt: '2019-09-04', offRollOn: '2025-07-22' }, '2026-07-21', false],
    ['consent', { createdAt: '2019-09-04' }, '2099-01-01', false],
    ['incident', { createdAt: '2026-01-10' }, '2048-01-09', false],
    ['incident', { createdAt: '2026-01-10' }, '2048-01-10', true],
    ['incident', { createdAt: '2026-01-10', pupilDateOfBirth: '2016-05-20' }, '2041-05-19', false],
    ['accessRequest', { createdAt: '2020-11-24' }, '2026-11-24', true],
  ] as const)('a %s with %j is due on %s: %s', (record, facts, today, expected) => {
    expect(isDue(rules.get(record)!, facts, today)).toBe(expected);
  });

  it.each([
    ['2016-02-29', 12, '2017-02-28'],
    ['2016-02-29', 48, '2020-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
