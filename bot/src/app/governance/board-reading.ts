import type { AccessRequest } from '../../domain/access/access-request';
import { seesStaffNames } from '../../domain/governance/governance-scope';
import { redactOtherPupils } from '../../domain/incidents/pupil-transfer';
import { holds, type Person } from '../../domain/people/person';
import type { Role } from '../../domain/people/role';
import type { Signature } from '../../domain/workflow/workflow';
import type { AppDeps } from '../app-deps';
import { allPupils, readAll } from '../read-all';

/** How staff who are not shown by name are named to governors, the first role they hold. */
const SHOWN_AS: readonly [Role, string][] = [
  ['headteacher', 'the headteacher'],
  ['chairOfGovernors', 'the chair of governors'],
  ['onlineSafetyLead', 'the online safety lead'],
  ['dsl', 'the DSL'],
  ['deputyDsl', 'a deputy DSL'],
  ['ictTechnician', 'the ICT technician'],
];
const SOMEONE = 'a member of staff';

/** What the board's pages show of what staff wrote and who they are. */
export interface BoardReading {
  /** Staff free text with the roster's pupils taken out ("another pupil"), however their names are written. */
  text(written: string): string;
  /** A member of staff: their name for the school's leaders, their role for governors. */
  staff(personId: string, name: string): string;
}

/**
 * The Governance page and the filtering review pack are read by governors, and printed for the
 * board: no pupil's name in anything staff wrote, and no staff names for governors (roles instead).
 */
export async function boardReading(deps: Pick<AppDeps, 'stores'>, reader: Person): Promise<BoardReading> {
  const [pupils, people] = await Promise.all([
    allPupils(deps.stores),
    seesStaffNames(reader) ? [] : readAll((cursor) => deps.stores.people.find({ limit: 500, ...(cursor ? { cursor } : {}) })),
  ]);
  const names = pupils.map((pupil) => pupil.displayName);
  const roles = new Map(people.map((person) => [person.id, person]));
  return {
    text: (written) => redactOtherPupils(written, '', names),
    staff: (personId, name) => {
      if (seesStaffNames(reader)) return name;
      const person = roles.get(personId);
      return (person && SHOWN_AS.find(([role]) => holds(person, role))?.[1]) ?? SOMEONE;
    },
  };
}

/**
 * A decided request to open a site as the board reads it: its texts without pupils' names, and
 * the requester, the decider and the technician by role for governors. The history, which names
 * everyone, is not kept.
 */
export function boardRequest<T extends AccessRequest & { decision: NonNullable<AccessRequest['decision']> }>(
  reading: BoardReading,
  request: T,
): T {
  const signed = (signature: Signature): Signature => ({ ...signature, name: reading.staff(signature.personId, signature.name) });
  return {
    ...request,
    requesterName: reading.staff(request.requesterId, request.requesterName),
    siteContent: reading.text(request.siteContent),
    reasons: reading.text(request.reasons),
    risksAndControls: reading.text(request.risksAndControls),
    decision: { ...request.decision, reasons: reading.text(request.decision.reasons), signature: signed(request.decision.signature) },
    ...(request.leadReview
      ? {
          leadReview: {
            ...request.leadReview,
            note: reading.text(request.leadReview.note),
            addedRisksAndControls: reading.text(request.leadReview.addedRisksAndControls),
            signature: signed(request.leadReview.signature),
          },
        }
      : {}),
    ...(request.actioned ? { actioned: { note: reading.text(request.actioned.note), signature: signed(request.actioned.signature) } } : {}),
    ...(request.reblocked
      ? { reblocked: { note: reading.text(request.reblocked.note), signature: signed(request.reblocked.signature) } }
      : {}),
    history: [],
  };
}
