/** The roles the policy names (s.2), as people see them, and the check every role lookup goes through. */
import { holds } from '../../../../bot/src/domain/people/person';
import { isRole, ROLE_LABELS, ROLES, ROLES_EVERY_SCHOOL_NEEDS } from '../../../../bot/src/domain/people/role';

describe('roles (s.2)', () => {
  it('include the ones the policy names, and the designated social media staff of s.5, each once', () => {
    expect(ROLES).toEqual(
      expect.arrayContaining([
        'staff',
        'onlineSafetyLead',
        'headteacher',
        'dsl',
        'deputyDsl',
        'ictTechnician',
        'admin',
        'governor',
        'chairOfGovernors',
        'socialMediaStaff',
      ]),
    );
    expect(new Set(ROLES).size).toBe(ROLES.length);
  });

  it('every school needs someone as staff, online safety lead, headteacher and ICT technician: a blocked-site request needs all four (s.9)', () => {
    expect(ROLES_EVERY_SCHOOL_NEEDS).toEqual(['staff', 'onlineSafetyLead', 'headteacher', 'ictTechnician']);
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
