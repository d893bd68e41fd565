import { holds, type Person } from '../people/person';
import type { IncidentScope } from '../incidents/incident-visibility';

/**
 * Which incidents the governors' page counts for this person (counts only, never a record): every
 * incident, except concerns about the headteacher, which only the chair of governors is shown, as
 * in the incident log (s.8). A headteacher who is also the chair is never shown them.
 */
export function governanceIncidentScope(person: Pick<Person, 'id' | 'roles'>): IncidentScope {
  const chair = holds(person, 'chairOfGovernors') && !holds(person, 'headteacher');
  return { byRole: chair ? 'all' : 'notAboutHeadteacher', assignedTo: person.id, categories: [], excludeAboutHeadteacher: !chair };
}

/** Governors see counts under 3 hidden; the headteacher, the DSL and deputies, who may open the records counted, see them all. */
export function seesExactCounts(person: Pick<Person, 'roles'>): boolean {
  return holds(person, 'headteacher') || holds(person, 'dsl') || holds(person, 'deputyDsl');
}

/**
 * Who is shown the names of the staff who asked, decided and recorded: the school's leaders, who
 * work with them. Governors and the chair are shown roles instead ("the headteacher"): the board
 * oversees decisions, not people.
 */
export function seesStaffNames(person: Pick<Person, 'roles'>): boolean {
  return STAFF_LEADS.some((role) => holds(person, role));
}

const STAFF_LEADS = ['headteacher', 'onlineSafetyLead', 'dsl', 'deputyDsl'] as const;
