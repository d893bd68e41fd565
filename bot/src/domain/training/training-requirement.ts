import type { IsoDate } from '../calendar/dates';

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
  id: string;
  title: string;
  audience: Audience;
  rule: DueRule;
  /** The policy sections the requirement comes from, shown beside it. */
  policy: string;
}

/** The standing requirements, as data: a school changes the numbers here, not the rules. */
export const TRAINING_REQUIREMENTS: readonly TrainingRequirement[] = [
  { id: 'staff-online-safety', title: 'Online safety training', audience: 'staff', rule: { kind: 'inductionThenEvery', inductionDays: 30, months: 12 }, policy: 's.2, s.11' },
  { id: 'pupil-online-safety', title: 'Online safety and social media lessons', audience: 'pupils', rule: { kind: 'termly' }, policy: 's.11' },
  { id: 'parent-online-safety', title: 'Online safety and social media training for parents (invitation)', audience: 'parents', rule: { kind: 'every', months: 12 }, policy: 's.11' },
];

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
  return { id: `refresher-${refresher.id}`, title: refresher.title, audience: refresher.audience, rule: { kind: 'by', dueOn: refresher.dueOn }, policy: 's.11 (refresher)' };
}
