import { holds, type Person } from '../../domain/people/person';

type Act = { label: string; tabView: string };

const GOVERNANCE: Act = { label: 'Open Governance', tabView: 'governance' };

/**
 * The button a reminder carries for this person: a governor's (or the chair's) reminders all open
 * the Governance page, which shows the review schedule and their own training; anyone else's,
 * the headteacher's included (who may also sit on the board), open the page where the work is done.
 */
export function actFor(person: Pick<Person, 'roles'>, usual: Act): Act {
  const governor = holds(person, 'governor') || holds(person, 'chairOfGovernors');
  return governor && !holds(person, 'headteacher') ? GOVERNANCE : usual;
}
