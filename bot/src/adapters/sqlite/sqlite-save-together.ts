import type { Versioned } from '../../ports/collection.port';
import type { CardMessageRecord } from '../../ports/conversation.port';
import type { OutboxEntry } from '../../ports/outbox.port';
import type { GoesWith, SavedTogether, SavedTogetherStore, SaveTogether } from '../../ports/save-together.port';
import type { SqliteDatabase } from './database';
import type { SqliteAuditLog } from './sqlite-audit-log';
import { guard } from './sqlite-collection';

/** The synchronous writes of a collection, whatever its records. */
interface Rows<T extends { id: string }> {
  insertRow(record: Omit<T, 'id'>): Versioned<T>;
  updateRow(record: Versioned<T>): Versioned<T>;
}

/** A record, its audit entry, its notices and the clicked card in one transaction: all of them, or none. */
export class SqliteSaveTogether implements SaveTogether {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly stores: Record<SavedTogetherStore, Rows<{ id: string }>>,
    private readonly audit: SqliteAuditLog,
    private readonly outbox: Rows<OutboxEntry>,
    private readonly cardMessages: Rows<CardMessageRecord>,
  ) {}

  async insert<T extends { id: string }>(
    store: SavedTogetherStore,
    record: Omit<T, 'id'>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): Promise<SavedTogether<T>> {
    return this.inOneTransaction(() => this.stores[store].insertRow(record) as Versioned<T>, goesWith);
  }

  async update<T extends { id: string }>(
    store: SavedTogetherStore,
    record: Versioned<T>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): Promise<SavedTogether<T>> {
    return this.inOneTransaction(() => this.stores[store].updateRow(record) as Versioned<T>, goesWith);
  }

  private inOneTransaction<T extends { id: string }>(
    save: () => Versioned<T>,
    goesWith: (saved: Versioned<T>) => GoesWith,
  ): SavedTogether<T> {
    return guard(() =>
      this.db.transaction(() => {
        const record = save();
        const { audit, notices, clickedCard } = goesWith(record);
        this.audit.appendRow(audit);
        const stored = notices.map((notice) => this.outbox.insertRow(notice));
        if (clickedCard) this.cardMessages.insertRow(clickedCard);
        return { record, notices: stored };
      })(),
    );
  }
}
