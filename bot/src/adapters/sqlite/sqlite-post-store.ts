import type { RegisteredPost } from '../../domain/consent/takedown';
import type { Versioned } from '../../ports/collection.port';
import type { PostStore } from '../../ports/stores.port';
import type { SqliteDatabase } from './database';
import { fromRow, guard, SqliteCollection, type Row } from './sqlite-collection';

/**
 * Posts in SQL, with a link table from each pupil to the posts that show them (`post_pupils`,
 * keyed by pupil), written in the same transaction as the post.
 */
export class SqlitePostStore extends SqliteCollection<RegisteredPost, 'accountId'> implements PostStore {
  constructor(db: SqliteDatabase) {
    super(db, 'posts', ['accountId']);
  }

  override async insert(record: Omit<RegisteredPost, 'id'>): Promise<Versioned<RegisteredPost>> {
    return guard(() => this.db.transaction(() => this.linked(this.insertRow(record)))());
  }

  override async update(record: Versioned<RegisteredPost>): Promise<Versioned<RegisteredPost>> {
    return guard(() =>
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM post_pupils WHERE post_id = ?').run(Number(record.id));
        return this.linked(this.updateRow(record));
      })(),
    );
  }

  async showing(pupilId: string): Promise<Versioned<RegisteredPost>[]> {
    return guard(() => {
      const rows = this.db
        .prepare(
          'SELECT posts.id, posts.version, posts.data FROM post_pupils JOIN posts ON posts.id = post_pupils.post_id WHERE post_pupils.pupil_id = ? ORDER BY posts.id',
        )
        .all(pupilId) as Row[];
      return rows.map((row) => fromRow<RegisteredPost>(row));
    });
  }

  /** Links the post to every pupil it shows. */
  private linked(post: Versioned<RegisteredPost>): Versioned<RegisteredPost> {
    const link = this.db.prepare('INSERT OR IGNORE INTO post_pupils (pupil_id, post_id) VALUES (?, ?)');
    for (const pupilId of post.pupilIds) link.run(pupilId, Number(post.id));
    return post;
  }
}
