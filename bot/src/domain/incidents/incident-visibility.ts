import { may } from '../authorization/permissions';
import { holds, type Person } from '../people/person';
import type { Role } from '../people/role';
import type { Incident, IncidentCategory } from './incident';

type Viewer = Pick<Person, 'id' | 'roles'>;
type Seen = Pick<Incident, 'aboutHeadteacher' | 'assigneeId'> & { category?: IncidentCategory };

/** Categories a role sees whoever they are routed to: the data protection lead's breaches (s.4). */
const SEEN_BY_CATEGORY: Partial<Record<Role, IncidentCategory[]>> = { dataProtectionLead: ['dataProtectionBreach'] };

function categoriesSeenBy(person: Pick<Person, 'roles'>): IncidentCategory[] {
  return person.roles.flatMap((role) => SEEN_BY_CATEGORY[role] ?? []);
}

/**
 * Who sees an incident (s.8, PRODUCT rule 4): the DSL and deputies see every incident; the
 * headteacher every incident except concerns about the headteacher, which the chair of governors
 * sees instead; the data protection lead sees data-protection breaches (s.4); and the person it is
 * assigned to sees that one (so the online safety lead can act on a site to block). A headteacher
 * never sees a concern about the headteacher, whatever other role they also hold.
 */
export function canSeeIncident(person: Viewer, incident: Seen): boolean {
  if (!may(person, 'incident.view', incident.assigneeId)) return false;
  if (incident.aboutHeadteacher && holds(person, 'headteacher')) return false;
  if (incident.assigneeId === person.id || holds(person, 'dsl') || holds(person, 'deputyDsl')) return true;
  if (incident.category && categoriesSeenBy(person).includes(incident.category)) return true;
  return incident.aboutHeadteacher ? holds(person, 'chairOfGovernors') : holds(person, 'headteacher');
}

/** The same rule as a query a store can run: which incidents a person's list holds. */
export interface IncidentScope {
  /** Incidents seen because of the person's roles. */
  byRole: 'all' | 'notAboutHeadteacher' | 'aboutHeadteacherOnly' | 'none';
  /** Incidents assigned to this person are seen too. */
  assignedTo: string;
  /** And incidents of these categories (the data protection lead's breaches). */
  categories: IncidentCategory[];
  /** Never a concern about the headteacher (the viewer is the headteacher). */
  excludeAboutHeadteacher: boolean;
}

export function incidentScope(person: Viewer): IncidentScope {
  const isHead = holds(person, 'headteacher');
  const byRole =
    holds(person, 'dsl') || holds(person, 'deputyDsl')
      ? 'all'
      : isHead && holds(person, 'chairOfGovernors')
        ? 'all'
        : isHead
          ? 'notAboutHeadteacher'
          : holds(person, 'chairOfGovernors')
            ? 'aboutHeadteacherOnly'
            : 'none';
  return { byRole, assignedTo: person.id, categories: categoriesSeenBy(person), excludeAboutHeadteacher: isHead };
}

/** The in-memory form of the scope, for stores that filter after reading. */
export function inScope(incident: Seen, scope: IncidentScope): boolean {
  if (scope.excludeAboutHeadteacher && incident.aboutHeadteacher) return false;
  if (incident.assigneeId === scope.assignedTo) return true;
  if (incident.category && scope.categories.includes(incident.category)) return true;
  switch (scope.byRole) {
    case 'all':
      return true;
    case 'notAboutHeadteacher':
      return !incident.aboutHeadteacher;
    case 'aboutHeadteacherOnly':
      return incident.aboutHeadteacher;
    case 'none':
      return false;
  }
}

/** Roles whose holders may be given an incident to work on (the online safety lead for sites to block). */
const ASSIGNABLE_ROLES = ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'onlineSafetyLead'] as const;

/** Those who deal with a concern about the headteacher: the chair of governors, with the DSL and deputies. */
const ASSIGNABLE_ABOUT_HEAD = ['dsl', 'deputyDsl', 'chairOfGovernors'] as const;

/**
 * Whether an incident may be assigned to this person (who then sees it): a concern about the
 * headteacher stays with the chair, the DSL and deputies, and never goes to the headteacher; a
 * data-protection breach may also go to the data protection lead.
 */
export function canBeAssigned(
  candidate: Pick<Person, 'roles'>,
  incident: Pick<Incident, 'aboutHeadteacher'> & { category?: IncidentCategory },
): boolean {
  if (incident.aboutHeadteacher && holds(candidate, 'headteacher')) return false;
  if (incident.category && categoriesSeenBy(candidate).includes(incident.category)) return true;
  return (incident.aboutHeadteacher ? ASSIGNABLE_ABOUT_HEAD : ASSIGNABLE_ROLES).some((role) => holds(candidate, role));
}
