import { holds, type Person } from '../people/person';
import type { Role } from '../people/role';
import type { Incident, IncidentCategory, Involved } from './incident';

export interface Routing {
  routedTo: Role;
  /** Others told of it too, who deal with part of it (the DSL for a pupil's possibly illegal behaviour). */
  alsoTell?: Role[];
  /** The procedure the person it goes to follows. */
  procedure: string;
  /** Something the person must weigh before acting (shown in the tab, never in a notification). */
  prompt?: string;
  /** The policy section the rule comes from. */
  policy: string;
}

const POLICE_PROMPT =
  'The headteacher contacts the police. Where the behaviour is thought to be inadvertent (ignorance or normal developmental curiosity), the DSL decides whether to involve the police: avoid criminalising pupils unnecessarily (s.8).';

const BREACH_PLAN =
  "The school's Data and Cyber-Security Breach Prevention and Management Plan; report to the ICO within 72 hours of the school becoming aware, where required (UK GDPR Article 33)";

/** Rules that hold whoever is involved, after the one about the headteacher and any for who is involved. */
const BY_CATEGORY: Partial<Record<IncidentCategory, Routing>> = {
  illegalActivity: { routedTo: 'headteacher', procedure: 'Child Protection and Safeguarding Policy', prompt: POLICE_PROMPT, policy: 's.8' },
  dataProtectionBreach: { routedTo: 'dataProtectionLead', alsoTell: ['headteacher'], procedure: BREACH_PLAN, policy: 's.4' },
  friendFollowStaff: { routedTo: 'headteacher', procedure: 'Report to the headteacher (staff must not accept)', policy: 's.6, s.7' },
  staffConduct: {
    routedTo: 'headteacher',
    procedure: 'Staff Code of Conduct, Allegations of Abuse Against Staff Policy, Disciplinary Policy',
    policy: 's.8',
  },
  firewallCircumvention: {
    routedTo: 'onlineSafetyLead',
    procedure: 'Ban from school computing equipment other than with close supervision',
    policy: 's.9',
  },
  contentOnSchoolEquipment: { routedTo: 'onlineSafetyLead', procedure: 'Block the site; log the incident on CPOMS', policy: 's.5, s.9' },
};

/** Rules for who is involved, checked before those by category alone. */
const BY_INVOLVED: Record<Exclude<Involved, 'headteacher'>, Partial<Record<IncidentCategory, Routing>> & { other: Routing }> = {
  pupil: {
    // s.8: the DSL decides whether a pupil's behaviour was inadvertent, and so whether to involve the police.
    illegalActivity: {
      routedTo: 'headteacher',
      alsoTell: ['dsl'],
      procedure: 'Child Protection and Safeguarding Policy',
      prompt: POLICE_PROMPT,
      policy: 's.8',
    },
    cyberbullying: { routedTo: 'dsl', procedure: 'Anti-bullying Policy', policy: 's.10' },
    pupilDisclosure: { routedTo: 'dsl', procedure: 'Child Protection and Safeguarding Policy; record on CPOMS', policy: 's.8' },
    abuseAboutSchool: {
      routedTo: 'dsl',
      procedure: "The DSL's log of comments and abuse about the school; Behaviour Policy",
      policy: 's.2',
    },
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
    abuseAboutSchool: {
      routedTo: 'dsl',
      procedure: "The DSL's log of comments and abuse about the school; a meeting with the headteacher",
      policy: 's.2, s.7',
    },
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
 * of governors (and a breach also to the data protection lead, s.4); staff conduct to the
 * headteacher; pupils' behaviour to the DSL; a data-protection breach to the data protection lead
 * and the headteacher (s.4).
 */
export function routeIncident(category: IncidentCategory, involved: Involved): Routing {
  if (involved === 'headteacher')
    return category === 'dataProtectionBreach' ? { ...ABOUT_HEADTEACHER, alsoTell: ['dataProtectionLead'] } : ABOUT_HEADTEACHER;
  return BY_INVOLVED[involved][category] ?? BY_CATEGORY[category] ?? BY_INVOLVED[involved].other;
}

/** The roles a decision on the police is recorded against, most specific first. */
const DECIDING_ROLES: readonly Role[] = ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead'];

/**
 * Who may record whether the police were contacted, and in which role (s.8): where a pupil's
 * behaviour may be illegal, the DSL (or a deputy acting for them) decides, because the school avoids
 * criminalising pupils for inadvertent behaviour; otherwise whoever deals with it, in their role.
 */
export function policeDecision(
  incident: Pick<Incident, 'category' | 'involved'>,
  person: Pick<Person, 'roles'>,
): { may: true; as?: Role } | { may: false; why: string } {
  const dslDecides = incident.category === 'illegalActivity' && incident.involved === 'pupil';
  const roles = dslDecides ? (['dsl', 'deputyDsl'] as const) : DECIDING_ROLES;
  const as = roles.find((role) => holds(person, role));
  if (dslDecides && !as)
    return {
      may: false,
      why: 'The DSL decides whether to involve the police where a pupil may have acted inadvertently (policy s.8): ask the DSL to record it.',
    };
  return as ? { may: true, as } : { may: true };
}
