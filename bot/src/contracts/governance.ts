/** `GET /api/governance`: the governors' page. Counts only: no incident, pupil or staff name. */

/** A count, or `null` for "fewer than 3" (governors are not shown counts of 1 or 2). */
export type ShownCount = number | null;

export interface ScheduledReview {
  policyTitle: string;
  reviewName: string;
  cycleMonths: number;
  nextReviewDue: string;
  standing: 'overdue' | 'dueSoon' | 'scheduled';
  lastCompleted?: { on: string; byName: string };
}

export interface TrainingGroup {
  audience: string;
  group: string;
  upToDate: number;
  dueSoon: number;
  overdue: number;
  /** Up to date, as a whole percentage of the group. */
  percentUpToDate: number;
}

export interface UnblockedSite {
  reference: string;
  url: string;
  siteContent: string;
  reasons: string;
  risksAndControls: string;
  decisionReasons: string;
  approvedOn: string;
  approvedBy: string;
  /** When the ICT technician opened it; absent while it waits for them. */
  openedOn?: string;
  /** The period or scope the approval was given for, where the request records one. */
  scope?: string;
}

export interface GovernanceView {
  today: string;
  /** True when counts under 3 are hidden (governors); the headteacher sees every count. */
  smallCountsHidden: boolean;
  /** True for the chair (not the headteacher): concerns about the headteacher are counted too. */
  includesConcernsAboutHeadteacher: boolean;
  reviews: ScheduledReview[];
  training: TrainingGroup[];
  /** The person's own training (a governor's own online safety training is a requirement like any other). */
  ownTraining: { requirementTitle: string; due?: string; lastCompletedOn?: string; status: 'upToDate' | 'dueSoon' | 'overdue' }[];
  incidents: {
    months: number;
    byCategory: { category: string; label: string; count: ShownCount }[];
    byMonth: { month: string; count: ShownCount }[];
    total: ShownCount;
  };
  unblockedSites: UnblockedSite[];
  postingRequests: { approved: number; refused: number; waiting: number };
  takedowns: { open: number; closed: number };
}

/** One decision on a request to open a site, as the annual review lists it. */
export interface AccessDecision {
  reference: string;
  url: string;
  siteContent: string;
  reasons: string;
  risksAndControls: string;
  approved: boolean;
  decisionReasons: string;
  decidedOn: string;
  decidedBy: string;
  scope?: string;
}

/** `GET /api/filtering-review?year=2025-26`: the annual filtering and monitoring review pack. */
export interface FilteringReviewPackView {
  year: string;
  from: string;
  to: string;
  /** School years the pack can be made for, newest first. */
  years: string[];
  schoolName: string;
  reviewers: { lead: string; governor: string };
  decisions: AccessDecision[];
  openUnblocks: UnblockedSite[];
  smallCountsHidden: boolean;
  incidents: { category: string; label: string; count: ShownCount; references: string[] }[];
  training: TrainingGroup[];
  policies: { title: string; approvedOn?: string; nextReviewDue?: string }[];
  /** The review as recorded for this year: every recording, oldest first; version to send when recording again. */
  recorded: RecordedReviewView;
  /** The school's date today (the earliest an action can be due). */
  today: string;
  /** What this person may do here; the server checks again. */
  can: { record: boolean };
  /** Who the form offers, for those who may record: senior leaders, governors, and everyone an action can be given to. */
  choices?: { seniorLeaders: PersonChoice[]; governors: PersonChoice[]; everyone: PersonChoice[] };
}

export interface PersonChoice {
  id: string;
  name: string;
}

export interface RecordedReviewView {
  /** Absent until the review is first recorded for the year. */
  version?: number;
  entries: {
    reviewedOn: string;
    seniorLeader: string;
    governor: string;
    outcome: string;
    recordedBy: string;
    recordedOn: string;
    actions: ReviewActionView[];
  }[];
}

export interface ReviewActionView {
  /** "FR-4"; absent while its task is still being made. */
  reference?: string;
  description: string;
  assignee: string;
  due: string;
  status: 'open' | 'overdue' | 'done';
  done?: { on: string; note: string; by: string };
}

/** `POST /api/filtering-review/record`: recording the year's review. */
export interface RecordReviewBody {
  year: string;
  reviewedOn: string;
  seniorLeaderId: string;
  governorId: string;
  outcome: string;
  actions: { description: string; assigneeId: string; due: string }[];
  /** The version of the year's review the page showed; absent before the first recording. */
  version?: number;
}
