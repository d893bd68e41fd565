import type { AccessActionType } from '../domain/access/access-request';
import { whoToTell, type Recipient } from '../domain/access/access-request-rules';
import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';
import type { AppDeps } from './app-deps';

/**
 * After a step is saved: bring every card about the request up to date, ask the next person to
 * act, tell the requester, and tell the actor about anyone who could not be reached. The request
 * stays pending and visible whatever happens here.
 */
export async function announceAccessStep(
  deps: AppDeps,
  requestId: string,
  step: AccessActionType | 'submit',
  actor: Person,
  clickedActivityId?: string,
): Promise<void> {
  const request = await deps.stores.accessRequests.get(requestId);
  if (!request) return;
  const notice = { recordType: 'accessRequest' as const, recordId: request.id };
  await deps.notifier.refreshCards(notice, clickedActivityId);

  const { act, informed } = whoToTell(step);
  const missingRoles: Role[] = [];
  const resolve = async (recipients: Recipient[]): Promise<Person[]> => {
    const people: Person[] = [];
    for (const recipient of recipients) {
      if (recipient === 'requester') {
        const requester = await deps.directory.byId(request.requesterId);
        if (requester) people.push(requester);
        continue;
      }
      const holders = await deps.directory.holdersOf(recipient);
      if (holders.length === 0) missingRoles.push(recipient);
      people.push(...holders);
    }
    return people;
  };
  const toAct = withoutPerson(await resolve(act), actor);
  const toInform = withoutPerson(await resolve(informed), actor).filter((person) => !toAct.some((other) => other.id === person.id));

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
