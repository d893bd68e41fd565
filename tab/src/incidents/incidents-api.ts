import type { Credentials } from '../api';

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
export const PARTS: [Part, string][] = [['affected', 'Affected'], ['causedHarm', 'Alleged to have caused harm'], ['witness', 'Witness'], ['other', 'Other part']];

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

export type View = 'front' | 'back';
export interface Mark {
  id?: string;
  view: View;
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

export interface IncidentDetail {
  incident: IncidentRow & {
    version: number;
    assigneeId: string | null;
    whatHappened: string;
    where: string;
    platform: string;
    involved: string;
    sourceMessage: { author: string; link: string } | null;
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
  nextStatuses: Status[];
  assignable: Person[];
  mayFollowUp: Person[];
  staff: Person[];
  canAssign: boolean;
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
  incidents: { id: string; reference: string; category: string; reportedAt: string; status: Status; statusLabel: string; roleLabel: string }[];
  entries: (ChronologyEntry & { incidentId: string; reference: string; roleLabel: string })[];
}

export interface Filters {
  status: string;
  category: string;
  routedTo: string;
  from: string;
  to: string;
  q: string;
  sort: string;
  dir: 'asc' | 'desc';
  /** '1': only incidents past their timescales. */
  late: string;
}

export const NO_FILTERS: Filters = { status: '', category: '', routedTo: '', from: '', to: '', q: '', sort: 'reportedAt', dir: 'desc', late: '' };

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

/** A refusal or failure from the API, with its HTTP status (403 shows the access-denied page). */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly body: { detail?: IncidentDetail } = {}) {
    super(message);
  }
}

async function headers(credentials: Credentials): Promise<Record<string, string>> {
  if (credentials.token) return { authorization: `Bearer ${await credentials.token()}` };
  return credentials.personaId ? { 'x-demo-person': credentials.personaId } : {};
}

async function call(path: string, credentials: Credentials, body?: object): Promise<Response> {
  const response = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: { ...(await headers(credentials)), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    const failure = (await response.json().catch(() => ({}))) as { error?: string; detail?: IncidentDetail };
    throw new ApiError(failure.error ?? `The server answered ${response.status}.`, response.status, failure);
  }
  return response;
}

export function queryString(filters: Filters, offset = 0): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (offset) params.set('offset', String(offset));
  return params.toString();
}

export const api = {
  list: async (credentials: Credentials, filters: Filters, offset: number) =>
    (await (await call(`/api/incidents?${queryString(filters, offset)}`, credentials)).json()) as { total: number; items: IncidentRow[] },
  detail: async (credentials: Credentials, id: string) => (await (await call(`/api/incidents/${encodeURIComponent(id)}`, credentials)).json()) as IncidentDetail,
  summary: async (credentials: Credentials) => (await (await call('/api/incidents/summary', credentials)).json()) as Summary,
  /** `version` is the incident as the person saw it: a change made meanwhile answers 409 with the incident as it is now. */
  step: async (credentials: Credentials, id: string, step: Step, version: number) => (await (await call(`/api/incidents/${encodeURIComponent(id)}/steps`, credentials, { ...step, version })).json()) as { entries: ChronologyEntry[] },
  roster: async (credentials: Credentials) => ((await (await call('/api/incidents/roster', credentials)).json()) as { pupils: RosterPupil[] }).pupils,
  pupil: async (credentials: Credentials, pupilId: string) => (await (await call(`/api/incidents/pupils/${encodeURIComponent(pupilId)}`, credentials)).json()) as PupilChronology,
  /** The filtered list as CSV, saved through a download link (the API needs the caller's credentials). */
  exportCsv: async (credentials: Credentials, filters: Filters) => {
    const blob = await (await call(`/api/incidents.csv?${queryString(filters)}`, credentials)).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `incidents-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  },
};

export const formatDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
export const formatDateTime = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
