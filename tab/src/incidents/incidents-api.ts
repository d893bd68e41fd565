import { ApiError, download, getBlob, getJson, postJson, sendJson, type Credentials } from '../api';
import type {
  ChronologyEntry,
  IncidentDetail,
  IncidentRow,
  Part,
  PupilChronology,
  RosterPupil,
  Step,
  Summary,
  TransferListJson,
} from '../../../bot/src/contracts/incidents';

export type { TransferListJson, TransferRowJson } from '../../../bot/src/contracts/incidents';
export type {
  ChronologyEntry,
  Evidence,
  FollowUp,
  IncidentDetail,
  IncidentRow,
  Link,
  Mark,
  Part,
  Person,
  PupilChronology,
  RosterPupil,
  Status,
  Step,
  Summary,
} from '../../../bot/src/contracts/incidents';
import { shortDate, shortDateTime } from '../ui/dates';
export type { BodySide as View } from '../../../bot/src/contracts/incidents';
export { ApiError };

export const PARTS: [Part, string][] = [
  ['affected', 'Affected'],
  ['causedHarm', 'Alleged to have caused harm'],
  ['witness', 'Witness'],
  ['other', 'Other part'],
];

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

export const NO_FILTERS: Filters = {
  status: '',
  category: '',
  routedTo: '',
  from: '',
  to: '',
  q: '',
  sort: 'reportedAt',
  dir: 'desc',
  late: '',
};

export function queryString(filters: Filters, offset = 0): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (offset) params.set('offset', String(offset));
  return params.toString();
}

export const api = {
  list: (credentials: Credentials, filters: Filters, offset: number) =>
    getJson<{ total: number; items: IncidentRow[] }>(`/api/incidents?${queryString(filters, offset)}`, credentials),
  detail: (credentials: Credentials, id: string) => getJson<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, credentials),
  summary: (credentials: Credentials) => getJson<Summary>('/api/incidents/summary', credentials),
  /**
   * `version` is the incident as the person saw it: a change made meanwhile answers 409 with the incident as it is now
   * (`ApiError.body.detail`).
   */
  step: (credentials: Credentials, id: string, step: Step, version: number) =>
    postJson<{ entries: ChronologyEntry[] }>(`/api/incidents/${encodeURIComponent(id)}/steps`, credentials, { ...step, version }),
  roster: async (credentials: Credentials) => (await getJson<{ pupils: RosterPupil[] }>('/api/incidents/roster', credentials)).pupils,
  pupil: (credentials: Credentials, pupilId: string) =>
    getJson<PupilChronology>(`/api/incidents/pupils/${encodeURIComponent(pupilId)}`, credentials),
  /** One file as the body, read by the server as it arrives; refused (with the reason) before anything is kept. */
  attachEvidence: async (credentials: Credentials, id: string, file: File) => {
    const answer = await sendJson('POST', `/api/incidents/${encodeURIComponent(id)}/evidence`, credentials, file, {
      'x-file-name': encodeURIComponent(file.name),
    });
    if (!answer.ok) throw new ApiError(answer.body.error ?? `The server answered ${answer.status}.`, answer.status, answer.body);
  },
  /** The file's bytes through the signed-in API, as a Blob (never a URL that works without signing in). */
  evidenceBlob: (credentials: Credentials, id: string, fileId: string) =>
    getBlob(`/api/incidents/${encodeURIComponent(id)}/evidence/${encodeURIComponent(fileId)}`, credentials),
  removeEvidence: async (credentials: Credentials, id: string, fileId: string, reason: string) => {
    await postJson<unknown>(`/api/incidents/${encodeURIComponent(id)}/evidence/${encodeURIComponent(fileId)}/remove`, credentials, {
      reason,
    });
  },
  /** Leavers whose safeguarding file is to send, or was sent (the DSL and the deputies). */
  transfers: (credentials: Credentials) => getJson<TransferListJson>('/api/incidents/transfers', credentials),
  /** A leaver's file as a PDF or a zip for secure transfer, saved under the server's file name (no pupil's name in it). */
  transferFile: (credentials: Credentials, pupilId: string, extension: 'pdf' | 'zip') =>
    download(`/api/incidents/transfers/${encodeURIComponent(pupilId)}/file.${extension}`, credentials, `safeguarding-file.${extension}`),
  /** Records the file sent; 400 with `problems` by field, 409 when someone else recorded it first. */
  recordTransfer: (
    credentials: Credentials,
    pupilId: string,
    body: { on: string; toSchool: string; toDsl: string; how: string; version: number },
  ) =>
    sendJson<{ problems?: Record<string, string> }>(
      'POST',
      `/api/incidents/transfers/${encodeURIComponent(pupilId)}/sent`,
      credentials,
      body,
    ),
  /** The filtered list as CSV, saved under the server's file name. */
  exportCsv: (credentials: Credentials, filters: Filters) =>
    download(`/api/incidents.csv?${queryString(filters)}`, credentials, 'incidents.csv'),
};

export const formatDate = (iso: string) => shortDate(iso);
export const formatDateTime = (iso: string) => shortDateTime(iso);
