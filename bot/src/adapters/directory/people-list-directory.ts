import { readAll } from '../../app/read-all';
import type { Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import type { Directory } from '../../ports/directory.port';
import type { PersonCollection } from '../../ports/stores.port';

/** The directory as a list of people in the store (local mode); Entra ID groups replace it in production. */
export class PeopleListDirectory implements Directory {
  constructor(private readonly people: PersonCollection) {}

  async byId(personId: string): Promise<Person | undefined> {
    return this.people.get(personId);
  }

  async byAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    return (await this.people.find({ where: { aadObjectId }, limit: 1 })).items[0];
  }

  async holdersOf(role: Role): Promise<Person[]> {
    return (await this.everyone()).filter((person) => person.roles.includes(role));
  }

  everyone(): Promise<Person[]> {
    return readAll((cursor) => this.people.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
  }
}
