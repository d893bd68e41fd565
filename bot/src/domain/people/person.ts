import type { Role } from './role';

export interface Person {
  id: string;
  displayName: string;
  email?: string;
  /** Entra ID object id: how a Teams user is matched to a person. */
  aadObjectId?: string;
  roles: Role[];
}

export function holds(person: Pick<Person, 'roles'>, role: Role): boolean {
  return person.roles.includes(role);
}
