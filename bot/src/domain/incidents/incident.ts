/**
 * An incident (a reported concern) and its append-only chronology. Policy sections 2 (the DSL's
 * log), 5, 7, 8 (reporting concerns), 9 (blocked content, firewall) and 10 (cyberbullying).
 */
import type { Role } from '../people/role';
import type { BodyMark } from './body-map';
import type { EvidenceFile } from './incident-evidence';

export const INCIDENT_CATEGORIES = [
  'abuseAboutSchool',
  'cyberbullying',
  'pupilDisclosure',
  'staffConduct',
  'friendFollowStaff',
  'contentOnSchoolEquipment',
  'firewallCircumvention',
  'illegalActivity',
  'dataProtectionBreach',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  abuseAboutSchool: 'Inappropriate comment or abuse about the school',
  cyberbullying: 'Cyberbullying',
  pupilDisclosure: 'Online abuse, harassment or exploitation disclosed by a pupil',
  staffConduct: "A staff member's online conduct",
  friendFollowStaff: "A pupil or parent 'friend' or 'follow' of staff",
  contentOnSchoolEquipment: 'Inappropriate content reached on school equipment',
  firewallCircumvention: 'An attempt to get round the firewall',
  illegalActivity: 'Possible illegal activity',
  dataProtectionBreach: 'A possible data-protection breach (personal data lost, shared or posted wrongly)',
  other: 'Other',
};

export const INVOLVED = ['pupil', 'staff', 'parent', 'headteacher', 'unknown'] as const;
export type Involved = (typeof INVOLVED)[number];
export const INVOLVED_LABELS: Record<Involved, string> = {
  pupil: 'A pupil',
  staff: 'A member of staff',
  parent: 'A parent or carer',
  headteacher: 'The headteacher',
  unknown: 'Unknown',
};

export const WHERE = ['platform', 'schoolDevice', 'schoolAccount'] as const;
export type Where = (typeof WHERE)[number];
export const WHERE_LABELS: Record<Where, string> = {
  platform: 'A social media platform or app',
  schoolDevice: 'A school device',
  schoolAccount: 'A school account',
};

export const INCIDENT_STATUSES = ['new', 'inProgress', 'actionTaken', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'New',
  inProgress: 'In progress',
  actionTaken: 'Action taken',
  closed: 'Closed',
};

/** Whether the police were contacted, and who decided it, in which role, when and why (s.8: avoid criminalising pupils). */
export interface PoliceDecision {
  contacted: boolean;
  /** The decider's name. */
  decidedBy: string;
  decidedById?: string;
  /** The role the decision was taken in: the DSL's, for a pupil's possibly inadvertent behaviour (s.8). */
  decidedAs?: Role;
  reason: string;
  recordedAt: string;
}

/** Whether a data-protection breach was reported to the ICO (UK GDPR Art. 33: within 72 hours, where required). */
export interface IcoDecision {
  reported: boolean;
  reason: string;
  decidedById: string;
  decidedBy: string;
  recordedAt: string;
}

/** Something to do by a date (an action with a timescale): its assignee is reminded when due and when overdue. */
export interface FollowUp {
  id: string;
  text: string;
  /** YYYY-MM-DD, the school's date. */
  dueOn: string;
  assigneeId: string;
  assigneeName: string;
  setAt: string;
  setByName: string;
  done?: { at: string; byName: string };
}

/** What the reporter gives. Pre-filled from a Teams message when reported with the message action. */
export interface IncidentReport {
  whatHappened: string;
  /** When it happened, as the reporter knows it (YYYY-MM-DD). */
  occurredOn: string;
  where: Where;
  /** The platform or place in the reporter's words ("Instagram", "Year 6 laptop 4"). */
  platform: string;
  involved: Involved;
  category: IncidentCategory;
  /**
   * The Teams message it was reported from: its author and link, and (reported with the message
   * action) a copy of its text and the time it was sent, as Teams gave them when it was reported —
   * the message itself may be edited or deleted later.
   */
  sourceMessage?: { author: string; link: string; text?: string; sentAt?: string };
}

export interface Incident extends IncidentReport {
  id: string;
  /** A fresh key per form, so a form sent twice is saved once. */
  submissionKey: string;
  reporterId: string;
  reporterName: string;
  reportedAt: string;
  /** The role the routing rules sent it to. */
  routedTo: Role;
  /** Concerns about the headteacher are kept from the headteacher (s.8). */
  aboutHeadteacher: boolean;
  /** The person working on it: the routed role's holder at first, then whoever the DSL assigns. */
  assigneeId?: string;
  assigneeName?: string;
  status: IncidentStatus;
  /**
   * True from the moment the concern is saved until someone who may see it has been told; the
   * Incidents tab shows it, and the concern-notices job keeps trying while it holds.
   */
  nobodyToldYet?: boolean;
  cpomsReference?: string;
  police?: PoliceDecision;
  /** The first time someone who may see it opened it: escalation stops then. */
  firstOpened?: { at: string; byId: string; byName: string };
  /** How far a concern nobody opened has been escalated: 1 the deputy DSLs, 2 the headteacher (or the chair). */
  escalatedStage?: number;
  /** Where an injury was seen (never photographs). */
  bodyMap?: BodyMark[];
  followUps?: FollowUp[];
  ico?: IcoDecision;
  /** Files attached as evidence; a removed one keeps its entry (who removed it, why). */
  evidence?: EvidenceFile[];
  updatedAt: string;
}

/** One line of the chronology: never changed or removed once written. */
export interface ChronologyEntry {
  id: string;
  incidentId: string;
  at: string;
  byId: string;
  byName: string;
  kind:
    | 'reported'
    | 'action'
    | 'assigned'
    | 'status'
    | 'cpoms'
    | 'police'
    | 'opened'
    | 'escalated'
    | 'people'
    | 'bodyMap'
    | 'followUp'
    | 'ico'
    | 'evidence';
  text: string;
}

/** The reference the reporter is given and the DSL searches by. */
export function incidentReference(id: string): string {
  return `C-${id.padStart(5, '0')}`;
}

/** `C-00042`, `c42` or `42` → `42`; anything else → undefined. */
export function idFromReference(typed: string): string | undefined {
  const match = /^\s*(?:c-?)?0*(\d{1,12})\s*$/i.exec(typed);
  return match ? match[1] : undefined;
}
