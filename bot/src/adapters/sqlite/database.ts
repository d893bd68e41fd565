import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations';

export type SqliteDatabase = Database.Database;

export interface DatabaseOptions {
  /** Called with each statement run, its values filled in (better-sqlite3's `verbose`): tests read the SQL the stores build. */
  onSql?: (sql: string) => void;
}

/** Opens (creating if needed) the app's database in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string | ':memory:', { onSql }: DatabaseOptions = {}): SqliteDatabase {
  const options = onSql ? { verbose: (sql: unknown) => onSql(String(sql)) } : {};
  let db: SqliteDatabase;
  if (dataDir === ':memory:') {
    db = new Database(':memory:', options);
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'online-safety-desk.sqlite'), options);
    db.pragma('journal_mode = WAL');
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
