/**
 * Who may do what, written here from the policy rather than read from PERMISSIONS, so that a wrong
 * row in permissions.ts (or a bug in `may`) fails. Each action lists who may take it: roles of s.2,
 * or the person the record names (`requester`, the account's `owner`, the incident's `assignee`).
 * Every role not listed is refused, so a new role may do nothing until a row here says it may.
 */
import { may, PERMISSIONS, whoMay, type Action } from '../../../../bot/src/domain/authorization/permissions';
import { ROLES, type Role } from '../../../../bot/src/domain/people/role';

type Named = 'requester' | 'owner' | 'assignee';
type Holder = Role | Named;

/** Typed by every action, so a new action does not compile until its row is written. */
const EXPECTED: Record<Action, { rule: string; who: readonly Holder[] }> = {
  'accessRequest.submit': { rule: 's.9: staff ask for blocked content', who: ['staff'] },
  'accessRequest.viewAll': { rule: 's.9: those who act on requests', who: ['onlineSafetyLead', 'headteacher', 'ictTechnician'] },
  'accessRequest.forward': { rule: 's.9: the form goes to the online safety lead', who: ['onlineSafetyLead'] },
  'accessRequest.return': { rule: 's.9: the online safety lead reviews', who: ['onlineSafetyLead'] },
  'accessRequest.approve': { rule: 's.9: approved by the headteacher', who: ['headteacher'] },
  'accessRequest.refuse': { rule: 'Appendix A: the headteacher decides ✓ / X', who: ['headteacher'] },
  'accessRequest.markDone': { rule: 's.2: ICT technicians update the filtering', who: ['ictTechnician'] },
  'accessRequest.withdraw': { rule: 's.9: only the requester withdraws', who: ['requester'] },
  'accessRequest.resubmit': { rule: 's.9: only the requester resubmits', who: ['requester'] },
  'accessRequest.reblock': { rule: 's.2: ICT technicians update the filtering, blocking the site again', who: ['ictTechnician'] },
  'accessRequest.setEnd': { rule: 's.9: the online safety lead owns the filtering decisions', who: ['onlineSafetyLead'] },
  'staffPersonalAccount.submit': { rule: 's.5: staff ask before using a personal account on school devices or WiFi', who: ['staff'] },
  'staffPersonalAccount.viewAll': {
    rule: 's.5: the headteacher decides, the online safety lead follows up',
    who: ['headteacher', 'onlineSafetyLead'],
  },
  'staffPersonalAccount.approve': { rule: 's.5: permission from the headteacher', who: ['headteacher'] },
  'staffPersonalAccount.refuse': { rule: 's.5: permission from the headteacher', who: ['headteacher'] },
  'staffPersonalAccount.complete': { rule: 's.2: the online safety lead applies the network controls', who: ['onlineSafetyLead'] },
  'staffPersonalAccount.withdraw': { rule: 's.5: only the requester withdraws', who: ['requester'] },
  'pupilWifi.submit': { rule: 's.7: staff ask for pupils to use social media on the school WiFi', who: ['staff'] },
  'pupilWifi.viewAll': {
    rule: 's.7: the headteacher decides, the online safety lead follows up',
    who: ['headteacher', 'onlineSafetyLead'],
  },
  'pupilWifi.approve': { rule: 's.7: permission from the headteacher', who: ['headteacher'] },
  'pupilWifi.refuse': { rule: 's.7: permission from the headteacher', who: ['headteacher'] },
  'pupilWifi.complete': { rule: 's.2: the online safety lead applies the network controls', who: ['onlineSafetyLead'] },
  'pupilWifi.withdraw': { rule: 's.7: only the requester withdraws', who: ['requester'] },
  'accountPassword.submit': { rule: "s.5: staff ask before a school account's password is shared", who: ['staff'] },
  'accountPassword.viewAll': { rule: 's.5: the headteacher decides, the DSL monitors the accounts', who: ['headteacher', 'dsl'] },
  'accountPassword.approve': { rule: 's.5: permission from the headteacher', who: ['headteacher'] },
  'accountPassword.refuse': { rule: 's.5: permission from the headteacher', who: ['headteacher'] },
  'accountPassword.complete': { rule: 's.5: the requester changes the password when the sharing ends', who: ['requester'] },
  'accountPassword.withdraw': { rule: 's.5: only the requester withdraws', who: ['requester'] },
  'audit.export': { rule: 's.2: the headteacher answers for the policy', who: ['headteacher'] },
  'consent.viewClass': { rule: 's.4: staff check the consent record before posting', who: ['staff'] },
  'pupils.import': { rule: 's.4: the admin team keeps the record', who: ['admin'] },
  'consent.record': { rule: 's.4: the admin team keeps the record up to date', who: ['admin'] },
  'consent.export': { rule: 's.4: the admin team keeps the record', who: ['admin'] },
  'postingRequest.submit': { rule: 's.5: staff seek permission to post', who: ['staff'] },
  'postingRequest.viewAll': {
    rule: 's.2, s.5: the headteacher and those who monitor the accounts',
    who: ['headteacher', 'dsl', 'socialMediaStaff'],
  },
  'postingRequest.approve': { rule: 's.5: permission from the headteacher', who: ['headteacher'] },
  'postingRequest.refuse': { rule: 's.5: permission from the headteacher', who: ['headteacher'] },
  'postingRequest.withdraw': { rule: 's.5: only the requester withdraws', who: ['requester'] },
  'postingRequest.resubmit': { rule: 's.4: the requester fixes what the checks found', who: ['requester'] },
  'postingRequest.confirmPosted': { rule: 's.4: the requester registers what was posted', who: ['requester'] },
  'postingRequest.changeMedia': { rule: 's.4: the requester chooses the photos for their own request', who: ['requester'] },
  'device.view': { rule: 's.4: staff check which school devices may take images', who: ['staff'] },
  'device.manage': { rule: 's.4: images only on devices the online safety lead approved', who: ['onlineSafetyLead'] },
  'socialAccount.view': { rule: 's.5: every member of staff can read the register', who: ['staff'] },
  'socialAccount.manage': { rule: 's.5: created and monitored by the DSL and designated staff', who: ['dsl', 'socialMediaStaff'] },
  'takedown.viewAll': { rule: 's.2: the DSL monitors every school account', who: ['dsl'] },
  'takedown.close': { rule: "s.4: the account's owner, or the DSL, takes posts down", who: ['owner', 'dsl'] },
  'incident.report': { rule: 's.2, s.8: anyone with a concern raises it, governors too', who: ROLES },
  'incident.view': {
    rule: 's.8: the DSL, deputies, headteacher, chair; whoever it is assigned to; s.4: the data protection lead (breaches)',
    who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  },
  'incident.act': {
    rule: 's.8: the DSL, deputies, headteacher, chair; whoever it is assigned to; s.4: the data protection lead (breaches)',
    who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  },
  'incident.assign': { rule: 's.8: those who deal with concerns', who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'] },
  'incident.summary': { rule: 's.8: those who deal with concerns', who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'] },
  'incident.export': { rule: 's.8: those who deal with concerns', who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'] },
  'incident.pupilChronology': {
    rule: "s.8: a pupil's history is for the safeguarding leads",
    who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  },
  'incident.evidence.add': {
    rule: 's.8: whoever deals with the concern keeps its evidence',
    who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  },
  'incident.evidence.open': {
    rule: 's.8: whoever may see the concern may open its evidence',
    who: ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  },
  'incident.evidence.remove': { rule: 's.2: the DSL keeps the log; nothing is removed by anyone else', who: ['dsl'] },
  'incident.transfer': {
    rule: "s.2: the DSL sends a leaver's safeguarding file on (KCSIE), with the deputies",
    who: ['dsl', 'deputyDsl'],
  },
  'training.logOwn': {
    rule: 's.11: staff record their own training; s.2: governors keep their own knowledge current',
    who: ['staff', 'governor', 'chairOfGovernors'],
  },
  'training.viewAll': { rule: 's.11: those who follow up training', who: ['onlineSafetyLead', 'headteacher', 'dsl'] },
  'training.record': { rule: 's.11: the online safety lead records sessions', who: ['onlineSafetyLead'] },
  'training.confirm': { rule: "s.11: the online safety lead confirms a staff member's claim", who: ['onlineSafetyLead'] },
  'training.requireRefresher': { rule: 's.11: refreshers after a significant incident', who: ['dsl'] },
  'policy.recordReview': { rule: 's.12: reviewed by the headteacher', who: ['headteacher'] },
  'policy.library': { rule: 's.2, s.12: everyone the school added reads the policies in force', who: ROLES },
  'policy.publishVersion': { rule: 's.12: the headteacher approves the policy', who: ['headteacher'] },
  'policy.acknowledge': { rule: 's.2: staff and governors read and understand the policy', who: ['staff', 'governor', 'chairOfGovernors'] },
  'policy.readStatus': {
    rule: 's.2, s.11: the online safety lead and the headteacher follow up who has read it',
    who: ['onlineSafetyLead', 'headteacher'],
  },
  'policy.tellPupilsAndParents': { rule: 's.12: changes are communicated to pupils and parents', who: ['headteacher'] },
  'settings.view': {
    rule: 's.2: the headteacher implements the policy, with the school office and the online safety lead',
    who: ['headteacher', 'admin', 'onlineSafetyLead'],
  },
  'settings.school': { rule: "s.2: the school's details are the headteacher's and the office's", who: ['headteacher', 'admin'] },
  'settings.policies': { rule: 's.2, s.12: the policy register is kept by the headteacher and the office', who: ['headteacher', 'admin'] },
  'settings.termDates': {
    rule: "s.11: pupils' termly training counts in the school's terms, kept by the headteacher and the office",
    who: ['headteacher', 'admin'],
  },
  'settings.trainingRequirements': {
    rule: 's.11: the online safety lead sets the training, with the headteacher',
    who: ['onlineSafetyLead', 'headteacher'],
  },
  'governance.view': {
    rule: 's.2: the governing board oversees the policy, with the headteacher',
    who: ['governor', 'chairOfGovernors', 'headteacher'],
  },
  'filteringReview.view': {
    rule: 'DfE filtering and monitoring standards: senior leaders and governors review filtering yearly',
    who: ['headteacher', 'onlineSafetyLead', 'dsl', 'governor', 'chairOfGovernors'],
  },
  'filteringReview.record': {
    rule: 'DfE filtering and monitoring standards: a senior leader and a governor record the review; the head and the lead own filtering',
    who: ['headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'],
  },
  'filteringReview.closeAction': {
    rule: 'an agreed action is done by the person given it; the head and the lead may close it for them',
    who: ['assignee', 'headteacher', 'onlineSafetyLead'],
  },
  'readiness.view': { rule: 's.2: those who set the school up see whether it is ready', who: ['headteacher', 'admin', 'onlineSafetyLead'] },
};

const NAMED: readonly Named[] = ['requester', 'owner', 'assignee'];

/**
 * Each action for each role (a person holding that role only, not named by the record) and for the
 * person the record names (holding no role).
 */
const cases = (Object.keys(EXPECTED) as Action[]).flatMap((action) => {
  const { rule, who } = EXPECTED[action];
  return [
    ...ROLES.map((role) => ({
      action,
      rule,
      as: role as string,
      person: { id: 'me', roles: [role] },
      relatedId: 'someone else',
      allowed: who.includes(role),
    })),
    {
      action,
      rule,
      as: 'the person the record names',
      person: { id: 'me', roles: [] },
      relatedId: 'me',
      allowed: NAMED.some((named) => who.includes(named)),
    },
  ];
});

describe('the permissions table, against the policy', () => {
  it('has a row here for every action there is', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it.each(cases)('$action ($rule): $as → $allowed', ({ action, person, relatedId, allowed }) => {
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
    ['accessRequest.submit', 'staff'],
    ['accessRequest.viewAll', 'the online safety lead or the headteacher or the ICT technician'],
    ['consent.record', 'the admin team'],
    ['postingRequest.viewAll', 'the headteacher or the DSL or designated social media staff'],
    [
      'incident.view',
      'the DSL or a deputy DSL or the headteacher or the chair of governors or the data protection lead or the person it is assigned to',
    ],
    ['takedown.close', "the account's owner or the DSL"],
    ['accessRequest.withdraw', 'the person who made the request'],
  ])('%s: %s', (action, expected) => {
    expect(whoMay(action)).toBe(expected);
  });
});
