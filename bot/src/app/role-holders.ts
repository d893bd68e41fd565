import { DECISIONS, decisionChain, needsHolders, type RoleHolders } from '../domain/authorization/deciders';
import type { Action } from '../domain/authorization/permissions';
import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';
import type { AppDeps } from './app-deps';

/** Who holds each of the roles, read once from the directory. */
export async function roleHolders(deps: Pick<AppDeps, 'directory'>, roles: readonly Role[]): Promise<RoleHolders<Person>> {
  const held = new Map(await Promise.all([...new Set(roles)].map(async (role) => [role, await deps.directory.holdersOf(role)] as const)));
  return (role) => held.get(role) ?? [];
}

/**
 * What a person's decisions need to know of who holds the roles, or undefined when they hold each
 * decision's own role (the usual case, with no lookup): only someone standing in for the role
 * (the chair for the headteacher's own request) needs to know that nobody else holds it.
 */
export async function holdersFor(
  deps: Pick<AppDeps, 'directory'>,
  person: Pick<Person, 'id' | 'roles'>,
  actions: readonly Action[],
): Promise<RoleHolders<Person> | undefined> {
  const needed = actions.filter((action) => needsHolders(person, action)).flatMap((action) => decisionChain(DECISIONS[action]!));
  return needed.length ? roleHolders(deps, needed) : undefined;
}

/**
 * What showing a record to anyone needs to know of who holds the roles: undefined unless the
 * person the record is about holds the role of a decision still to be taken (then someone else,
 * or the role above, decides, and their card must offer them the buttons).
 */
export async function holdersForRecord(
  deps: Pick<AppDeps, 'directory'>,
  subjectId: string,
  pending: readonly Action[],
): Promise<RoleHolders<Person> | undefined> {
  const roles = pending.map((action) => DECISIONS[action]).filter((role): role is Role => role !== undefined);
  if (roles.length === 0) return undefined;
  const subject = await deps.directory.byId(subjectId);
  if (!subject || !roles.some((role) => subject.roles.includes(role))) return undefined;
  return roleHolders(deps, roles.flatMap(decisionChain));
}
