import type { IsoDate } from '../domain/calendar/dates';
import { DuplicateRecordError } from '../ports/collection.port';
import type { FirstSeenCollection } from '../ports/stores.port';
import type { Logger } from './app-deps';
import { readAll } from './read-all';

/**
 * The day each person first appeared to the app, for people whose directory entry has no hire
 * date: stored the first time they are seen, so it never moves, and read from the store once per
 * process (then only new people are written).
 */
export class FirstSeenDates {
  private known: Map<string, IsoDate> | undefined;

  constructor(
    private readonly store: FirstSeenCollection,
    private readonly log: Logger,
  ) {}

  /**
   * First-seen days for these people, recording today for anyone not seen before. If the store
   * cannot be reached, those without a day yet get none this time (their induction counts as due
   * now, as before) rather than anyone being locked out.
   */
  async of(personIds: readonly string[], today: IsoDate): Promise<Map<string, IsoDate>> {
    try {
      this.known ??= await this.readAll();
      const unseen = personIds.filter((id) => !this.known!.has(id));
      if (unseen.length > 0) await this.record(unseen, today);
    } catch (error) {
      this.known = undefined;
      this.log.error(`First-seen days could not be read or stored for ${personIds.length} people`, error);
    }
    return new Map(personIds.flatMap((id) => (this.known?.has(id) ? [[id, this.known.get(id)!] as const] : [])));
  }

  private async record(personIds: string[], today: IsoDate): Promise<void> {
    try {
      for (const stored of await this.store.insertMany(personIds.map((personId) => ({ personId, firstSeenOn: today }))))
        this.known!.set(stored.personId, stored.firstSeenOn);
    } catch (error) {
      // Another process (a job run) saw them first: its day is the one kept.
      if (!(error instanceof DuplicateRecordError)) throw error;
      this.known = await this.readAll();
    }
  }

  private async readAll(): Promise<Map<string, IsoDate>> {
    const records = await readAll((cursor) => this.store.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
    return new Map(records.map((record) => [record.personId, record.firstSeenOn]));
  }
}
