import { getJson, sendJson, type Credentials } from './api';
import type { CheckResult, ImportJob, PupilField } from '../../bot/src/contracts/pupil-import';

export type {
  CheckResult,
  ColumnMapping,
  ImportCounts,
  ImportJob,
  ImportOutcome,
  PupilField,
  RowError,
} from '../../bot/src/contracts/pupil-import';

/** The fields an import needs, in the order the mapping is shown (the server's PUPIL_FIELDS). */
export const PUPIL_FIELDS: { field: PupilField; label: string }[] = [
  { field: 'misReference', label: 'Pupil reference (UPN or admission number)' },
  { field: 'displayName', label: 'Name' },
  { field: 'className', label: 'Class' },
  { field: 'yearGroup', label: 'Year group' },
  { field: 'onRollFrom', label: 'Date of admission' },
];

/** The server's limit on an import body. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Checks a file (`apply` false) or starts importing it; problems with the file come back as data. */
export async function sendPupilFile(
  credentials: Credentials,
  body: { csv: string; mapping?: Record<PupilField, string>; apply?: boolean },
): Promise<CheckResult> {
  const answer = await sendJson<CheckResult>('POST', '/api/pupils/import', credentials, body);
  if (answer.ok || answer.status === 422) return answer.body;
  if (answer.status === 413)
    return {
      status: 'refused',
      error: 'The file is too large to import (over 4 MB). Export only the pupils\u2019 columns from the MIS and try again.',
    };
  return { status: 'refused', error: answer.body.error ?? `The server answered ${answer.status}.` };
}

export function importJob(credentials: Credentials, id: string): Promise<ImportJob> {
  return getJson<ImportJob>(`/api/pupils/import/${encodeURIComponent(id)}`, credentials);
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
