import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';
import type { Notice } from '../ports/notifier.port';
import { decidersAmong, decidingRole, decisionChain, isDecidingRole } from '../domain/authorization/deciders';
import type { AppDeps } from './app-deps';
import { roleHolders } from './role-holders';

/** Who hears about a step: the record's requester, or everyone holding a role. */
export type Recipient = 'requester' | Role;

/**
 * After a step is saved: bring every card about the record up to date, ask the next people to
 * act, tell the others, and tell the actor about anyone who could not be reached. The record stays
 * pending and visible whatever happens here.
 */
export async function announceStep(
  deps: AppDeps,
  record: Omit<Notice, 'reason'> & { requesterId: string },
  recipients: { act: Recipient[]; informed: Recipient[] },
  actor: Person,
  clickedActivityId?: string,
): Promise<void> {
  const notice = { recordType: record.recordType, recordId: record.recordId };
  await deps.notifier.refreshCards(notice, clickedActivityId);

  const missingRoles: Role[] = [];
  const resolve = async (wanted: Recipient[], asked: boolean): Promise<Person[]> => {
    const people: Person[] = [];
    for (const recipient of wanted) {
      if (recipient === 'requester') {
        const requester = await deps.directory.byId(record.requesterId);
        if (requester) people.push(requester);
        continue;
      }
      // Nobody is asked to decide on their own request: another holder of the role is, or the role above.
      const holders = await roleHolders(deps, asked && isDecidingRole(recipient) ? decisionChain(recipient) : [recipient]);
      const found = asked && isDecidingRole(recipient) ? decidersAmong(recipient, record.requesterId, holders) : [...holders(recipient)];
      if (found.length === 0) missingRoles.push(decidingRole(recipient, record.requesterId, holders) ?? recipient);
      people.push(...found);
    }
    return people;
  };
  const toAct = withoutPerson(await resolve(recipients.act, true), actor);
  const toInform = withoutPerson(await resolve(recipients.informed, false), actor).filter((person) => !toAct.some((other) => other.id === person.id));

  const asked = await deps.notifier.notify(toAct, { ...notice, reason: 'needs-your-action' });
  const told = await deps.notifier.notify(toInform, { ...notice, reason: 'status-changed' });
  const unreachable = [...asked.unreachable, ...told.unreachable];
  if (unreachable.length > 0 || missingRoles.length > 0) {
    await deps.notifier.reportUnreachable(actor, { people: unreachable, roles: missingRoles }, notice);
  }
}

function withoutPerson(people: Person[], actor: Person): Person[] {
  const seen = new Set<string>([actor.id]);
  return people.filter((person) => !seen.has(person.id) && seen.add(person.id));
}
