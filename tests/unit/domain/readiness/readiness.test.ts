/**
 * The go-live checklist: its items in the installation guide's order, each numbered as the guide
 * numbers it; green only when every item is.
 */
import { finding, overallLevel, READINESS_ITEMS, type ReadinessLevel } from '../../../../bot/src/domain/readiness/readiness';

describe('the whole checklist', () => {
  it.each<[string, ReadinessLevel[], ReadinessLevel]>([
    ['every item green', ['green', 'green'], 'green'],
    ['one amber', ['green', 'amber', 'green'], 'amber'],
    ['one red among ambers', ['amber', 'red', 'amber'], 'red'],
    ['red first, then amber', ['red', 'amber'], 'red'],
  ])('%s: %s', (_case, levels, overall) => {
    expect(overallLevel(levels.map((level) => ({ level })))).toBe(overall);
  });
});

describe('one item as found', () => {
  it('is numbered and titled as in the installation guide', () => {
    expect(READINESS_ITEMS.map((item, index) => `${index + 1}. ${item.id}`)).toEqual([
      '1. credential',
      '2. working-site',
      '3. records-site',
      '4. role-groups',
      '5. reach',
      '6. teams-app',
      '7. school',
      '8. policy-register',
      '9. term-dates',
      '10. training-requirements',
      '11. jobs',
    ]);
    expect(finding('term-dates', 'red', 'No term dates after 20 December 2026.', "Add next year's term dates in School settings.")).toEqual(
      {
        id: 'term-dates',
        number: 9,
        title: 'Term dates for the next twelve months',
        level: 'red',
        found: 'No term dates after 20 December 2026.',
        fix: "Add next year's term dates in School settings.",
      },
    );
  });

  it.each<[string, ReadinessLevel, string | undefined, boolean]>([
    ['a red item says what to do', 'red', 'Create the lists.', true],
    ['an amber item says what to do', 'amber', 'Grant the app the site.', true],
    ['a green item has nothing to do, even when a fix is passed', 'green', 'Nothing.', false],
    ['an item with no fix given shows none', 'amber', undefined, false],
  ])('%s', (_case, level, fix, shown) => {
    expect('fix' in finding('credential', level, 'Found.', fix)).toBe(shown);
  });

  it('the first item is number 1 and the last number 11', () => {
    expect([finding('credential', 'green', '').number, finding('jobs', 'green', '').number]).toEqual([1, 11]);
    expect(finding('jobs', 'green', '').title).toBe('The reminder jobs');
  });
});
