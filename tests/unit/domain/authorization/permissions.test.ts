/**
 * Who may do what, written here from the policy rather than read from PERMISSIONS, so that a wrong
 * row in permissions.ts (or a bug in `may`) fails. Columns are the roles of s.2 and the person the
 * record names: who made the request, who owns the school account, whom an incident is assigned to.
 */
import { may, PERMISSIONS, whoMay, type Action } from '../../../../bot/src/domain/authorization/permissions';
import type { Role } from '../../../../bot/src/domain/people/role';

const X = true;
const _ = false;

/** The roles, and `theirs`: the person the record names (its requester, the account's owner, the incident's assignee). */
type Column = Role | 'theirs';
const COLUMNS: readonly Column[] = ['staff', 'onlineSafetyLead', 'headteacher', 'dsl', 'deputyDsl', 'ictTechnician', 'admin', 'governor', 'chairOfGovernors', 'socialMediaStaff', 'theirs'];

interface Row {
  action: Action;
  cells: boolean[];
  rule: string;
}
const row = (action: Action, cells: boolean[], rule: string): Row => ({ action, cells, rule });

const TABLE: Row[] = [
  // action                            staff  OSL  head  DSL  dep  ICT  admin  gov  chair  SMS  theirs
  row('accessRequest.submit',         [X,     _,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.9: staff ask for blocked content'),
  row('accessRequest.viewAll',        [_,     X,   X,    _,   _,   X,   _,     _,   _,     _,   _], 's.9: those who act on requests'),
  row('accessRequest.forward',        [_,     X,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.9: the form goes to the online safety lead'),
  row('accessRequest.return',         [_,     X,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.9: the online safety lead reviews'),
  row('accessRequest.approve',        [_,     _,   X,    _,   _,   _,   _,     _,   _,     _,   _], 's.9: approved by the headteacher'),
  row('accessRequest.refuse',         [_,     _,   X,    _,   _,   _,   _,     _,   _,     _,   _], 'Appendix A: the headteacher decides ✓ / X'),
  row('accessRequest.markDone',       [_,     _,   _,    _,   _,   X,   _,     _,   _,     _,   _], 's.2: ICT technicians update the filtering'),
  row('accessRequest.withdraw',       [_,     _,   _,    _,   _,   _,   _,     _,   _,     _,   X], 's.9: only the requester withdraws'),
  row('accessRequest.resubmit',       [_,     _,   _,    _,   _,   _,   _,     _,   _,     _,   X], 's.9: only the requester resubmits'),
  row('audit.export',                 [_,     _,   X,    _,   _,   _,   _,     _,   _,     _,   _], 's.2: the headteacher answers for the policy'),
  row('consent.viewClass',            [X,     _,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.4: staff check the consent record before posting'),
  row('pupils.import',                [_,     _,   _,    _,   _,   _,   X,     _,   _,     _,   _], 's.4: the admin team keeps the record'),
  row('consent.record',               [_,     _,   _,    _,   _,   _,   X,     _,   _,     _,   _], 's.4: the admin team keeps the record up to date'),
  row('consent.export',               [_,     _,   _,    _,   _,   _,   X,     _,   _,     _,   _], 's.4: the admin team keeps the record'),
  row('postingRequest.submit',        [X,     _,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.5: staff seek permission to post'),
  row('postingRequest.viewAll',       [_,     _,   X,    X,   _,   _,   _,     _,   _,     X,   _], 's.2, s.5: the headteacher and those who monitor the accounts'),
  row('postingRequest.approve',       [_,     _,   X,    _,   _,   _,   _,     _,   _,     _,   _], 's.5: permission from the headteacher'),
  row('postingRequest.refuse',        [_,     _,   X,    _,   _,   _,   _,     _,   _,     _,   _], 's.5: permission from the headteacher'),
  row('postingRequest.withdraw',      [_,     _,   _,    _,   _,   _,   _,     _,   _,     _,   X], 's.5: only the requester withdraws'),
  row('postingRequest.resubmit',      [_,     _,   _,    _,   _,   _,   _,     _,   _,     _,   X], 's.4: the requester fixes what the checks found'),
  row('postingRequest.confirmPosted', [_,     _,   _,    _,   _,   _,   _,     _,   _,     _,   X], 's.4: the requester registers what was posted'),
  row('socialAccount.view',           [X,     _,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.5: every member of staff can read the register'),
  row('socialAccount.manage',         [_,     _,   _,    X,   _,   _,   _,     _,   _,     X,   _], 's.5: created and monitored by the DSL and designated staff'),
  row('takedown.viewAll',             [_,     _,   _,    X,   _,   _,   _,     _,   _,     _,   _], 's.2: the DSL monitors every school account'),
  row('takedown.close',               [_,     _,   _,    X,   _,   _,   _,     _,   _,     _,   X], "s.4: the account's owner, or the DSL, takes posts down"),
  row('incident.report',              [X,     _,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.2: staff report misuse'),
  row('incident.view',                [_,     _,   X,    X,   X,   _,   _,     _,   X,     _,   X], 's.8: the DSL, deputies, headteacher, chair; whoever it is assigned to'),
  row('incident.act',                 [_,     _,   X,    X,   X,   _,   _,     _,   X,     _,   X], 's.8: the DSL, deputies, headteacher, chair; whoever it is assigned to'),
  row('incident.assign',              [_,     _,   X,    X,   X,   _,   _,     _,   X,     _,   _], 's.8: those who deal with concerns'),
  row('incident.summary',             [_,     _,   X,    X,   X,   _,   _,     _,   X,     _,   _], 's.8: those who deal with concerns'),
  row('incident.export',              [_,     _,   X,    X,   X,   _,   _,     _,   X,     _,   _], 's.8: those who deal with concerns'),
  row('training.logOwn',              [X,     _,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.11: staff record their own training'),
  row('training.viewAll',             [_,     X,   X,    X,   _,   _,   _,     _,   _,     _,   _], 's.11: those who follow up training'),
  row('training.record',              [_,     X,   _,    _,   _,   _,   _,     _,   _,     _,   _], 's.11: the online safety lead records sessions'),
  row('training.confirm',             [_,     X,   _,    _,   _,   _,   _,     _,   _,     _,   _], "s.11: the online safety lead confirms a staff member's claim"),
  row('training.requireRefresher',    [_,     _,   _,    X,   _,   _,   _,     _,   _,     _,   _], 's.11: refreshers after a significant incident'),
  row('policy.recordReview',          [_,     _,   X,    _,   _,   _,   _,     _,   _,     _,   _], 's.12: reviewed by the headteacher'),
];

/** A person with one role and nothing to do with the record; or with no role, named by the record. */
function holderOf(column: Column) {
  return column === 'theirs' ? { person: { id: 'me', roles: [] }, relatedId: 'me' } : { person: { id: 'me', roles: [column] }, relatedId: 'someone else' };
}

const cases = TABLE.flatMap(({ action, cells, rule }) => COLUMNS.map((column, i) => ({ action, rule, column, allowed: cells[i] })));

describe('the permissions table, against the policy', () => {
  it('has a row here for every action, each with a cell for every column', () => {
    expect(TABLE.map((row) => row.action).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const { action, cells } of TABLE) expect({ action, cells: cells.length }).toEqual({ action, cells: COLUMNS.length });
  });

  it.each(cases)('$action ($rule): $column → $allowed', ({ action, column, allowed }) => {
    const { person, relatedId } = holderOf(column);
    expect(may(person, action, relatedId)).toBe(allowed);
  });
});

describe('relationships and several roles', () => {
  it('someone else than the requester, owner or assignee gets nothing from the relationship', () => {
    expect(may({ id: 'me', roles: [] }, 'accessRequest.withdraw', 'someone else')).toBe(false);
    expect(may({ id: 'me', roles: [] }, 'takedown.close', undefined)).toBe(false);
  });

  it('a person record without an id is never taken for the requester of a record without one', () => {
    expect(may({ id: undefined as unknown as string, roles: [] }, 'postingRequest.withdraw', undefined)).toBe(false);
  });

  it('one role of several is enough (a small school: the headteacher is also the DSL)', () => {
    expect(may({ id: 'me', roles: ['staff', 'headteacher', 'dsl'] }, 'takedown.viewAll')).toBe(true);
    expect(may({ id: 'me', roles: ['staff', 'headteacher', 'dsl'] }, 'accessRequest.approve')).toBe(true);
  });
});

describe('who may act, as the person told "only … can" reads it', () => {
  it.each<[Action, string]>([
    ['incident.report', 'staff'],
    ['accessRequest.viewAll', 'the online safety lead or the headteacher or the ICT technician'],
    ['consent.record', 'the admin team'],
    ['postingRequest.viewAll', 'the headteacher or the DSL or designated social media staff'],
    ['incident.view', 'the DSL or a deputy DSL or the headteacher or the chair of governors or the person it is assigned to'],
    ['takedown.close', "the account's owner or the DSL"],
    ['accessRequest.withdraw', 'the person who made the request'],
  ])('%s: %s', (action, expected) => {
    expect(whoMay(action)).toBe(expected);
  });
});
