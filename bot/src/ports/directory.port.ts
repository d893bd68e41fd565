import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';

/** People and their roles: a local table now, Entra ID groups in production. */
export interface Directory {
  byId(personId: string): Promise<Person | undefined>;
  byAadObjectId(aadObjectId: string): Promise<Person | undefined>;
  holdersOf(role: Role): Promise<Person[]>;
  everyone(): Promise<Person[]>;
}
