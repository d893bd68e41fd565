import { reviewRetention } from '../../../bot/src/app/review-retention';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { newAccessRequest } from '../../../bot/src/domain/access/access-request';

describe('the monthly retention review', () => {
  it("lists leavers' consent after the set period and old filtering decisions, and deletes nothing", async () => {
    const stores = createSqliteStores(':memory:');
    const left = await stores.pupils.insert({
      displayName: 'Ava Patel',
      className: '6A',
      yearGroup: 'Year 6',
      onRollFrom: '2019-09-04',
      onRollTo: '2025-07-22',
    });
    await stores.pupils.insert({ displayName: 'Leo Murphy', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' });
    await stores.pupils.insert({
      displayName: 'Mia Thompson',
      className: '6A',
      yearGroup: 'Year 6',
      onRollFrom: '2019-09-04',
      onRollTo: '2026-07-22',
    });
    const input = { url: 'https://example.org/', siteContent: 'a', reasons: 'b', risksAndControls: 'c' };
    const old = await stores.accessRequests.insert(
      newAccessRequest(input, { personId: '1', name: 'A' }, 'k1', new Date('2019-03-01T09:00:00Z')),
    );
    await stores.accessRequests.insert(newAccessRequest(input, { personId: '1', name: 'A' }, 'k2', new Date('2026-03-01T09:00:00Z')));

    expect(await reviewRetention(stores, '2026-11-24', 12)).toEqual([
      { record: 'consent', recordId: left.id, reviewedBy: 'admin', due: '2026-07-22' },
      { record: 'accessRequest', recordId: old.id, reviewedBy: 'onlineSafetyLead', due: '2025-03-01' },
    ]);
    expect((await stores.pupils.find({ limit: 10 })).items).toHaveLength(3);
    await stores.close();
  });

  it('keeps an incident until any pupil in it is past 25 (22 years on: no date of birth is held), then lists it for the DSL', async () => {
    const stores = createSqliteStores(':memory:');
    const incident = await stores.incidents.insert({
      whatHappened: 'x',
      occurredOn: '2026-11-01',
      where: 'platform',
      platform: '',
      involved: 'pupil',
      category: 'cyberbullying',
      submissionKey: 'r1',
      reporterId: '1',
      reporterName: 'A',
      reportedAt: '2026-11-02T09:00:00Z',
      routedTo: 'dsl',
      aboutHeadteacher: false,
      status: 'closed',
      updatedAt: '2026-11-02T09:00:00Z',
    });
    expect(await reviewRetention(stores, '2026-11-24', 12)).toEqual([]);
    expect(await reviewRetention(stores, '2048-11-01', 12)).toEqual([]);
    expect(await reviewRetention(stores, '2048-11-02', 12)).toEqual([
      { record: 'incident', recordId: incident.id, reviewedBy: 'dsl', due: '2048-11-02', seenBy: { aboutHeadteacher: false } },
    ]);
    expect(await stores.incidents.get(incident.id)).toBeDefined();
    await stores.close();
  });

  it("keeps the record of a leaver's file sent on as long as a child protection record, from the day it was sent, for the DSL", async () => {
    const stores = createSqliteStores(':memory:');
    await stores.pupilTransfers.insert({
      pupilId: '7',
      status: 'toSend',
      leftOn: '2026-07-22',
      createdAt: '2026-07-22T09:00:00Z',
      updatedAt: '2026-07-22T09:00:00Z',
    });
    const sent = await stores.pupilTransfers.insert({
      pupilId: '8',
      status: 'sent',
      leftOn: '2026-07-22',
      createdAt: '2026-07-22T09:00:00Z',
      updatedAt: '2026-07-24T09:00:00Z',
      sent: {
        on: '2026-07-24',
        toSchool: 'Oakfield Academy',
        toDsl: 'Jo Baxter',
        how: 'secureEmail',
        recordedById: '1',
        recordedByName: 'A',
        recordedAt: '2026-07-24T09:00:00Z',
      },
    });
    expect(await reviewRetention(stores, '2048-07-23', 12)).toEqual([]);
    expect(await reviewRetention(stores, '2048-07-24', 12)).toEqual([
      { record: 'transferRecord', recordId: sent.id, reviewedBy: 'dsl', due: '2048-07-24' },
    ]);
    await stores.close();
  });
});
