import type { Person } from '../people/person';
import type { Role } from '../people/role';

/**
 * Who may do what: the one table every use case consults, for the bot and the tabs' API alike.
 * `requester` means the person who made the request (a relationship, not a role).
 * Policy sections: s.9 and Appendix A (blocked content), s.2 (roles), s.12 (review, audit).
 */
export const PERMISSIONS = {
  'accessRequest.submit': ['staff'],
  'accessRequest.viewAll': ['onlineSafetyLead', 'headteacher', 'ictTechnician'],
  'accessRequest.forward': ['onlineSafetyLead'],
  'accessRequest.return': ['onlineSafetyLead'],
  'accessRequest.approve': ['headteacher'],
  'accessRequest.refuse': ['headteacher'],
  'accessRequest.markDone': ['ictTechnician'],
  'accessRequest.withdraw': ['requester'],
  'accessRequest.resubmit': ['requester'],
  'audit.export': ['headteacher'],
  'consent.viewClass': ['staff'],
  'pupils.import': ['admin'],
  'consent.record': ['admin'],
  'consent.export': ['admin'],
} as const satisfies Record<string, readonly (Role | 'requester')[]>;

export type Action = keyof typeof PERMISSIONS;

/** Whether the person may take the action; `ownerId` is the record's requester where that matters. */
export function may(person: Pick<Person, 'id' | 'roles'>, action: Action, ownerId?: string): boolean {
  return (PERMISSIONS[action] as readonly (Role | 'requester')[]).some((holder) => (holder === 'requester' ? ownerId !== undefined && ownerId === person.id : person.roles.includes(holder)));
}

/** "the headteacher", "the person who made the request"…: for telling someone who may act. */
export function whoMay(action: Action): string {
  const labels: Record<Role | 'requester', string> = {
    staff: 'staff',
    onlineSafetyLead: 'the online safety lead',
    headteacher: 'the headteacher',
    dsl: 'the DSL',
    deputyDsl: 'a deputy DSL',
    ictTechnician: 'the ICT technician',
    admin: 'the admin team',
    governor: 'a governor',
    chairOfGovernors: 'the chair of governors',
    requester: 'the person who made the request',
  };
  return (PERMISSIONS[action] as readonly (Role | 'requester')[]).map((holder) => labels[holder]).join(' or ');
}
