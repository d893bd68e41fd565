import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';
import type { Notice } from '../ports/notifier.port';
import type { AppDeps } from './app-deps';

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
  const resolve = async (wanted: Recipient[]): Promise<Person[]> => {
    const people: Person[] = [];
    for (const recipient of wanted) {
      if (recipient === 'requester') {
        const requester = await deps.directory.byId(record.requesterId);
        if (requester) people.push(requester);
        continue;
      }
      const holders = await deps.directory.holdersOf(recipient);
      if (holders.length === 0) missingRoles.push(recipient);
      people.push(...holders);
    }
    return people;
  };
  const toAct = withoutPerson(await resolve(recipients.act), actor);
  const toInform = withoutPerson(await resolve(recipients.informed), actor).filter((person) => !toAct.some((other) => other.id === person.id));

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
