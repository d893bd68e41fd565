import type { IsoDate } from '../calendar/dates';
import type { Role } from '../people/role';

/** Who a requirement is for (s.11): staff one by one, pupils by class, parents as one invited group. */
export type Audience = 'staff' | 'pupils' | 'parents';

export const AUDIENCE_LABELS: Record<Audience, string> = { staff: 'Staff', pupils: 'Pupils', parents: 'Parents' };

export type DueRule =
  /** s.11, s.2: online safety training at induction, then annual training. */
  | { kind: 'inductionThenEvery'; inductionDays: number; months: number }
  /** s.11: pupils are taught online safety every term. */
  | { kind: 'termly' }
  /** s.11: parents are invited once a year (the invitation is what is due). */
  | { kind: 'every'; months: number }
  /** s.11: a refresher the DSL requires after a significant incident or change. */
  | { kind: 'by'; dueOn: IsoDate };

export interface TrainingRequirement {
  /** What training records name it by (`staff-online-safety`): never changes once made. */
  id: string;
  title: string;
  audience: Audience;
  /** For the `staff` audience, the roles it is for (staff, governors…); everyone holding one of them. */
  roles?: Role[];
  rule: DueRule;
  /** The policy sections the requirement comes from, shown beside it. */
  policy: string;
}

/**
 * A standing requirement as the school keeps it in School settings (the online safety lead and the
 * headteacher change it). Retired requirements stay, so that earlier training records keep their meaning.
 */
export interface TrainingRequirementRecord extends Omit<TrainingRequirement, 'id'> {
  id: string;
  requirementId: string;
  retired: boolean;
}

export function toRequirement(record: Omit<TrainingRequirementRecord, 'id'>): TrainingRequirement {
  const { requirementId, retired: _retired, ...rest } = record;
  return { ...rest, id: requirementId };
}

/** Who a staff-audience requirement applies to when no roles are named: the staff. */
export function appliesTo(requirement: Pick<TrainingRequirement, 'audience' | 'roles'>, person: { roles: readonly Role[] }): boolean {
  return requirement.audience === 'staff' && (requirement.roles ?? ['staff']).some((role) => person.roles.includes(role));
}

/** A refresher the DSL requires for a group after a significant incident (s.11), stored as a record. */
export interface Refresher {
  id: string;
  title: string;
  audience: Audience;
  /** `all` (every member of the audience) or a class name for pupils. */
  group: string;
  dueOn: IsoDate;
  requiredOn: IsoDate;
  requiredById: string;
  requiredByName: string;
}

export function refresherRequirement(refresher: Refresher): TrainingRequirement {
  return {
    id: `refresher-${refresher.id}`,
    title: refresher.title,
    audience: refresher.audience,
    rule: { kind: 'by', dueOn: refresher.dueOn },
    policy: 's.11 (refresher)',
  };
}
