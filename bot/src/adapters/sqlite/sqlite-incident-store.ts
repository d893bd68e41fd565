import { addDays } from '../../domain/calendar/dates';
import type { ChronologyEntry, Incident } from '../../domain/incidents/incident';
import type { IncidentQuery } from '../../domain/incidents/incident-query';
import type { IncidentScope } from '../../domain/incidents/incident-visibility';
import { idFromReference } from '../../domain/incidents/incident';
import type { Versioned } from '../../ports/collection.port';
import type { ChronologyStore, IncidentIndexedField, IncidentStore } from '../../ports/incident-store.port';
import type { SqliteDatabase } from './database';
import { guard, SqliteCollection } from './sqlite-collection';

type SqlValue = string | number;

/**
 * The visibility scope as SQL, simplified so the planner can walk an index: `all` needs no clause,
 * and a viewer who never sees concerns about the headteacher gets exactly `aboutHeadteacher = 0`.
 * What the person sees besides their role's share: incidents assigned to them, and any categories
 * their role sees (the data protection lead's breaches).
 */
function scopeClauses(scope: IncidentScope): { clauses: string[]; values: SqlValue[] } {
  const notAboutHead = '"aboutHeadteacher" = 0';
  if (scope.excludeAboutHeadteacher && (scope.byRole === 'all' || scope.byRole === 'notAboutHeadteacher'))
    return { clauses: [notAboutHead], values: [] };
  const clauses = scope.excludeAboutHeadteacher ? [notAboutHead] : [];
  if (scope.byRole === 'all') return { clauses, values: [] };
  const also = ['"assigneeId" = ?', ...scope.categories.map(() => '"category" = ?')];
  const values: SqlValue[] = [scope.assignedTo, ...scope.categories];
  if (scope.byRole !== 'none') also.unshift(`"aboutHeadteacher" = ${scope.byRole === 'aboutHeadteacherOnly' ? 1 : 0}`);
  return { clauses: [...clauses, `(${also.join(' OR ')})`], values };
}

/** Incidents in SQL: every filter of the Incidents tab runs on an indexed column. */
export class SqliteIncidentStore extends SqliteCollection<Incident, IncidentIndexedField> implements IncidentStore {
  constructor(private readonly database: SqliteDatabase) {
    super(database, 'incidents', ['status', 'category', 'routedTo', 'submissionKey', 'assigneeId', 'nobodyToldYet']);
  }

  async search(query: IncidentQuery): Promise<{ items: Versioned<Incident>[]; total: number }> {
    return guard(() => {
      const { clauses, values } = scopeClauses(query.scope);
      for (const field of ['status', 'category', 'routedTo'] as const) {
        const value = query[field];
        if (value) {
          clauses.push(`"${field}" = ?`);
          values.push(value);
        }
      }
      if (query.from) {
        clauses.push('"reportedAt" >= ?');
        values.push(query.from);
      }
      if (query.to) {
        clauses.push('"reportedAt" < ?');
        values.push(nextDay(query.to));
      }
      const words = query.text?.trim().toLowerCase();
      if (words) {
        const id = idFromReference(words);
        clauses.push(`("searchText" LIKE ? ESCAPE '\\'${id ? ' OR id = ?' : ''})`);
        values.push(`%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, ...(id ? [Number(id)] : []));
      }
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const direction = query.descending === false ? 'ASC' : 'DESC';
      const total = (this.database.prepare(`SELECT COUNT(*) AS n FROM incidents ${where}`).get(...values) as { n: number }).n;
      const rows = this.database
        .prepare(
          `SELECT id, version, data FROM incidents ${where} ORDER BY "${query.sort ?? 'reportedAt'}" ${direction}, id ${direction} LIMIT ? OFFSET ?`,
        )
        .all(...values, query.limit, query.offset) as { id: number; version: number; data: string }[];
      return {
        total,
        items: rows.map((row) => ({ ...JSON.parse(row.data), id: String(row.id), version: row.version }) as Versioned<Incident>),
      };
    });
  }
}

/** The chronology table refuses UPDATE and DELETE with triggers, like the audit log. */
export class SqliteChronology implements ChronologyStore {
  constructor(private readonly db: SqliteDatabase) {}

  async append(entry: Omit<ChronologyEntry, 'id'>): Promise<ChronologyEntry> {
    return guard(() => {
      const info = this.db
        .prepare('INSERT INTO incident_chronology (incident_id, at, by_id, by_name, kind, text) VALUES (?, ?, ?, ?, ?, ?)')
        .run(entry.incidentId, entry.at, entry.byId, entry.byName, entry.kind, entry.text);
      return { ...entry, id: String(info.lastInsertRowid) };
    });
  }

  async forIncident(incidentId: string): Promise<ChronologyEntry[]> {
    return guard(() => {
      const rows = this.db.prepare('SELECT * FROM incident_chronology WHERE incident_id = ? ORDER BY id').all(incidentId) as {
        id: number;
        incident_id: string;
        at: string;
        by_id: string;
        by_name: string;
        kind: ChronologyEntry['kind'];
        text: string;
      }[];
      return rows.map((row) => ({
        id: String(row.id),
        incidentId: row.incident_id,
        at: row.at,
        byId: row.by_id,
        byName: row.by_name,
        kind: row.kind,
        text: row.text,
      }));
    });
  }
}

/** YYYY-MM-DD → the next day, so "to" takes in the whole of its day. */
function nextDay(date: string): string {
  return addDays(date, 1);
}
