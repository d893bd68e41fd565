/** The incident log as the Incidents page reads it (`/api/incidents…`). */
export interface IncidentRow {
  id: string;
  reference: string;
  reportedAt: string;
  occurredOn: string;
  category: string;
  categoryLabel: string;
  routedTo: string;
  routedToLabel: string;
  assigneeName: string | null;
  status: Status;
  statusLabel: string;
  reporterName: string;
  /** Nobody who may see the concern could be told of it yet; the app keeps trying. */
  nobodyToldYet: boolean;
  /** What is past its timescale now ("Not opened within 4 working hours"). */
  late: string[];
  updatedAt: string;
}

export type Status = 'new' | 'inProgress' | 'actionTaken' | 'closed';

export interface ChronologyEntry {
  id: string;
  at: string;
  byName: string;
  kind: string;
  text: string;
}

export type Part = 'affected' | 'causedHarm' | 'witness' | 'other';

export interface Link {
  id: string;
  kind: 'pupil' | 'staff' | 'other';
  pupilId: string | null;
  name: string;
  className: string | null;
  yearGroup: string | null;
  role: Part | 'named';
  roleLabel: string;
}

export type BodySide = 'front' | 'back';
export interface Mark {
  id?: string;
  view: BodySide;
  x: number;
  y: number;
  note: string;
}

export interface FollowUp {
  id: string;
  text: string;
  dueOn: string;
  assigneeName: string;
  done?: { at: string; byName: string };
}

export type Person = { id: string; displayName: string };

/** A file attached to an incident; a removed one stays listed with who removed it and why. */
export interface Evidence {
  id: string;
  name: string;
  label: string;
  format: string;
  bytes: number;
  addedAt: string;
  addedByName: string;
  removed?: { at: string; byName: string; reason: string };
}

export interface IncidentDetail {
  incident: IncidentRow & {
    version: number;
    assigneeId: string | null;
    whatHappened: string;
    where: string;
    platform: string;
    involved: string;
    /** Reported from a Teams message: its author and link, and the copy kept when it was reported. */
    sourceMessage: { author: string; link: string; text?: string; sentAt?: string } | null;
    evidence: Evidence[];
    cpomsReference: string | null;
    police: { contacted: boolean; decidedBy: string; decidedAsLabel: string | null; reason: string; recordedAt: string } | null;
    ico: { reported: boolean; reason: string; decidedBy: string; recordedAt: string } | null;
    firstOpened: { at: string; byName: string } | null;
    bodyMap: (Mark & { id: string; label: string })[];
    followUps: FollowUp[];
    aboutHeadteacher: boolean;
  };
  chronology: ChronologyEntry[];
  links: Link[];
  routing: { procedure: string; prompt?: string; policy: string };
  nextStatuses: readonly Status[];
  assignable: Person[];
  mayFollowUp: Person[];
  staff: Person[];
  canAssign: boolean;
  canRemoveEvidence: boolean;
  police: { may: true; asLabel: string | null } | { may: false; why: string };
  late: string[];
  ico?: { deadline: string; hoursPassed: number };
}

export interface Summary {
  total: number;
  byCategory: Record<string, number>;
  byMonth: { month: string; count: number }[];
  byYearGroup: { yearGroup: string; count: number }[];
  byPupilRole: Record<string, number>;
  categoryLabels: Record<string, string>;
  roleLabels: Record<string, string>;
}

export interface RosterPupil {
  id: string;
  displayName: string;
  className: string;
  yearGroup: string;
  left: boolean;
}

export interface PupilChronology {
  pupil: { id: string; displayName: string; className: string; yearGroup: string; onRollTo: string | null };
  incidents: {
    id: string;
    reference: string;
    category: string;
    reportedAt: string;
    status: Status;
    statusLabel: string;
    roleLabel: string;
  }[];
  entries: (ChronologyEntry & { incidentId: string; reference: string; roleLabel: string })[];
  /** A leaver's safeguarding file: to send, or sent (when, to whom, how). Only for the DSL and the deputies; null otherwise. */
  transfer: { status: 'toSend' | 'sent'; sent: { on: string; toSchool: string; toDsl: string; howLabel: string } | null } | null;
}

/** `POST /api/incidents/:id/steps`: one step on an incident, sent with the version the person saw. */
export type Step =
  | { type: 'action'; text: string; followUp?: { inWorkingDays?: number; on?: string; assigneeId: string } }
  | { type: 'assign'; personId: string }
  | { type: 'status'; to: Status; note?: string }
  | { type: 'cpoms'; reference: string }
  | { type: 'police'; contacted: boolean; reason: string }
  | { type: 'link'; who: { pupilId: string } | { personId: string } | { name: string }; role: Part }
  | { type: 'linkRole'; linkId: string; role: Part }
  | { type: 'unlink'; linkId: string }
  | { type: 'bodyMap'; marks: Mark[] }
  | { type: 'followUpDone'; followUpId: string }
  | { type: 'ico'; reported: boolean; reason: string };

/** `GET /api/incidents/transfers`: one leaver whose safeguarding file is to send, or was sent. */
export interface TransferRowJson {
  pupilId: string;
  displayName: string;
  className: string;
  yearGroup: string;
  leftOn: string;
  status: 'toSend' | 'sent';
  /** Incidents linked to the pupil that the caller may see (those they may not are never counted). */
  incidents: number;
  version: number;
  sent: { on: string; toSchool: string; toDsl: string; how: string; howLabel: string; recordedByName: string; recordedAt: string } | null;
}

export interface TransferListJson {
  rows: TransferRowJson[];
  methods: { value: string; label: string }[];
}
