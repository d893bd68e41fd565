import type { AuditEntry, AuditLog } from '../../../ports/audit-log.port';
import type { Page } from '../../../ports/collection.port';
import type { SharePointCollection } from './sharepoint-collection';

/**
 * The audit log as a list. The app has no way to change or delete an entry; on the site itself,
 * give the app write access only and keep edit rights on this list to the site owners.
 */
export class SharePointAuditLog implements AuditLog {
  constructor(private readonly entries: SharePointCollection<AuditEntry, 'recordId'>) {}

  async append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const { version: _version, etag: _etag, ...stored } = await this.entries.insert(entry);
    return stored;
  }

  async page(query: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    const page = await this.entries.find({ limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { items: page.items.map(({ version: _version, etag: _etag, ...entry }) => entry), ...(page.next ? { next: page.next } : {}) };
  }

  async forRecord(recordType: string, recordId: string): Promise<AuditEntry[]> {
    const found: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.entries.find({ where: { recordId }, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const { version: _version, etag: _etag, ...entry } of page.items) if (entry.recordType === recordType) found.push(entry);
      cursor = page.next;
    } while (cursor);
    return found;
  }
}
