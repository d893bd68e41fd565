import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../bot/src/adapters/sqlite/migrations';
import { createSqliteStores } from '../../bot/src/adapters/sqlite/sqlite-stores';
import { classConsent } from '../../bot/src/app/class-consent';
import { BackgroundTasks } from '../../bot/src/app/background-tasks';
import { PeopleListDirectory } from '../../bot/src/adapters/directory/people-list-directory';
import type { IncidentFilter } from '../../bot/src/domain/incidents/incident-query';
import { incidentScope } from '../../bot/src/domain/incidents/incident-visibility';
import type { Role } from '../../bot/src/domain/people/role';
import type { Stores } from '../../bot/src/ports/stores.port';
import { DuplicateRecordError } from '../../bot/src/ports/collection.port';
import { newAccessRequest } from '../../bot/src/domain/access/access-request';
import { describeIncidentContract, incident } from './incident-contract';
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

/** A database as a version before the migration that mentions `marker` left it, open for writing old rows. */
function databaseBefore(marker: string): { dir: string; old: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-'));
  const old = new Database(join(dir, 'online-safety-desk.sqlite'));
  const before = MIGRATIONS.findIndex((sql) => sql.includes(marker));
  for (const sql of MIGRATIONS.slice(0, before)) old.exec(sql);
  old.pragma(`user_version = ${before}`);
  return { dir, old };
}

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
      expect(() =>
        db
          .prepare(
            `${replace} audit_log (id, at, actor_id, actor_name, action, record_type, record_id, summary) VALUES (1, 'later', 'x', 'X', 'rewritten', 't', '1', 'forged')`,
          )
          .run(),
      ).toThrow(/append-only/);
    }
    expect(db.prepare('SELECT action FROM audit_log WHERE id = 1').get()).toEqual({ action: 'a' });
    db.prepare(
      "INSERT INTO audit_log (at, actor_id, actor_name, action, record_type, record_id, summary) VALUES ('later', 'q', 'Q', 'b', 't', '2', 's')",
    ).run();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings an older database up to date without losing its records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-'));
    const old = new Database(join(dir, 'online-safety-desk.sqlite'));
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old
      .prepare('INSERT INTO pupils (version, data, "className") VALUES (1, ?, ?)')
      .run(JSON.stringify({ displayName: 'Amelia Khan', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' }), '4B');
    old.close();
    const stores = createSqliteStores(dir);
    expect((await stores.pupils.find({ where: { className: '4B' }, limit: 5 })).items.map((p) => p.displayName)).toEqual(['Amelia Khan']);
    expect((await stores.consents.find({ limit: 5 })).items).toEqual([]);
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keys takedown tasks made before keys existed: the earliest of any repeats keeps the key, nothing is lost', async () => {
    const { dir, old } = databaseBefore('"taskKey"');
    const task = {
      postId: '4',
      pupilId: '2',
      media: 'images',
      noticeId: '1',
      ownerId: '5',
      status: 'removed',
      reason: '',
      updatedAt: '2026-01-01T09:00:00.000Z',
    };
    for (const noticeId of ['1', '2'])
      old
        .prepare('INSERT INTO takedowns (version, data, "ownerId", "status") VALUES (1, ?, ?, ?)')
        .run(JSON.stringify({ ...task, noticeId }), '5', 'removed');
    old.close();
    const stores = createSqliteStores(dir);
    const tasks = (await stores.takedowns.find({ limit: 5 })).items;
    expect(tasks.map((t) => [t.noticeId, t.taskKey])).toEqual([
      ['1', '4|2|images'],
      ['2', undefined],
    ]);
    await expect(
      stores.takedowns.insert({ ...task, status: 'to do', media: 'images', taskKey: '4|2|images', urgent: false } as never),
    ).rejects.toThrow();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the posts and takedown tasks of an older database by pupil, so a withdrawal still finds them', async () => {
    const { dir, old } = databaseBefore('post_pupils');
    const post = (pupilIds: string[]) =>
      JSON.stringify({ accountId: '1', postedOn: '2026-06-01', media: ['images'], pupilIds, link: 'https://x.example/1' });
    old.prepare('INSERT INTO posts (version, data, "accountId") VALUES (1, ?, ?)').run(post(['2', '5']), '1');
    old.prepare('INSERT INTO posts (version, data, "accountId") VALUES (1, ?, ?)').run(post(['5']), '1');
    const task = {
      postId: '1',
      pupilId: '5',
      media: 'images',
      noticeId: '1',
      taskKey: '1|5|images',
      ownerId: '3',
      status: 'to do',
      reason: '',
      updatedAt: '2026-06-02T09:00:00.000Z',
    };
    old
      .prepare('INSERT INTO takedowns (version, data, "ownerId", "status", "taskKey") VALUES (1, ?, ?, ?, ?)')
      .run(JSON.stringify(task), '3', 'to do', task.taskKey);
    old.close();
    const stores = createSqliteStores(dir);
    expect((await stores.posts.showing('5')).map((found) => found.id)).toEqual(['1', '2']);
    expect((await stores.posts.showing('2')).map((found) => found.id)).toEqual(['1']);
    expect((await stores.takedowns.find({ where: { pupilId: '5' }, limit: 5 })).items.map((found) => found.taskKey)).toEqual([
      '1|5|images',
    ]);
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reshapes an older policy register: the managed policy keeps its date, its reviewers and its approval; a related one gets no review', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-policies-'));
    const old = new Database(join(dir, 'online-safety-desk.sqlite'));
    const reshaping = MIGRATIONS.findIndex((sql) => sql.includes("json_type(data, '$.reviews')"));
    for (const sql of MIGRATIONS.slice(0, reshaping)) old.exec(sql);
    old.pragma(`user_version = ${reshaping}`);
    const insert = old.prepare('INSERT INTO policies (version, data, "managedHere") VALUES (1, ?, ?)');
    insert.run(
      JSON.stringify({
        title: 'Social Media Policy',
        approvedOn: '2022-10-11',
        reviewCycleMonths: 24,
        nextReviewDue: '2024-09-01',
        managedHere: true,
      }),
      1,
    );
    insert.run(JSON.stringify({ title: 'Behaviour Policy', managedHere: false }), 0);
    old.close();
    const stores = createSqliteStores(dir);
    const [managed, related] = (await stores.policies.find({ limit: 5 })).items;
    expect(managed).toMatchObject({
      title: 'Social Media Policy',
      reviews: [
        {
          id: 'review-1',
          reviewers: ['headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'],
          cycleMonths: 24,
          nextReviewDue: '2024-09-01',
        },
      ],
      approvals: [{ approvedOn: '2022-10-11' }],
    });
    expect(related).toMatchObject({ title: 'Behaviour Policy', reviews: [], approvals: [] });
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('points reminders stored with one id field per record type at {recordType, recordId}, keeping the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-migrate-outbox-'));
    const old = new Database(join(dir, 'online-safety-desk.sqlite'));
    const pointers = MIGRATIONS.findIndex((sql) => sql.includes('$.message.act.record'));
    for (const sql of MIGRATIONS.slice(0, pointers)) old.exec(sql);
    old.pragma(`user_version = ${pointers}`);
    const insert = old.prepare('INSERT INTO outbox (version, data, "key", "status", "run") VALUES (1, ?, ?, ?, ?)');
    const acts = [
      { accessRequestId: '3' },
      { postingRequestId: '4' },
      { takedownId: '5' },
      { confirmTrainingId: '6' },
      { tabView: 'training' },
    ];
    for (const [index, act] of acts.entries()) {
      const entry = {
        key: `k${index}`,
        run: 'r',
        personId: '7',
        personName: 'Tom',
        reason: 'x',
        period: 'p',
        status: 'sent',
        message: { title: 't', lines: ['l'], tone: 'warning', act: { label: 'Open', ...act } },
        attempts: 1,
        createdAt: 'c',
        updatedAt: 'u',
      };
      insert.run(JSON.stringify(entry), entry.key, entry.status, entry.run);
    }
    old.close();
    const stores = createSqliteStores(dir);
    const messages = (await stores.outbox.find({ limit: 10 })).items.map((entry) => entry.message);
    expect(messages.map((message) => ('act' in message ? message.act : undefined))).toEqual([
      { label: 'Open', record: { recordType: 'accessRequest', recordId: '3' } },
      { label: 'Open', record: { recordType: 'postingRequest', recordId: '4' } },
      { label: 'Open', record: { recordType: 'takedown', recordId: '5' } },
      { label: 'Open', record: { recordType: 'trainingRecord', recordId: '6' } },
      { label: 'Open', tabView: 'training' },
    ]);
    expect(messages[0]).toMatchObject({ title: 't', lines: ['l'], tone: 'warning' });
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls a saved step back when what goes with it fails: no request changed, no audit entry, no notice (a crash cannot split them)', async () => {
    const stores = createSqliteStores(':memory:');
    const request = await stores.accessRequests.insert(
      newAccessRequest(
        { url: 'https://example.org/', siteContent: 'a', reasons: 'b', risksAndControls: 'c' },
        { personId: '1', name: 'Priya Shah' },
        'k',
        new Date(),
      ),
    );
    const notice = {
      key: 'taken',
      run: 'r',
      personId: '3',
      personName: 'Megan Bowen',
      reason: 'needs-your-action',
      period: 'v2',
      status: 'pending' as const,
      message: {
        kind: 'recordNotice' as const,
        record: { recordType: 'accessRequest' as const, recordId: request.id },
        reason: 'needs-your-action' as const,
      },
      attempts: 0,
      createdAt: 'now',
      updatedAt: 'now',
    };
    await stores.outbox.insert(notice);
    // The second notice's key is taken: the write after the request's own fails inside the transaction.
    await expect(
      stores.together.update('accessRequests', { ...request, state: 'withHeadteacher' }, (saved) => ({
        audit: {
          at: 'now',
          actorId: '3',
          actorName: 'Megan Bowen',
          action: 'forward',
          recordType: 'accessRequest',
          recordId: saved.id,
          summary: 's',
        },
        notices: [
          { ...notice, key: 'free' },
          { ...notice, key: 'taken' },
        ],
      })),
    ).rejects.toBeInstanceOf(DuplicateRecordError);
    expect(await stores.accessRequests.get(request.id)).toMatchObject({ version: 1, state: 'withOnlineSafetyLead' });
    expect(await stores.audit.forRecord('accessRequest', request.id)).toEqual([]);
    expect((await stores.outbox.find({ where: { key: 'free' }, limit: 1 })).items).toEqual([]);
    await stores.close();
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
    expect(() =>
      db
        .prepare(
          "INSERT OR REPLACE INTO incident_chronology (id, incident_id, at, by_id, by_name, kind, text) VALUES (1, '1', 'later', 'x', 'X', 'action', 'forged')",
        )
        .run(),
    ).toThrow(/append-only/);
    expect(db.prepare('SELECT text FROM incident_chronology WHERE id = 1').get()).toEqual({ text: 'x' });
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * The SQL the stores ran while `work` ran (captured through better-sqlite3's `verbose`, values
 * filled in), each read with SQLite's plan for it, on a database `seed` filled first.
 */
async function plansOf(
  seed: (stores: Stores) => Promise<void>,
  work: (stores: Stores) => Promise<unknown>,
): Promise<{ sql: string; plan: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'osd-plan-'));
  const ran: string[] = [];
  const stores = createSqliteStores(dir, { onSql: (sql) => ran.push(sql) });
  try {
    await seed(stores);
    ran.length = 0;
    await work(stores);
  } finally {
    await stores.close();
  }
  const db = new Database(join(dir, 'online-safety-desk.sqlite'), { readonly: true });
  try {
    return ran
      .filter((sql) => /^\s*SELECT\b/i.test(sql))
      .map((sql) => ({
        sql,
        plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; '),
      }));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Which table a statement reads, with which index SQLite answers it, and whether it sorts the rows itself (a temporary b-tree). */
const read = ({ sql, plan }: { sql: string; plan: string }) => ({
  table: /\bFROM\s+(\w+)/i.exec(sql)?.[1],
  index: /USING (?:COVERING )?INDEX (\w+)/.exec(plan)?.[1] ?? `none: ${plan}`,
  sortsEverything: /TEMP B-TREE/.test(plan),
});

describe('SQLite answers from its indexes, for the statements the stores really run', () => {
  const teacher = { id: '900', displayName: 'Alex Wilber', roles: ['staff' as Role] };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

  it("checks a class's photo consent (s.4) by class and by pupil, never by reading every pupil or every consent", async () => {
    const plans = await plansOf(
      async (stores) => {
        for (const [name, className] of [
          ['Amelia Khan', '4B'],
          ['Oliver Bennett', '4B'],
          ['Zain Ahmed', '6A'],
        ] as const) {
          const pupil = await stores.pupils.insert({ displayName: name, className, yearGroup: 'Year 4', onRollFrom: '2022-09-05' });
          await stores.consents.insert({
            pupilId: pupil.id,
            media: 'images',
            decision: 'given',
            effectiveFrom: '2022-09-05',
            source: 'consent form',
            recordedBy: 'Lynne Robbins',
            recordedAt: '2022-09-06T09:00:00.000Z',
          });
        }
      },
      async (stores) => {
        const deps = {
          stores,
          directory: new PeopleListDirectory(stores.people),
          notifier: { deliver: async () => new Map(), refreshCards: async () => undefined },
          clock: { now: () => new Date('2026-11-24T10:00:00Z') },
          log: quiet,
          background: new BackgroundTasks(quiet),
        };
        expect(await classConsent(deps, teacher, '4b', '2026-11-24')).toMatchObject({
          status: 'ok',
          pupils: [{ displayName: 'Amelia Khan' }, { displayName: 'Oliver Bennett' }],
        });
      },
    );
    expect(plans.map(read)).toEqual([
      { table: 'pupils', index: 'pupils_class', sortsEverything: false },
      { table: 'consents', index: 'consents_pupil', sortsEverything: false },
      { table: 'consents', index: 'consents_pupil', sortsEverything: false },
    ]);
  });

  const DSL = incidentScope({ id: 'dsl1', roles: ['dsl'] });
  it.each<[string, IncidentFilter, string]>([
    ['new concerns', { status: 'new' }, 'incidents_status'],
    ['cyberbullying', { category: 'cyberbullying' }, 'incidents_category'],
    ['those sent to the headteacher', { routedTo: 'headteacher' }, 'incidents_routed'],
    ['every concern, newest first', {}, 'incidents_reported'],
  ])('shows the DSL the first page of %s from an index, counted from one too', async (_case, filter, index) => {
    const plans = await plansOf(
      async (stores) => {
        await stores.incidents.insert(incident({ category: 'cyberbullying' }));
        await stores.incidents.insert(incident({ status: 'inProgress', routedTo: 'headteacher', reportedAt: '2026-11-21T10:00:00.000Z' }));
      },
      (stores) => stores.incidents.search({ ...filter, scope: DSL, offset: 0, limit: 50 }),
    );
    // The count and the page: both on the index (the unfiltered count may use any index at all),
    // and the page read in the index's order rather than every match sorted.
    expect(plans.map(read)).toEqual([
      { table: 'incidents', index: Object.keys(filter).length ? index : expect.not.stringMatching(/^none/), sortsEverything: false },
      { table: 'incidents', index, sortsEverything: false },
    ]);
  });
});
