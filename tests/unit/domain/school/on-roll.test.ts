/**
 * One rule for "is this pupil on roll on this date" and one for "the school's classes now" (s.4:
 * consent and posts are about pupils on roll; the class lists offer only classes that exist).
 */
import { currentClasses, currentYearGroups, onRollOn } from '../../../../bot/src/domain/school/pupil';

describe('on roll on a date', () => {
  const pupil = { onRollFrom: '2025-09-03', onRollTo: '2026-07-22' };
  it.each([
    ['the day before admission', pupil, '2025-09-02', false],
    ['the day of admission', pupil, '2025-09-03', true],
    ['a day in between', pupil, '2026-01-15', true],
    ['the day of leaving', pupil, '2026-07-22', true],
    ['the day after leaving', pupil, '2026-07-23', false],
    ['a pupil who has not left, years later', { onRollFrom: '2020-09-03' }, '2031-01-01', true],
    ['a date with a time, on the day of leaving (a post registered that afternoon)', pupil, '2026-07-22T15:30:00.000Z', true],
    [
      'dates kept with a time by a store, the day of admission',
      { onRollFrom: '2025-09-03T00:00:00Z', onRollTo: '2026-07-22T00:00:00Z' },
      '2025-09-03',
      true,
    ],
    [
      'dates kept with a time by a store, the day of leaving',
      { onRollFrom: '2025-09-03T00:00:00Z', onRollTo: '2026-07-22T00:00:00Z' },
      '2026-07-22',
      true,
    ],
  ])('%s → %s', (_case, who, date, expected) => {
    expect(onRollOn(who, date)).toBe(expected);
  });
});

describe("the school's classes now", () => {
  it('lists each class of pupils who have not left once, sorted, leaving out classes whose pupils have all left', () => {
    expect(
      currentClasses([
        { className: '6A' },
        { className: '4B' },
        { className: '6A' },
        { className: '3C', onRollTo: '2026-07-22' },
        { className: 'R1' },
      ]),
    ).toEqual(['4B', '6A', 'R1']);
  });

  it('is empty for a school with no pupils yet', () => {
    expect(currentClasses([])).toEqual([]);
  });
});

describe("the school's year groups now (s.4: consent and posts are about pupils on roll)", () => {
  it('lists each year group of pupils who have not left once, sorted, leaving out year groups whose pupils have all left', () => {
    expect(
      currentYearGroups([
        { yearGroup: 'Year 6' },
        { yearGroup: 'Year 4' },
        { yearGroup: 'Year 6' },
        { yearGroup: 'Year 3', onRollTo: '2026-07-22' },
        { yearGroup: 'Reception' },
      ]),
    ).toEqual(['Reception', 'Year 4', 'Year 6']);
  });
});
