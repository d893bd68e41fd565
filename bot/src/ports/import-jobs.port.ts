import type { ImportCounts, ImportOutcome } from '../domain/school/pupil-import';
import type { Collection } from './collection.port';

/** The value of `lock` while an import runs: unique, so only one import runs at a time for the school. */
export const IMPORT_RUNNING = 'running';

/**
 * A pupil import as it runs and after, kept in the store so that whichever instance answers the
 * tab's progress poll can say how far it has got.
 */
export interface ImportJobRecord {
  id: string;
  /** `running` while it runs, then `ended <id>`. */
  lock: string;
  ownerId: string;
  ownerName: string;
  state: 'running' | 'finished' | 'failed';
  done: number;
  total: number;
  counts: ImportCounts;
  startedAt: string;
  /** Moves with the progress: a running import that stays quiet stopped with its instance. */
  updatedAt: string;
  finishedAt?: string;
  result?: ImportOutcome;
}

export type ImportJobCollection = Collection<ImportJobRecord, 'lock'>;
