/** The roles the policy names (s.2), as people see them, and the check every role lookup goes through. */
import { holds } from '../../../../bot/src/domain/people/person';
import { isRole, ROLE_LABELS, ROLES } from '../../../../bot/src/domain/people/role';

describe('roles (s.2)', () => {
  it('are the ones the policy names, and the designated social media staff of s.5', () => {
    expect(ROLES).toEqual(['staff', 'onlineSafetyLead', 'headteacher', 'dsl', 'deputyDsl', 'ictTechnician', 'admin', 'governor', 'chairOfGovernors', 'socialMediaStaff']);
  });

  it('each has its own label', () => {
    const labels = ROLES.map((role) => ROLE_LABELS[role]);
    expect(labels.every((label) => label.trim() !== '')).toBe(true);
    expect(new Set(labels).size).toBe(ROLES.length);
  });

  it.each<[unknown, boolean]>([
    ['headteacher', true],
    ['socialMediaStaff', true],
    ['Headteacher', false],
    ['requester', false],
    ['', false],
    [undefined, false],
    [['dsl'], false],
  ])('%p is a role: %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });

  it('a person holds a role only if it is among theirs', () => {
    expect(holds({ roles: ['staff', 'dsl'] }, 'dsl')).toBe(true);
    expect(holds({ roles: ['staff', 'dsl'] }, 'headteacher')).toBe(false);
  });
});
