/**
 * Nobody decides on a request they made or a record about themselves: the decision goes to another
 * holder of the role, then to the role above (the headteacher for the online safety lead, the chair
 * of governors for the headteacher, as the governing board oversees the headteacher: s.2).
 */
import {
  DECISIONS,
  decidersAmong,
  decidingRole,
  mayDecide,
  needsHolders,
  ownDecisionMessage,
  type RoleHolders,
} from '../../../../bot/src/domain/authorization/deciders';
import { PERMISSIONS, type Action } from '../../../../bot/src/domain/authorization/permissions';
import type { Person } from '../../../../bot/src/domain/people/person';
import type { Role } from '../../../../bot/src/domain/people/role';

const person = (id: string, ...roles: Role[]): Person => ({ id, displayName: id, roles: ['staff', ...roles] });
const lead = person('lead', 'onlineSafetyLead');
const secondLead = person('second-lead', 'onlineSafetyLead');
const head = person('head', 'headteacher');
const chair = person('chair', 'chairOfGovernors');
const staff = person('staff');

function school(...people: Person[]): RoleHolders<Person> {
  return (role) => people.filter((someone) => someone.roles.includes(role));
}

describe('who decides a record made by (or about) someone', () => {
  it.each<[string, Action, Person, Person[], Person, boolean]>([
    // [case, action, subject, school, who tries, may decide]
    ["staff's request: the lead reviews", 'accessRequest.forward', staff, [lead, head, chair], lead, true],
    [
      "staff's request: the headteacher does not review it (s.9, Appendix A)",
      'accessRequest.forward',
      staff,
      [lead, head, chair],
      head,
      false,
    ],
    ["the lead's own request: not the lead", 'accessRequest.forward', lead, [lead, head, chair], lead, false],
    [
      "the lead's own request: the headteacher reviews it when there is no other lead",
      'accessRequest.return',
      lead,
      [lead, head, chair],
      head,
      true,
    ],
    [
      "the lead's own request: another lead reviews it when there is one",
      'accessRequest.forward',
      lead,
      [lead, secondLead, head, chair],
      secondLead,
      true,
    ],
    ["the lead's own request: then not the headteacher", 'accessRequest.forward', lead, [lead, secondLead, head, chair], head, false],
    ["the headteacher's own request: not the headteacher", 'accessRequest.approve', head, [lead, head, chair], head, false],
    ["the headteacher's own request: the chair decides it", 'accessRequest.refuse', head, [lead, head, chair], chair, true],
    ["staff's request: the chair does not decide it", 'accessRequest.approve', staff, [lead, head, chair], chair, false],
    ["the headteacher's own post (s.5): the chair decides it", 'postingRequest.approve', head, [head, chair], chair, true],
    ["the lead's own training (s.11): not the lead", 'training.confirm', lead, [lead, head], lead, false],
    ["the lead's own training: the headteacher confirms it", 'training.confirm', lead, [lead, head], head, true],
    [
      'marking a site opened is not a decision: the ICT technician who asked may mark it',
      'accessRequest.markDone',
      person('ict', 'ictTechnician'),
      [],
      person('ict', 'ictTechnician'),
      true,
    ],
  ])('%s', (_case, action, subject, everyone, who, expected) => {
    expect(mayDecide(who, action, subject.id, school(...everyone))).toBe(expected);
  });

  it('stays with the role when nobody at all holds it: nobody can act, and the person who acted is told', () => {
    expect(decidingRole('onlineSafetyLead', staff.id, school(head, chair))).toBe('onlineSafetyLead');
    expect(decidersAmong('onlineSafetyLead', staff.id, school(head, chair))).toEqual([]);
  });

  it('asks the other holders of the role, never the person whose request it is', () => {
    expect(decidersAmong('onlineSafetyLead', lead.id, school(lead, secondLead, head, chair))).toEqual([secondLead]);
  });

  it('goes up twice when the subject holds both roles (a small school: the headteacher is also the lead)', () => {
    const headAndLead = person('head-lead', 'headteacher', 'onlineSafetyLead');
    expect(decidingRole('onlineSafetyLead', headAndLead.id, school(headAndLead, chair))).toBe('chairOfGovernors');
    expect(decidersAmong('onlineSafetyLead', headAndLead.id, school(headAndLead, chair))).toEqual([chair]);
  });

  it('needs to know who holds the roles only for someone standing in for one', () => {
    expect([
      needsHolders(lead, 'accessRequest.forward'),
      needsHolders(head, 'accessRequest.forward'),
      needsHolders(chair, 'accessRequest.approve'),
      needsHolders(staff, 'accessRequest.approve'),
    ]).toEqual([false, true, true, false]);
    // Without the holders, only the role's own holders may decide.
    expect(mayDecide(chair, 'accessRequest.approve', head.id)).toBe(false);
  });

  it('names, for each decision, exactly the role the permissions table gives it', () => {
    for (const [action, role] of Object.entries(DECISIONS))
      expect({ action, roles: PERMISSIONS[action as Action] }).toEqual({ action, roles: [role] });
  });
});

describe('what someone told they may not decide on their own request or record reads', () => {
  it.each<[Action, string, string]>([
    [
      'accessRequest.forward',
      'review your own request',
      'Nobody decides on their own request or record, so you cannot review your own request: another online safety lead does, or the headteacher if there is none.',
    ],
    [
      'accessRequest.approve',
      'approve your own request',
      'Nobody decides on their own request or record, so you cannot approve your own request: another headteacher does, or the chair of governors if there is none.',
    ],
    [
      'training.confirm',
      'confirm your own training',
      'Nobody decides on their own request or record, so you cannot confirm your own training: another online safety lead does, or the headteacher if there is none.',
    ],
    ['accessRequest.markDone', 'mark your own request done', 'You cannot mark your own request done yourself.'],
  ])('%s', (action, what, message) => {
    expect(ownDecisionMessage(action, what)).toBe(message);
  });
});
