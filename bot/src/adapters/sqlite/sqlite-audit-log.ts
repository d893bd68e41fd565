import type { AuditEntry, AuditLog } from '../../ports/audit-log.port';
import type { Page } from '../../ports/collection.port';
import type { SqliteDatabase } from './database';
import { guard } from './sqlite-collection';

type Row = {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  record_type: string;
  record_id: string;
  summary: string;
};

/** The audit table refuses UPDATE and DELETE with triggers, so append-only holds below this code too. */
export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: SqliteDatabase) {}

  async append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return guard(() => this.appendRow(entry));
  }

  /** The append itself, synchronous, so that it can be part of a transaction (`SqliteSaveTogether`). */
  appendRow(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor_id, actor_name, action, record_type, record_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actorId, entry.actorName, entry.action, entry.recordType, entry.recordId, entry.summary);
    return { ...entry, id: String(info.lastInsertRowid) };
  }

  async page(query: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    return guard(() => {
      const after = query.cursor && /^\d{1,12}$/.test(query.cursor) ? Number(query.cursor) : 0;
      const rows = this.db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?').all(after, query.limit + 1) as Row[];
      const items = rows.slice(0, query.limit).map(toEntry);
      return rows.length > query.limit ? { items, next: items[items.length - 1]!.id } : { items };
    });
  }

  async forRecord(recordType: string, recordId: string): Promise<AuditEntry[]> {
    return guard(() => {
      const rows = this.db
        .prepare('SELECT * FROM audit_log WHERE record_type = ? AND record_id = ? ORDER BY id')
        .all(recordType, recordId) as Row[];
      return rows.map(toEntry);
    });
  }
}

function toEntry(row: Row): AuditEntry {
  return {
    id: String(row.id),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    summary: row.summary,
  };
}
