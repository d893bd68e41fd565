/** `GET /api/training`: the training page. */
export type DueStatus = 'upToDate' | 'dueSoon' | 'overdue';

export interface ComplianceRow {
  requirementId: string;
  requirementTitle: string;
  policy: string;
  audience: 'staff' | 'pupils' | 'parents';
  group: string;
  subjectId: string;
  subjectName: string;
  lastCompletedOn?: string;
  due?: string;
  status: DueStatus;
}

export interface TrainingRecord {
  id: string;
  requirementId: string;
  subjectName: string;
  completedOn: string;
  evidence: string;
  status: 'confirmed' | 'awaitingConfirmation' | 'rejected';
  recordedByName: string;
  attendees?: string[];
}

export interface TrainingOverview {
  everyone: boolean;
  today: string;
  rows: ComplianceRow[];
  groups: { audience: string; group: string; upToDate: number; dueSoon: number; overdue: number }[];
  awaitingConfirmation: TrainingRecord[];
  requirements: { id: string; title: string; audience: 'staff' | 'pupils' | 'parents' }[];
  people: { id: string; displayName: string }[];
  /** Policies in force with reviews: the headteacher records each review when it is done. */
  policies: { id: string; title: string; approvedOn?: string; reviews: { id: string; name: string; nextReviewDue: string }[] }[];
  can: { seeEveryone: boolean; record: boolean; confirm: boolean; recordReview: boolean; logOwn: boolean; requireRefresher: boolean };
}
