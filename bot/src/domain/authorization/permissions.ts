import type { Person } from '../people/person';
import { ROLES, type Role } from '../people/role';

/**
 * Who may do what: the one table every use case consults, for the bot and the tabs' API alike.
 * `requester` means the person who made the request and `owner` the owner of the school account
 * a record concerns (relationships, not roles).
 * Policy sections: s.9 and Appendix A (blocked content), s.2 (roles), s.12 (review, audit),
 * s.4 (consent, takedowns), s.5 (school accounts, permission to post), s.11 (training: the DSL
 * requires refreshers), s.12 (the headteacher reviews the policy with the online safety lead).
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
  // When an unblock's period ends the site is blocked again by whoever manages the filter.
  'accessRequest.reblock': ['ictTechnician'],
  // The online safety lead owns the filtering decisions (s.9): they set when an open unblock ends.
  'accessRequest.setEnd': ['onlineSafetyLead'],
  // The smaller permissions (s.5, s.7): staff ask, the headteacher decides, then it is completed.
  'staffPersonalAccount.submit': ['staff'],
  'staffPersonalAccount.viewAll': ['headteacher', 'onlineSafetyLead'],
  'staffPersonalAccount.approve': ['headteacher'],
  'staffPersonalAccount.refuse': ['headteacher'],
  'staffPersonalAccount.complete': ['onlineSafetyLead'],
  'staffPersonalAccount.withdraw': ['requester'],
  'pupilWifi.submit': ['staff'],
  'pupilWifi.viewAll': ['headteacher', 'onlineSafetyLead'],
  'pupilWifi.approve': ['headteacher'],
  'pupilWifi.refuse': ['headteacher'],
  'pupilWifi.complete': ['onlineSafetyLead'],
  'pupilWifi.withdraw': ['requester'],
  'accountPassword.submit': ['staff'],
  'accountPassword.viewAll': ['headteacher', 'dsl'],
  'accountPassword.approve': ['headteacher'],
  'accountPassword.refuse': ['headteacher'],
  'accountPassword.complete': ['requester'],
  'accountPassword.withdraw': ['requester'],
  'audit.export': ['headteacher'],
  'consent.viewClass': ['staff'],
  'pupils.import': ['admin'],
  'consent.record': ['admin'],
  'consent.export': ['admin'],
  'postingRequest.submit': ['staff'],
  'postingRequest.viewAll': ['headteacher', 'dsl', 'socialMediaStaff'],
  'postingRequest.approve': ['headteacher'],
  'postingRequest.refuse': ['headteacher'],
  'postingRequest.withdraw': ['requester'],
  'postingRequest.resubmit': ['requester'],
  'postingRequest.confirmPosted': ['requester'],
  'postingRequest.changeMedia': ['requester'],
  'socialAccount.view': ['staff'],
  'socialAccount.manage': ['dsl', 'socialMediaStaff'],
  // s.4: images are taken only on school devices the online safety lead has approved.
  'device.view': ['staff'],
  'device.manage': ['onlineSafetyLead'],
  'takedown.viewAll': ['dsl'],
  'takedown.close': ['owner', 'dsl'],
  // Incidents (s.2, 5, 7–10): per-record visibility on top of this is in incidents/incident-visibility.ts.
  // Anyone who has a concern should raise it (s.2, s.8): every person the school has added, governors included.
  'incident.report': ROLES,
  // The data protection lead sees data-protection breaches only (s.4; see incident-visibility.ts).
  'incident.view': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  'incident.act': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  'incident.assign': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  'incident.summary': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  'incident.export': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  // A pupil's chronology across incidents: the safeguarding leads, each seeing only the incidents they may see.
  'incident.pupilChronology': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  // Evidence files: added by whoever may act on the incident, opened by whoever may see it (both
  // on top of incident-visibility.ts), removed only by the DSL, with a reason in the chronology.
  'incident.evidence.add': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  'incident.evidence.open': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead', 'assignee'],
  'incident.evidence.remove': ['dsl'],
  // A leaver's safeguarding file sent on to their next school (KCSIE): the DSL and the deputies see
  // the leavers to transfer, produce the file (only from what they may see) and record it sent.
  'incident.transfer': ['dsl', 'deputyDsl'],
  // Governors log their own online safety training too (s.2: they keep their knowledge current).
  'training.logOwn': ['staff', 'governor', 'chairOfGovernors'],
  'training.viewAll': ['onlineSafetyLead', 'headteacher', 'dsl'],
  'training.record': ['onlineSafetyLead'],
  'training.confirm': ['onlineSafetyLead'],
  'training.requireRefresher': ['dsl'],
  'policy.recordReview': ['headteacher'],
  // The policy library (s.2, s.12): everyone the school added opens the policies in force; the
  // headteacher publishes a new version; staff and governors sign that they have read one; the
  // online safety lead and the headteacher see who has and has not.
  'policy.library': ROLES,
  'policy.publishVersion': ['headteacher'],
  'policy.acknowledge': ['staff', 'governor', 'chairOfGovernors'],
  'policy.readStatus': ['onlineSafetyLead', 'headteacher'],
  // s.12: changes are communicated to pupils and parents; the headteacher words it and records how.
  'policy.tellPupilsAndParents': ['headteacher'],
  // School settings: the school's details, the policy register and the term dates are the
  // headteacher's and the admin team's to keep (s.2: the headteacher implements the policy); the
  // training requirements are the online safety lead's, with the headteacher (s.11).
  'settings.view': ['headteacher', 'admin', 'onlineSafetyLead'],
  'settings.school': ['headteacher', 'admin'],
  'settings.policies': ['headteacher', 'admin'],
  'settings.termDates': ['headteacher', 'admin'],
  'settings.trainingRequirements': ['onlineSafetyLead', 'headteacher'],
  // The governing board oversees the policy (s.2: it reviews it yearly): its page of counts and
  // registers, for the governors, the chair and the headteacher; no incident or name on it.
  'governance.view': ['governor', 'chairOfGovernors', 'headteacher'],
  // The annual filtering and monitoring review (DfE filtering and monitoring standards): the senior
  // leaders who own filtering (the headteacher, the online safety lead, the DSL) with the governors.
  'filteringReview.view': ['headteacher', 'onlineSafetyLead', 'dsl', 'governor', 'chairOfGovernors'],
  // Recording the annual review (DfE filtering and monitoring standards: a member of the senior
  // leadership team and a governor review filtering and monitoring together): the headteacher and
  // the online safety lead, who own filtering (s.2, s.9), and the governors. Its agreed actions are
  // marked done by the person given them, or by the headteacher or the online safety lead.
  'filteringReview.record': ['headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'],
  'filteringReview.closeAction': ['assignee', 'headteacher', 'onlineSafetyLead'],
  // Going live and staying live: the people who set the school up see whether it is right.
  'readiness.view': ['headteacher', 'admin', 'onlineSafetyLead'],
} as const satisfies Record<string, readonly Holder[]>;

/**
 * A role, or a relationship to the record: its requester, the owner of the account it concerns,
 * or the person an incident is assigned to.
 */
export type Holder = Role | 'requester' | 'owner' | 'assignee';

export type Action = keyof typeof PERMISSIONS;

/**
 * Whether the person may take the action; `relatedId` is the record's requester (or, for takedowns,
 * the account owner, for incidents the assignee) where that matters.
 */
export function may(person: Pick<Person, 'id' | 'roles'>, action: Action, relatedId?: string): boolean {
  return (PERMISSIONS[action] as readonly Holder[]).some((holder) =>
    holder === 'requester' || holder === 'owner' || holder === 'assignee'
      ? relatedId !== undefined && relatedId === person.id
      : person.roles.includes(holder),
  );
}

/** The roles and relationships that may take the action, as the table lists them. */
export function holdersOf(action: Action): readonly Holder[] {
  return PERMISSIONS[action];
}

/** "the headteacher", "the person who made the request"…: for telling someone who may act. */
export function whoMay(action: Action): string {
  const labels: Record<Holder, string> = {
    staff: 'staff',
    onlineSafetyLead: 'the online safety lead',
    headteacher: 'the headteacher',
    dsl: 'the DSL',
    deputyDsl: 'a deputy DSL',
    ictTechnician: 'the ICT technician',
    admin: 'the admin team',
    governor: 'a governor',
    chairOfGovernors: 'the chair of governors',
    socialMediaStaff: 'designated social media staff',
    dataProtectionLead: 'the data protection lead',
    requester: 'the person who made the request',
    owner: "the account's owner",
    assignee: 'the person it is assigned to',
  };
  return (PERMISSIONS[action] as readonly Holder[]).map((holder) => labels[holder]).join(' or ');
}
