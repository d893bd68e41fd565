import type { Role } from './role';

export interface Person {
  id: string;
  displayName: string;
  email?: string;
  /** Entra ID object id: how a Teams user is matched to a person. */
  aadObjectId?: string;
  roles: Role[];
  /** First day at the school: induction training is due within a set number of days of it (s.11). */
  startedOn?: string;
}

export function holds(person: Pick<Person, 'roles'>, role: Role): boolean {
  return person.roles.includes(role);
}
