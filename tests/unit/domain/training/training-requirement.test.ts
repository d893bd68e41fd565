/** Social Media Policy s.11: training requirements kept by the school as data, who each is for, and the refreshers the DSL requires. */
import type { Role } from '../../../../bot/src/domain/people/role';
import {
  appliesTo,
  AUDIENCE_LABELS,
  refresherRequirement,
  toRequirement,
  type TrainingRequirement,
} from '../../../../bot/src/domain/training/training-requirement';

describe('a requirement as the school keeps it (School settings)', () => {
  it('is known by its requirement id, not the id of the record it is stored in', () => {
    const record = {
      requirementId: 'staff-online-safety',
      title: 'Online safety training',
      audience: 'staff' as const,
      roles: ['staff' as const],
      rule: { kind: 'inductionThenEvery' as const, inductionDays: 30, months: 12 },
      policy: 's.2, s.11',
      retired: false,
    };
    expect(toRequirement(record)).toEqual({
      id: 'staff-online-safety',
      title: 'Online safety training',
      audience: 'staff',
      roles: ['staff'],
      rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 },
      policy: 's.2, s.11',
    });
  });

  it('each audience has its own label', () => {
    expect(AUDIENCE_LABELS).toEqual({ staff: 'Staff', pupils: 'Pupils', parents: 'Parents' });
  });
});

describe('who a requirement is for', () => {
  const requirement = (audience: TrainingRequirement['audience'], roles?: Role[]) => ({ audience, roles });
  it.each<[string, Pick<TrainingRequirement, 'audience' | 'roles'>, Role[], boolean]>([
    ['no roles named: a member of staff', requirement('staff'), ['staff'], true],
    ['no roles named: a governor who is not staff', requirement('staff'), ['governor'], false],
    ['named for governors: a governor', requirement('staff', ['governor', 'chairOfGovernors']), ['chairOfGovernors'], true],
    ['named for governors: a member of staff', requirement('staff', ['governor']), ['staff'], false],
    ['a pupils requirement is nobody on the staff list', requirement('pupils'), ['staff'], false],
    ['a parents requirement is nobody on the staff list', requirement('parents', ['staff']), ['staff'], false],
  ])('%s', (_case, req, roles, expected) => {
    expect(appliesTo(req, { roles })).toBe(expected);
  });
});

describe('a refresher the DSL requires (s.11)', () => {
  it('is due by the date set, for its audience', () => {
    const refresher = {
      id: '3',
      title: 'Refresher: sharing images',
      audience: 'pupils' as const,
      group: '6A',
      dueOn: '2026-12-11',
      requiredOn: '2026-11-24',
      requiredById: 'dsl',
      requiredByName: 'Patti Fernandez',
    };
    expect(refresherRequirement(refresher)).toEqual({
      id: 'refresher-3',
      title: 'Refresher: sharing images',
      audience: 'pupils',
      rule: { kind: 'by', dueOn: '2026-12-11' },
      policy: 's.11 (refresher)',
    });
  });
});
