/** The pupil import (`/api/pupils/import`): checks, the job, its outcome. */
export type PupilField = 'misReference' | 'displayName' | 'className' | 'yearGroup' | 'onRollFrom';
export type ColumnMapping = Record<PupilField, string>;

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

export type ImportOutcome =
  | { status: 'imported'; counts: ImportCounts; notSaved: string[] }
  | { status: 'failed'; saved: number; total: number; exact: boolean; message: string };

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
