/** `GET /api/settings`: School settings. */
export type Role = string;

export interface SchoolDetails {
  id: string;
  version: number;
  name: string;
  contactForAccess: string;
  filteringLead?: string;
  filteringGovernor?: string;
}

export interface PolicyReview {
  id?: string;
  name: string;
  reviewers: Role[];
  cycleMonths: number;
  nextReviewDue: string;
}

export interface Policy {
  id: string;
  version: number;
  title: string;
  owner: string;
  reviews: (PolicyReview & { id: string })[];
  approvals: { approvedOn: string; note: string; recordedByName: string; recordedAt: string }[];
  retiredOn?: string;
}

export interface TermDateEntry {
  kind: 'term' | 'closure';
  name: string;
  start: string;
  end: string;
}

export type DueRule =
  | { kind: 'inductionThenEvery'; inductionDays: number; months: number }
  | { kind: 'termly' }
  | { kind: 'every'; months: number }
  | { kind: 'by'; dueOn: string };

export interface Requirement {
  id: string;
  version: number;
  requirementId: string;
  title: string;
  audience: 'staff' | 'pupils' | 'parents';
  roles?: Role[];
  rule: DueRule;
  policy: string;
  retired: boolean;
}

export interface SettingsData {
  can: { school: boolean; policies: boolean; termDates: boolean; trainingRequirements: boolean };
  school: SchoolDetails | null;
  policies: Policy[];
  termDates: { version: number | null; entries: TermDateEntry[]; years: string[] };
  trainingRequirements: Requirement[];
  roles: { value: Role; label: string }[];
  today: string;
}
