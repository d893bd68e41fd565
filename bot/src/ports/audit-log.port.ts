import type { Page } from './collection.port';

/** Append-only: there is no way to change or remove an entry. Summaries never hold safeguarding details. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  recordType: string;
  recordId: string;
  summary: string;
}

export interface AuditLog {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  forRecord(recordType: string, recordId: string): Promise<AuditEntry[]>;
  /** Every entry, oldest first, a page at a time. */
  page(query: { limit: number; cursor?: string }): Promise<Page<AuditEntry>>;
}
