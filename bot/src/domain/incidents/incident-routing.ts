import type { Role } from '../people/role';
import type { IncidentCategory, Involved } from './incident';

export interface Routing {
  routedTo: Role;
  /** The procedure the person it goes to follows. */
  procedure: string;
  /** Something the person must weigh before acting (shown in the tab, never in a notification). */
  prompt?: string;
  /** The policy section the rule comes from. */
  policy: string;
}

const POLICE_PROMPT =
  'The headteacher contacts the police. Where the behaviour is thought to be inadvertent (ignorance or normal developmental curiosity), the DSL decides whether to involve the police: avoid criminalising pupils unnecessarily (s.8).';

/** Rules that hold whoever is involved, checked in order after the one about the headteacher. */
const BY_CATEGORY: Partial<Record<IncidentCategory, Routing>> = {
  illegalActivity: { routedTo: 'headteacher', procedure: 'Child Protection and Safeguarding Policy', prompt: POLICE_PROMPT, policy: 's.8' },
  friendFollowStaff: { routedTo: 'headteacher', procedure: 'Report to the headteacher (staff must not accept)', policy: 's.6, s.7' },
  staffConduct: { routedTo: 'headteacher', procedure: 'Staff Code of Conduct, Allegations of Abuse Against Staff Policy, Disciplinary Policy', policy: 's.8' },
  firewallCircumvention: { routedTo: 'onlineSafetyLead', procedure: 'Ban from school computing equipment other than with close supervision', policy: 's.9' },
  contentOnSchoolEquipment: { routedTo: 'onlineSafetyLead', procedure: 'Block the site; log the incident on CPOMS', policy: 's.5, s.9' },
};

/** The rest depend on who is involved. */
const BY_INVOLVED: Record<Exclude<Involved, 'headteacher'>, Partial<Record<IncidentCategory, Routing>> & { other: Routing }> = {
  pupil: {
    cyberbullying: { routedTo: 'dsl', procedure: 'Anti-bullying Policy', policy: 's.10' },
    pupilDisclosure: { routedTo: 'dsl', procedure: 'Child Protection and Safeguarding Policy; record on CPOMS', policy: 's.8' },
    abuseAboutSchool: { routedTo: 'dsl', procedure: "The DSL's log of comments and abuse about the school; Behaviour Policy", policy: 's.2' },
    other: { routedTo: 'dsl', procedure: 'Behaviour Policy, Child Protection and Safeguarding Policy', policy: 's.8' },
  },
  staff: {
    cyberbullying: { routedTo: 'headteacher', procedure: 'Allegations of Abuse Against Staff Policy', policy: 's.10' },
    pupilDisclosure: { routedTo: 'dsl', procedure: 'Child Protection and Safeguarding Policy; record on CPOMS', policy: 's.8' },
    abuseAboutSchool: { routedTo: 'headteacher', procedure: "Staff Code of Conduct; recorded in the DSL's log", policy: 's.2, s.6' },
    other: { routedTo: 'headteacher', procedure: 'Staff Code of Conduct, Disciplinary Policy', policy: 's.8' },
  },
  parent: {
    cyberbullying: { routedTo: 'dsl', procedure: 'Anti-bullying Policy', policy: 's.10' },
    pupilDisclosure: { routedTo: 'dsl', procedure: 'Child Protection and Safeguarding Policy; record on CPOMS', policy: 's.8' },
    abuseAboutSchool: { routedTo: 'dsl', procedure: "The DSL's log of comments and abuse about the school; a meeting with the headteacher", policy: 's.2, s.7' },
    other: { routedTo: 'dsl', procedure: 'A meeting with the headteacher (s.7); Complaints Procedures Policy', policy: 's.7' },
  },
  unknown: {
    cyberbullying: { routedTo: 'dsl', procedure: 'Anti-bullying Policy', policy: 's.10' },
    pupilDisclosure: { routedTo: 'dsl', procedure: 'Child Protection and Safeguarding Policy; record on CPOMS', policy: 's.8' },
    abuseAboutSchool: { routedTo: 'dsl', procedure: "The DSL's log of comments and abuse about the school", policy: 's.2' },
    other: { routedTo: 'dsl', procedure: 'The DSL decides the procedure', policy: 's.2' },
  },
};

const ABOUT_HEADTEACHER: Routing = {
  routedTo: 'chairOfGovernors',
  procedure: 'Allegations of Abuse Against Staff Policy: the chair of governors deals with it, not the headteacher',
  policy: 's.8',
};

/**
 * Where a concern goes (PRODUCT rule 4). A concern about the headteacher always goes to the chair
 * of governors; staff conduct to the headteacher; pupils' behaviour to the DSL.
 */
export function routeIncident(category: IncidentCategory, involved: Involved): Routing {
  if (involved === 'headteacher') return ABOUT_HEADTEACHER;
  return BY_CATEGORY[category] ?? BY_INVOLVED[involved][category] ?? BY_INVOLVED[involved].other;
}
