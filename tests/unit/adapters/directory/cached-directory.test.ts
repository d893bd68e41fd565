/**
 * The People list as the directory on SharePoint, read at most once a minute: a role the app
 * changes shows at once, one changed by hand in SharePoint within the minute, and a newcomer is
 * found straight away.
 */
import { CachedDirectory } from '../../../../bot/src/adapters/directory/cached-directory';
import { forgettingOnWrite } from '../../../../bot/src/adapters/kept-reads';
import { PeopleListDirectory } from '../../../../bot/src/adapters/directory/people-list-directory';
import { createSqliteStores } from '../../../../bot/src/adapters/sqlite/sqlite-stores';
import type { Directory } from '../../../../bot/src/ports/directory.port';
import type { Stores } from '../../../../bot/src/ports/stores.port';

describe('the People list, cached', () => {
  let stores: Stores;
  let now: number;
  let reads: number;
  let directory: CachedDirectory;
  let people: Stores['people'];

  beforeEach(async () => {
    stores = createSqliteStores(':memory:');
    now = Date.parse('2026-11-24T09:00:00Z');
    reads = 0;
    const list = new PeopleListDirectory(stores.people);
    const counted: Directory = {
      byId: (id) => list.byId(id),
      byAadObjectId: (id) => list.byAadObjectId(id),
      holdersOf: (role) => list.holdersOf(role),
      everyone: () => {
        reads++;
        return list.everyone();
      },
    };
    directory = new CachedDirectory(counted, { now: () => new Date(now) });
    people = forgettingOnWrite(stores.people, () => directory.forget());
    await stores.people.insertMany([
      { displayName: 'Megan Bowen', roles: ['staff', 'onlineSafetyLead'], aadObjectId: 'aad-megan' },
      { displayName: 'Adele Vance', roles: ['staff', 'headteacher'], aadObjectId: 'aad-adele' },
    ]);
  });
  afterEach(() => stores.close());

  it('reads the list once for every question asked within a minute, then again', async () => {
    await directory.byAadObjectId('aad-megan');
    await Promise.all([directory.holdersOf('headteacher'), directory.byAadObjectId('aad-adele'), directory.everyone()]);
    expect(reads).toBe(1);
    now += 61_000;
    await directory.holdersOf('onlineSafetyLead');
    expect(reads).toBe(2);
  });

  it('shows a role the app changes at once', async () => {
    const adele = (await directory.byAadObjectId('aad-adele'))!;
    await people.update({ ...(await stores.people.get(adele.id))!, roles: ['staff'] });
    expect(await directory.holdersOf('headteacher')).toEqual([]);
  });

  it('shows a role removed by hand in SharePoint within the minute', async () => {
    const megan = (await directory.byAadObjectId('aad-megan'))!;
    await stores.people.update({ ...(await stores.people.get(megan.id))!, roles: ['staff'] });
    now += 30_000;
    expect((await directory.holdersOf('onlineSafetyLead')).map((person) => person.displayName)).toEqual(['Megan Bowen']);
    now += 31_000;
    expect(await directory.holdersOf('onlineSafetyLead')).toEqual([]);
  });

  it('finds someone added by hand at once, and then reads the list again', async () => {
    await directory.everyone();
    await stores.people.insert({ displayName: 'Isaiah Langer', roles: ['staff', 'ictTechnician'], aadObjectId: 'aad-isaiah' });
    expect((await directory.byAadObjectId('aad-isaiah'))?.roles).toEqual(['staff', 'ictTechnician']);
    expect((await directory.holdersOf('ictTechnician')).map((person) => person.displayName)).toEqual(['Isaiah Langer']);
    expect(await directory.byAadObjectId('aad-nobody')).toBeUndefined();
  });
});
