/**
 * The governors' page (policy s.2: the governing board oversees the policy) counts incidents, never
 * shows one: which incidents each person's counts include, and who sees exact counts rather than
 * "fewer than 3". Concerns about the headteacher are counted for the chair of governors only (s.8).
 */
import { inScope } from '../../../../bot/src/domain/incidents/incident-visibility';
import { governanceIncidentScope, seesExactCounts, seesStaffNames } from '../../../../bot/src/domain/governance/governance-scope';
import type { Role } from '../../../../bot/src/domain/people/role';

const ORDINARY = { aboutHeadteacher: false, assigneeId: 'someone-else' };
const ABOUT_HEAD = { aboutHeadteacher: true, assigneeId: 'someone-else' };

describe('which incidents the governance counts include', () => {
  it.each<[string, Role[], boolean, boolean]>([
    ['a governor', ['governor'], true, false],
    ['the chair of governors', ['governor', 'chairOfGovernors'], true, true],
    ['the headteacher', ['staff', 'headteacher'], true, false],
    ['a headteacher who is also the chair', ['headteacher', 'chairOfGovernors'], true, false],
    ['the DSL', ['staff', 'dsl'], true, false],
  ])('%s: ordinary concerns %s, concerns about the headteacher %s', (_, roles, ordinary, aboutHead) => {
    const scope = governanceIncidentScope({ id: 'p1', roles });
    expect([inScope(ORDINARY, scope), inScope(ABOUT_HEAD, scope)]).toEqual([ordinary, aboutHead]);
  });
});

describe('who sees exact counts, even under 3', () => {
  it.each<[Role[], boolean]>([
    [['staff', 'headteacher'], true],
    [['staff', 'dsl'], true],
    [['staff', 'deputyDsl'], true],
    [['governor'], false],
    [['governor', 'chairOfGovernors'], false],
    [['staff', 'onlineSafetyLead'], false],
  ])('%j: %s', (roles, expected) => {
    expect(seesExactCounts({ roles })).toBe(expected);
  });
});

describe('who is shown the names of the staff who asked, decided and recorded (the board oversees decisions, not people)', () => {
  it.each<[Role[], boolean]>([
    [['staff', 'headteacher'], true],
    [['staff', 'onlineSafetyLead'], true],
    [['staff', 'dsl'], true],
    [['staff', 'deputyDsl'], true],
    [['governor'], false],
    [['governor', 'chairOfGovernors'], false],
    [['staff'], false],
  ])('%j: %s', (roles, expected) => {
    expect(seesStaffNames({ roles })).toBe(expected);
  });
});
