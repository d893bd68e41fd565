/** The use case under races and failures that are hard to time through HTTP. */
import { actOnRequest } from '../../../bot/src/app/requests/act-on-request';
import type { StepDeps } from '../../../bot/src/app/requests/request-kinds';
import { BackgroundTasks } from '../../../bot/src/app/background-tasks';
import { PeopleListDirectory } from '../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';
import type { Person } from '../../../bot/src/domain/people/person';
import { StaleRecordError } from '../../../bot/src/ports/collection.port';
import type { SqliteAuditLog } from '../../../bot/src/adapters/sqlite/sqlite-audit-log';

const NOW = new Date('2026-11-24T10:00:00Z');

async function setUp() {
  const stores = createSqliteStores(':memory:');
  const head = await stores.people.insert({ displayName: 'Adele Vance', roles: ['headteacher'], aadObjectId: 'aad-head' });
  const staff = await stores.people.insert({ displayName: 'Priya Shah', roles: ['staff'], aadObjectId: 'aad-staff' });
  const errors: string[] = [];
  const deps: StepDeps = {
    stores,
    directory: new PeopleListDirectory(stores.people),
    notifier: { deliver: async () => new Map(), refreshCards: async () => undefined },
    clock: { now: () => NOW },
    log: { info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) },
    background: new BackgroundTasks({ info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) }),
    announce: async (_run, planned) => ({
      planned: planned.length,
      sent: planned.length,
      alreadyDone: 0,
      notInstalled: 0,
      blocked: 0,
      failed: 0,
      uncertain: 0,
    }),
  };
  const request = await stores.accessRequests.insert({
    ...newAccessRequest(
      { url: 'https://example.org/', siteContent: 'a', reasons: 'b', risksAndControls: 'c' },
      { personId: staff.id, name: staff.displayName },
      'k',
      NOW,
    ),
    state: 'withHeadteacher',
  });
  return { deps, stores, head: head as Person, request, errors };
}

describe('acting on a request (an access request here)', () => {
  it('when someone else decides at the same moment, re-reads and lets the rules judge the new state; writes no audit entry or notice of its own', async () => {
    const { deps, stores, head, request } = await setUp();
    const realUpdate = stores.together.update.bind(stores.together);
    let raced = false;
    jest.spyOn(stores.together, 'update').mockImplementation(async (store, record, goesWith) => {
      if (!raced) {
        raced = true;
        // Another headteacher click lands between our read and our write.
        await stores.accessRequests.update({
          ...request,
          state: 'refused',
          decision: { approved: false, reasons: 'No', signature: { personId: head.id, name: head.displayName, at: NOW.toISOString() } },
        });
      }
      return realUpdate(store, record, goesWith);
    });
    const result = await actOnRequest(deps, 'accessRequest', head, request.id, { step: 'approve' });
    expect(result).toMatchObject({ status: 'not-now', request: { state: 'refused' } });
    expect((await stores.accessRequests.get(request.id))!.decision!.approved).toBe(false);
    expect(await stores.audit.forRecord('accessRequest', request.id)).toEqual([]);
    expect((await stores.outbox.find({ where: { status: 'pending' }, limit: 10 })).items).toEqual([]);
  });

  it('gives up with "not saved" when every attempt is stale, rather than looping', async () => {
    const { deps, stores, head, request } = await setUp();
    const update = jest.spyOn(stores.together, 'update').mockRejectedValue(new StaleRecordError(request.id));
    const result = await actOnRequest(deps, 'accessRequest', head, request.id, { step: 'approve' });
    expect(result).toMatchObject({ status: 'not-saved' });
    expect(update).toHaveBeenCalledTimes(3);
  });

  it('saves the decision, its audit entry and its notices together, before answering', async () => {
    const { deps, stores, head, request } = await setUp();
    const result = await actOnRequest(deps, 'accessRequest', head, request.id, { step: 'approve' });
    expect(result).toMatchObject({ status: 'ok', request: { state: 'approved', version: 2 } });
    expect((await stores.audit.forRecord('accessRequest', request.id)).map((entry) => entry.action)).toEqual(['access-request.approve']);
    const notices = (await stores.outbox.find({ where: { run: `step accessRequest ${request.id} v2` }, limit: 10 })).items;
    expect(notices.map((entry) => [entry.personName, entry.reason])).toEqual([
      ['Priya Shah', `status-changed:accessRequest:${request.id}`],
    ]);
  });

  it('saves nothing when the audit entry cannot be written: the decision is not half-saved, and the person hears "not saved"', async () => {
    const { deps, stores, head, request, errors } = await setUp();
    // The disk fails as the audit entry is written, after the request's own write in the same transaction.
    jest.spyOn(stores.audit as SqliteAuditLog, 'appendRow').mockImplementation(() => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    });
    const result = await actOnRequest(deps, 'accessRequest', head, request.id, { step: 'approve' });
    expect(result).toMatchObject({ status: 'not-saved' });
    expect(await stores.accessRequests.get(request.id)).toMatchObject({ state: 'withHeadteacher', version: 1 });
    expect((await stores.outbox.find({ where: { status: 'pending' }, limit: 10 })).items).toEqual([]);
    expect(errors).toEqual([`A step on accessRequest ${request.id} could not be saved`]);
  });

  it('does nothing for a card that showed an older version', async () => {
    const { deps, stores, head, request } = await setUp();
    const result = await actOnRequest(deps, 'accessRequest', head, request.id, { step: 'approve', seenVersion: request.version + 4 });
    expect(result).toMatchObject({ status: 'stale' });
    expect((await stores.accessRequests.get(request.id))!.state).toBe('withHeadteacher');
  });
});
