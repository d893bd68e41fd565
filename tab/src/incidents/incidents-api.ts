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
}

export type Status = 'new' | 'inProgress' | 'actionTaken' | 'closed';

export interface ChronologyEntry {
  id: string;
  at: string;
  byName: string;
  kind: string;
  text: string;
}

export interface IncidentDetail {
  incident: IncidentRow & {
    assigneeId: string | null;
    whatHappened: string;
    where: string;
    platform: string;
    involved: string;
    sourceMessage: { author: string; link: string } | null;
    cpomsReference: string | null;
    police: { contacted: boolean; decidedBy: string; reason: string; recordedAt: string } | null;
    aboutHeadteacher: boolean;
  };
  chronology: ChronologyEntry[];
  routing: { procedure: string; prompt?: string; policy: string };
  nextStatuses: Status[];
  assignable: { id: string; displayName: string }[];
  canAssign: boolean;
}

export interface Summary {
  total: number;
  byCategory: Record<string, number>;
  byMonth: { month: string; count: number }[];
  categoryLabels: Record<string, string>;
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
}

export const NO_FILTERS: Filters = { status: '', category: '', routedTo: '', from: '', to: '', q: '', sort: 'reportedAt', dir: 'desc' };

export type Step =
  | { type: 'action'; text: string }
  | { type: 'assign'; personId: string }
  | { type: 'status'; to: Status; note?: string }
  | { type: 'cpoms'; reference: string }
  | { type: 'police'; contacted: boolean; decidedBy: string; reason: string };

/** A refusal or failure from the API, with its HTTP status (403 shows the access-denied page). */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
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
    const failure = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(failure.error ?? `The server answered ${response.status}.`, response.status);
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
  step: async (credentials: Credentials, id: string, step: Step) => (await (await call(`/api/incidents/${encodeURIComponent(id)}/steps`, credentials, step)).json()) as { entry: ChronologyEntry },
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
