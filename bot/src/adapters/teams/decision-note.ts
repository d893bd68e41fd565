import { DECISIONS, mayDecide, ROLE_ABOVE, type RoleHolders } from '../../domain/authorization/deciders';
import type { Action } from '../../domain/authorization/permissions';
import { holds, type Person } from '../../domain/people/person';
import { ROLE_LABELS } from '../../domain/people/role';
import type { RichPart } from './cards/card-elements';

/**
 * What a request's card says when the person who would decide it made it: nobody decides on their
 * own request, so it goes to another holder of the role, or to the role above. Shown to the
 * requester, and to whoever is deciding in their place; undefined for everyone else.
 */
export function decisionNote(
  request: { requesterId: string; requesterName: string },
  viewer: Person,
  pending: readonly Action[],
  holders?: RoleHolders,
): RichPart[] | undefined {
  for (const action of pending) {
    const own = DECISIONS[action];
    if (!own) continue;
    if (viewer.id === request.requesterId && holds(viewer, own)) {
      const above = ROLE_ABOVE[own];
      return [
        `You made this request, so you cannot decide it: another ${ROLE_LABELS[own].toLowerCase()} does${above ? `, or the ${ROLE_LABELS[above].toLowerCase()} if there is none` : ''}.`,
      ];
    }
    if (!holds(viewer, own) && mayDecide(viewer, action, request.requesterId, holders)) {
      return [
        { text: request.requesterName, bold: true },
        ` made this request and nobody else is ${ROLE_LABELS[own].toLowerCase()}, so it comes to you: nobody decides on their own request.`,
      ];
    }
  }
  return undefined;
}
