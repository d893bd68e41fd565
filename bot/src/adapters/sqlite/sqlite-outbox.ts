import type { OutboxCollection, OutboxEntry } from '../../ports/outbox.port';
import type { SqliteDatabase } from './database';
import { guard, SqliteCollection } from './sqlite-collection';

/** The outbox in SQL; archived entries move, whole, to the outbox_archive table, which the app never reads. */
export class SqliteOutbox extends SqliteCollection<OutboxEntry, 'key' | 'status' | 'run' | 'updatedAt'> implements OutboxCollection {
  constructor(db: SqliteDatabase) {
    super(db, 'outbox', ['key', 'status', 'run', 'updatedAt']);
  }

  async archiveBefore(cutoff: string): Promise<number> {
    return guard(() =>
      this.db.transaction(() => {
        this.db.prepare('INSERT INTO outbox_archive (id, data) SELECT id, data FROM outbox WHERE "updatedAt" < ?').run(cutoff);
        return this.db.prepare('DELETE FROM outbox WHERE "updatedAt" < ?').run(cutoff).changes;
      })(),
    );
  }
}
