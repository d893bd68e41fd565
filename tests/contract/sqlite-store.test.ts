import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../bot/src/adapters/sqlite/migrations';
import { createSqliteStores } from '../../bot/src/adapters/sqlite/sqlite-stores';
import { describeIncidentContract } from './incident-contract';
import { describeStoreContract } from './store-contract';

describeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'osd-contract-'));
  const stores = createSqliteStores(dir);
  let closed = false;
  return {
    stores,
    async breakIt() {
      closed = true;
      await stores.close();
    },
    async cleanup() {
      if (!closed) await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite specifics', () => {
  it('the audit table itself refuses updates, deletes and replacing inserts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-audit-'));
    const stores = createSqliteStores(dir);
    await stores.audit.append({ at: 'now', actorId: 'p', actorName: 'P', action: 'a', recordType: 't', recordId: '1', summary: 's' });
    await stores.close();
    const db = new Database(join(dir, 'online-safety-desk.sqlite'));
    expect(() => db.prepare("UPDATE audit_log SET summary = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // A replacing insert deletes the old row without running the delete trigger; it is refused too.
    for (const replace of ['INSERT OR REPLACE INTO', 'REPLACE INTO']) {
      expect(() => db.prepare(`${replace} audit_log (id, at, actor_id, actor_name, action, record_type, record_id, summary) VALUES (1, 'later', 'x', 'X', 'rewritten', 't', '1', 'forged')`).run()).toThrow(/append-only/);
    }
    expect(db.prepare('SELECT action FROM audit_log WHERE id = 1').get()).toEqual({ action: 'a' });
    db.prepare("INSERT INTO audit_log (at, actor_id, actor_name, action, record_type, record_id, summary) VALUES ('later', 'q', 'Q', 'b', 't', '2', 's')").run();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings an older database up to date without losing its records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-'));
    const old = new Database(join(dir, 'online-safety-desk.sqlite'));
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare('INSERT INTO pupils (version, data, "className") VALUES (1, ?, ?)').run(JSON.stringify({ displayName: 'Amelia Khan', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' }), '4B');
    old.close();
    const stores = createSqliteStores(dir);
    expect((await stores.pupils.find({ where: { className: '4B' }, limit: 5 })).items.map((p) => p.displayName)).toEqual(['Amelia Khan']);
    expect((await stores.consents.find({ limit: 5 })).items).toEqual([]);
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keys takedown tasks made before keys existed: the earliest of any repeats keeps the key, nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-takedowns-'));
    const old = new Database(join(dir, 'online-safety-desk.sqlite'));
    const keyed = MIGRATIONS.findIndex((sql) => sql.includes('"taskKey"'));
    for (const sql of MIGRATIONS.slice(0, keyed)) old.exec(sql);
    old.pragma(`user_version = ${keyed}`);
    const task = { postId: '4', pupilId: '2', media: 'images', noticeId: '1', ownerId: '5', status: 'removed', reason: '', updatedAt: '2026-01-01T09:00:00.000Z' };
    for (const noticeId of ['1', '2']) old.prepare('INSERT INTO takedowns (version, data, "ownerId", "status") VALUES (1, ?, ?, ?)').run(JSON.stringify({ ...task, noticeId }), '5', 'removed');
    old.close();
    const stores = createSqliteStores(dir);
    const tasks = (await stores.takedowns.find({ limit: 5 })).items;
    expect(tasks.map((t) => [t.noticeId, t.taskKey])).toEqual([['1', '4|2|images'], ['2', undefined]]);
    await expect(stores.takedowns.insert({ ...task, status: 'to do', media: 'images', taskKey: '4|2|images', urgent: false } as never)).rejects.toThrow();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reshapes an older policy register: the managed policy keeps its date, its reviewers and its approval; a related one gets no review", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-policies-'));
    const old = new Database(join(dir, 'online-safety-desk.sqlite'));
    const settings = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE term_dates'));
    for (const sql of MIGRATIONS.slice(0, settings)) old.exec(sql);
    old.pragma(`user_version = ${settings}`);
    const insert = old.prepare('INSERT INTO policies (version, data, "managedHere") VALUES (1, ?, ?)');
    insert.run(JSON.stringify({ title: 'Social Media Policy', approvedOn: '2022-10-11', reviewCycleMonths: 24, nextReviewDue: '2024-09-01', managedHere: true }), 1);
    insert.run(JSON.stringify({ title: 'Behaviour Policy', managedHere: false }), 0);
    old.close();
    const stores = createSqliteStores(dir);
    const [managed, related] = (await stores.policies.find({ limit: 5 })).items;
    expect(managed).toMatchObject({
      title: 'Social Media Policy',
      reviews: [{ id: 'review-1', reviewers: ['headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'], cycleMonths: 24, nextReviewDue: '2024-09-01' }],
      approvals: [{ approvedOn: '2022-10-11' }],
    });
    expect(related).toMatchObject({ title: 'Behaviour Policy', reviews: [], approvals: [] });
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps records across a restart (the data folder is the store)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-restart-'));
    const first = createSqliteStores(dir);
    const person = await first.people.insert({ displayName: 'Alex', roles: ['staff'] });
    await first.close();
    const second = createSqliteStores(dir);
    expect(await second.people.get(person.id)).toEqual(person);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describeIncidentContract(async () => {
  const stores = createSqliteStores(':memory:');
  return { stores, cleanup: () => stores.close() };
});

describe('SQLite incident specifics', () => {
  it('the chronology table itself refuses updates, deletes and replacing inserts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-chronology-'));
    const stores = createSqliteStores(dir);
    await stores.incidentChronology.append({ incidentId: '1', at: 'now', byId: 'p', byName: 'P', kind: 'action', text: 'x' });
    await stores.close();
    const db = new Database(join(dir, 'online-safety-desk.sqlite'));
    expect(() => db.prepare("UPDATE incident_chronology SET text = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM incident_chronology').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT OR REPLACE INTO incident_chronology (id, incident_id, at, by_id, by_name, kind, text) VALUES (1, '1', 'later', 'x', 'X', 'action', 'forged')").run()).toThrow(/append-only/);
    expect(db.prepare('SELECT text FROM incident_chronology WHERE id = 1').get()).toEqual({ text: 'x' });
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the filtered first page from indexes, not by reading every incident', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-plan-'));
    const stores = createSqliteStores(dir);
    await stores.close();
    const db = new Database(join(dir, 'online-safety-desk.sqlite'));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    expect(plan(`SELECT id FROM incidents WHERE "status" = 'new' ORDER BY "reportedAt" DESC LIMIT 50`)).toMatch(/USING INDEX incidents_status/);
    expect(plan(`SELECT id FROM incidents WHERE "category" = 'cyberbullying' ORDER BY "reportedAt" DESC LIMIT 50`)).toMatch(/USING INDEX incidents_category/);
    expect(plan(`SELECT id FROM incidents ORDER BY "reportedAt" DESC LIMIT 50`)).toMatch(/USING INDEX incidents_reported/);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
