/**
 * The term dates, once read from SharePoint, answer again for ten minutes (each read is a round
 * trip, and every request to open a site with its last day left empty reads them): a change saved
 * through the app shows at once, one made elsewhere once the ten minutes have passed.
 */
import { keptReads } from '../../../bot/src/adapters/kept-reads';
import { createSqliteStores } from '../../../bot/src/adapters/sqlite/sqlite-stores';
import { readTermDates } from '../../../bot/src/app/settings/term-dates';
import { StoreUnavailableError } from '../../../bot/src/ports/collection.port';
import type { Stores } from '../../../bot/src/ports/stores.port';
import { TERM_DATES } from '../../fixtures/term-dates';
import { TestClock } from '../../fixtures/test-clock';

const TEN_MINUTES = 10 * 60_000;

/** The store, its reads going through `find`. */
function withFind(store: Stores['termDates'], find: Stores['termDates']['find']): Stores['termDates'] {
  return {
    find,
    get: (id) => store.get(id),
    insert: (record) => store.insert(record),
    insertMany: (records) => store.insertMany(records),
    update: (record) => store.update(record),
    updateMany: (records) => store.updateMany(records),
  };
}

describe('the term dates, kept for ten minutes', () => {
  let stores: Stores;
  let clock: TestClock;
  let reads: number;
  let kept: Stores['termDates'];

  beforeEach(async () => {
    stores = createSqliteStores(':memory:');
    clock = new TestClock();
    reads = 0;
    const counted = withFind(stores.termDates, (query) => {
      reads++;
      return stores.termDates.find(query);
    });
    kept = keptReads(counted, clock, TEN_MINUTES);
    await stores.termDates.insert({ ...TERM_DATES });
  });
  afterEach(() => stores.close());

  const lastTermEnds = async () => (await readTermDates({ termDates: kept })).calendar.terms.at(-1)?.end;

  it('reads them once in ten minutes, however many requests need them', async () => {
    const first = await lastTermEnds();
    clock.advance(TEN_MINUTES - 1);
    expect(await lastTermEnds()).toBe(first);
    expect(reads).toBe(1);
    clock.advance(1);
    await lastTermEnds();
    expect(reads).toBe(2);
  });

  it('shows a change saved through the app at once, and one made elsewhere after ten minutes', async () => {
    const { record } = await readTermDates({ termDates: kept });
    const terms = record!.terms.map((term, index, all) => (index === all.length - 1 ? { ...term, end: '2027-07-16' } : term));
    const saved = await kept.update({ ...record!, terms });
    expect(await lastTermEnds()).toBe('2027-07-16');
    // Changed by hand in SharePoint (or by another instance of the app): not seen yet.
    const elsewhere = saved.terms.map((term, index, all) => (index === all.length - 1 ? { ...term, end: '2027-07-23' } : term));
    await stores.termDates.update({ ...saved, terms: elsewhere });
    expect(await lastTermEnds()).toBe('2027-07-16');
    clock.advance(TEN_MINUTES);
    expect(await lastTermEnds()).toBe('2027-07-23');
  });

  it('does not keep a failed read: the next one asks the store again', async () => {
    let tries = 0;
    const failingOnce = withFind(stores.termDates, (query) =>
      ++tries === 1 ? Promise.reject(new StoreUnavailableError('down')) : stores.termDates.find(query),
    );
    const flaky = keptReads(failingOnce, clock, TEN_MINUTES);
    await expect(readTermDates({ termDates: flaky })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await readTermDates({ termDates: flaky })).calendar.terms).toHaveLength(TERM_DATES.terms.length);
    expect(tries).toBe(2);
  });
});
