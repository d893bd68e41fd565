import { authHeaders, type Credentials } from './api';

export type PupilField = 'misReference' | 'displayName' | 'className' | 'yearGroup' | 'onRollFrom';
export type ColumnMapping = Record<PupilField, string>;

/** The fields an import needs, in the order the mapping is shown (the server's PUPIL_FIELDS). */
export const PUPIL_FIELDS: { field: PupilField; label: string }[] = [
  { field: 'misReference', label: 'Pupil reference (UPN or admission number)' },
  { field: 'displayName', label: 'Name' },
  { field: 'className', label: 'Class' },
  { field: 'yearGroup', label: 'Year group' },
  { field: 'onRollFrom', label: 'Date of admission' },
];

export interface RowError {
  line: number;
  field?: PupilField;
  column?: string;
  message: string;
  fix?: string;
}

export interface ImportCounts {
  create: number;
  update: number;
  leave: number;
  unchanged: number;
}

export type ImportOutcome = { status: 'imported'; counts: ImportCounts; notSaved: string[] } | { status: 'failed'; saved: number; total: number; exact: boolean; message: string };

export interface ImportJob {
  id: string;
  state: 'running' | 'finished' | 'failed';
  done: number;
  total: number;
  counts: ImportCounts;
  result?: ImportOutcome;
}

/** What the server says about a file: checked (preview), or what stops it, or a job started. */
export type CheckResult =
  | { status: 'preview'; header: string[]; mapping: ColumnMapping; counts: ImportCounts }
  | { status: 'needs-mapping'; header: string[]; mapping: Partial<ColumnMapping> }
  | { status: 'invalid'; header: string[]; mapping?: Partial<ColumnMapping>; errors: RowError[]; errorCount: number }
  | { status: 'started'; job: ImportJob }
  | { status: 'refused'; error: string };

/** The server's limit on an import body. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Checks a file (`apply` false) or starts importing it; problems with the file come back as data. */
export async function sendPupilFile(credentials: Credentials, body: { csv: string; mapping?: ColumnMapping; apply?: boolean }): Promise<CheckResult> {
  const response = await fetch('/api/pupils/import', { method: 'POST', headers: { ...(await authHeaders(credentials)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => ({}))) as { status?: string; error?: string; message?: string };
  if (response.ok || response.status === 422) return answer as CheckResult;
  if (response.status === 413) return { status: 'refused', error: 'The file is too large to import (over 4 MB). Export only the pupils\u2019 columns from the MIS and try again.' };
  return { status: 'refused', error: answer.error ?? answer.message ?? `The server answered ${response.status}.` };
}

export async function importJob(credentials: Credentials, id: string): Promise<ImportJob> {
  const response = await fetch(`/api/pupils/import/${encodeURIComponent(id)}`, { headers: await authHeaders(credentials) });
  const answer = (await response.json().catch(() => ({}))) as ImportJob & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `The server answered ${response.status}.`);
  return answer;
}

/**
 * Reads a chosen file as text. MIS exports are usually UTF-8, but older ones are Windows-1252
 * (Excel's "CSV" on Windows): names with accents would otherwise arrive garbled.
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
