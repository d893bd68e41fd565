import { holds, type Person } from '../people/person';
import type { Role } from '../people/role';
import { may, type Action } from './permissions';

/**
 * Decisions nobody takes on a request they made or a record about themselves (the policy's
 * approvals are a check by someone else: s.9 and Appendix A, s.5, s.11), and the role whose
 * holders take them in PERMISSIONS (a test keeps the two in step).
 */
export const DECISIONS: Partial<Record<Action, Role>> = {
  'accessRequest.forward': 'onlineSafetyLead',
  'accessRequest.return': 'onlineSafetyLead',
  'accessRequest.approve': 'headteacher',
  'accessRequest.refuse': 'headteacher',
  'postingRequest.approve': 'headteacher',
  'postingRequest.refuse': 'headteacher',
  'staffPersonalAccount.approve': 'headteacher',
  'staffPersonalAccount.refuse': 'headteacher',
  'pupilWifi.approve': 'headteacher',
  'pupilWifi.refuse': 'headteacher',
  'accountPassword.approve': 'headteacher',
  'accountPassword.refuse': 'headteacher',
  'training.confirm': 'onlineSafetyLead',
};

/**
 * Who decides instead when the only holder of a role made the request: the headteacher for the
 * online safety lead, the chair of governors for the headteacher (s.2: the governing board oversees
 * the headteacher).
 */
export const ROLE_ABOVE: Partial<Record<Role, Role>> = { onlineSafetyLead: 'headteacher', headteacher: 'chairOfGovernors' };

/** The holders of each role, as the directory has them now. */
export type RoleHolders<P extends Pick<Person, 'id'> = Pick<Person, 'id'>> = (role: Role) => readonly P[];

/**
 * The role whose holders decide on a record made by (or about) `subjectId`: the decision's own role
 * when someone other than the subject holds it; when the subject is its only holder, the role above
 * (and so on). When nobody holds the role at all it stays with the role: nobody can act, and the
 * person who acted is told so.
 */
export function decidingRole(role: Role, subjectId: string, holders: RoleHolders): Role | undefined {
  let current: Role | undefined = role;
  while (current && onlySubjectHolds(holders(current), subjectId)) current = ROLE_ABOVE[current];
  return current;
}

function onlySubjectHolds(people: readonly Pick<Person, 'id'>[], subjectId: string): boolean {
  return people.length > 0 && people.every((person) => person.id === subjectId);
}

/**
 * Whether this person may take the action on a record made by or about `subjectId`. For a decision
 * it is never the subject; it is a holder of the decision's role, or, where the subject is that role's
 * only holder, of the role above (which needs `holders`: see `needsHolders`). Any other action is
 * the permissions table's answer.
 */
export function mayDecide(person: Pick<Person, 'id' | 'roles'>, action: Action, subjectId: string, holders?: RoleHolders): boolean {
  const own = DECISIONS[action];
  if (!own) return may(person, action, subjectId);
  if (person.id === subjectId) return false;
  if (may(person, action, subjectId)) return true;
  const role = holders ? decidingRole(own, subjectId, holders) : undefined;
  return role !== undefined && holds(person, role);
}

/** Whether `mayDecide` needs to know who holds the roles: the person holds a role above the decision's own, not the role itself. */
export function needsHolders(person: Pick<Person, 'id' | 'roles'>, action: Action): boolean {
  const own = DECISIONS[action];
  if (!own || may(person, action)) return false;
  for (let role = ROLE_ABOVE[own]; role; role = ROLE_ABOVE[role]) if (holds(person, role)) return true;
  return false;
}

/** The people to ask to decide: the holders of the deciding role, never the subject. */
export function decidersAmong<P extends Pick<Person, 'id'>>(role: Role, subjectId: string, holders: RoleHolders<P>): P[] {
  const deciding = decidingRole(role, subjectId, holders);
  return deciding ? holders(deciding).filter((person) => person.id !== subjectId) : [];
}

/** Whether a role's holders take decisions that can never be about themselves (see DECISIONS). */
export function isDecidingRole(role: Role): boolean {
  return Object.values(DECISIONS).includes(role);
}

/** What someone who may not decide on their own request or record is told. */
export function ownDecisionMessage(action: Action, what: string): string {
  const own = DECISIONS[action];
  const above = own ? ROLE_ABOVE[own] : undefined;
  if (!own) return `You cannot ${what} yourself.`;
  return `Nobody decides on their own request or record, so you cannot ${what}: another ${ROLE_NAMES[own]} does${above ? `, or the ${ROLE_NAMES[above]} if there is none` : ''}.`;
}

const ROLE_NAMES: Partial<Record<Role, string>> = {
  onlineSafetyLead: 'online safety lead',
  headteacher: 'headteacher',
  chairOfGovernors: 'chair of governors',
};

/** The roles a decision can move up to, its own first. */
export function decisionChain(role: Role): Role[] {
  const chain: Role[] = [];
  for (let current: Role | undefined = role; current; current = ROLE_ABOVE[current]) chain.push(current);
  return chain;
}
