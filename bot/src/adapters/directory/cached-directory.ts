import type { Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import type { Clock } from '../../ports/clock.port';
import type { Directory } from '../../ports/directory.port';

/** How long the People list, once read, answers who holds which role. */
const KEEP_MS = 60_000;

/**
 * The People list as the directory on SharePoint, read at most once a minute instead of on every
 * click and notice (each read is a round trip). A role changed through the app shows at once (the
 * list's writes call `forget`); one changed by hand in SharePoint shows within the minute. Someone
 * the list as read does not know is looked up directly, so a newcomer is not turned away for a
 * minute.
 */
export class CachedDirectory implements Directory {
  private snapshot: { people: Person[]; until: number } | undefined;
  private loading: Promise<Person[]> | undefined;

  constructor(
    private readonly inner: Directory,
    private readonly clock: Clock,
  ) {}

  forget(): void {
    this.snapshot = undefined;
  }

  async byId(personId: string): Promise<Person | undefined> {
    return (await this.everyone()).find((person) => person.id === personId) ?? this.newcomer(await this.inner.byId(personId));
  }

  async byAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    return (
      (await this.everyone()).find((person) => person.aadObjectId === aadObjectId) ??
      this.newcomer(await this.inner.byAadObjectId(aadObjectId))
    );
  }

  async holdersOf(role: Role): Promise<Person[]> {
    return (await this.everyone()).filter((person) => person.roles.includes(role));
  }

  async everyone(): Promise<Person[]> {
    if (this.snapshot && this.snapshot.until > this.clock.now().getTime()) return this.snapshot.people;
    // One read at a time: clicks arriving together share it.
    this.loading ??= this.inner
      .everyone()
      .then((people) => {
        this.snapshot = { people, until: this.clock.now().getTime() + KEEP_MS };
        return people;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Someone added since the list was read: the next question reads it again. */
  private newcomer(person: Person | undefined): Person | undefined {
    if (person) this.forget();
    return person;
  }
}
