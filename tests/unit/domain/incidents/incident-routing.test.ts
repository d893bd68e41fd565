/**
 * Incident routing (PRODUCT rule 4; policy s.2, 6–10), over every category × person involved: who
 * it goes to, the procedure they are shown, the policy section cited, and the police prompt.
 */
import { INCIDENT_CATEGORIES, INVOLVED, type IncidentCategory, type Involved } from '../../../../bot/src/domain/incidents/incident';
import { policeDecision, routeIncident, type Routing } from '../../../../bot/src/domain/incidents/incident-routing';

import type { Role } from '../../../../bot/src/domain/people/role';

const POLICE_PROMPT =
  'The headteacher contacts the police. Where the behaviour is thought to be inadvertent (ignorance or normal developmental curiosity), the DSL decides whether to involve the police: avoid criminalising pupils unnecessarily (s.8).';

const BREACH_PLAN =
  "The school's Data and Cyber-Security Breach Prevention and Management Plan; report to the ICO within 72 hours of the school becoming aware, where required (UK GDPR Article 33)";

/** Every route the policy gives, by name. */
const ROUTES = {
  // s.8: "If the concern is about the headteacher, it will be reported to the chair of governors."
  chair: {
    routedTo: 'chairOfGovernors',
    procedure: 'Allegations of Abuse Against Staff Policy: the chair of governors deals with it, not the headteacher',
    policy: 's.8',
  },
  // s.8: illegal activity → the headteacher contacts the police; the DSL decides where it is inadvertent.
  police: { routedTo: 'headteacher', procedure: 'Child Protection and Safeguarding Policy', prompt: POLICE_PROMPT, policy: 's.8' },
  // s.8: where a pupil may have acted illegally, the DSL is told too: they decide whether it was inadvertent.
  pupilPolice: {
    routedTo: 'headteacher',
    alsoTell: ['dsl'],
    procedure: 'Child Protection and Safeguarding Policy',
    prompt: POLICE_PROMPT,
    policy: 's.8',
  },
  // s.4: a data-protection breach → the data protection lead under the breach plan, the headteacher told too.
  breach: { routedTo: 'dataProtectionLead', alsoTell: ['headteacher'], procedure: BREACH_PLAN, policy: 's.4' },
  // s.4, s.8: a breach by the headteacher → the chair of governors, the data protection lead told too.
  chairBreach: {
    routedTo: 'chairOfGovernors',
    alsoTell: ['dataProtectionLead'],
    procedure: 'Allegations of Abuse Against Staff Policy: the chair of governors deals with it, not the headteacher',
    policy: 's.8',
  },
  // s.6, s.7: a pupil or parent who tries to 'friend' or 'follow' staff is reported to the headteacher.
  friend: { routedTo: 'headteacher', procedure: 'Report to the headteacher (staff must not accept)', policy: 's.6, s.7' },
  // s.8: a staff member's online behaviour → the headteacher, under the staff policies.
  staffConduct: {
    routedTo: 'headteacher',
    procedure: 'Staff Code of Conduct, Allegations of Abuse Against Staff Policy, Disciplinary Policy',
    policy: 's.8',
  },
  // s.9: circumventing the firewall → a ban from school computing equipment.
  firewall: {
    routedTo: 'onlineSafetyLead',
    procedure: 'Ban from school computing equipment other than with close supervision',
    policy: 's.9',
  },
  // s.5, s.9: inappropriate content on school computers → the online safety officer blocks the site; logged on CPOMS.
  block: { routedTo: 'onlineSafetyLead', procedure: 'Block the site; log the incident on CPOMS', policy: 's.5, s.9' },
  // s.10: cyberbullying by pupils → Anti-bullying Policy; allegations from staff → Allegations policy.
  bullying: { routedTo: 'dsl', procedure: 'Anti-bullying Policy', policy: 's.10' },
  staffBullying: { routedTo: 'headteacher', procedure: 'Allegations of Abuse Against Staff Policy', policy: 's.10' },
  // s.8: disclosures by pupils → Child Protection and Safeguarding Policy, recorded on CPOMS.
  disclosure: { routedTo: 'dsl', procedure: 'Child Protection and Safeguarding Policy; record on CPOMS', policy: 's.8' },
  // s.2: the DSL keeps the log of inappropriate comments or abuse about the school.
  pupilAbuse: { routedTo: 'dsl', procedure: "The DSL's log of comments and abuse about the school; Behaviour Policy", policy: 's.2' },
  staffAbuse: { routedTo: 'headteacher', procedure: "Staff Code of Conduct; recorded in the DSL's log", policy: 's.2, s.6' },
  parentAbuse: {
    routedTo: 'dsl',
    procedure: "The DSL's log of comments and abuse about the school; a meeting with the headteacher",
    policy: 's.2, s.7',
  },
  unknownAbuse: { routedTo: 'dsl', procedure: "The DSL's log of comments and abuse about the school", policy: 's.2' },
  // Anything else, by who is involved: s.8 (pupils → DSL; staff → headteacher), s.6–7 (parents: a meeting with the headteacher).
  pupilOther: { routedTo: 'dsl', procedure: 'Behaviour Policy, Child Protection and Safeguarding Policy', policy: 's.8' },
  staffOther: { routedTo: 'headteacher', procedure: 'Staff Code of Conduct, Disciplinary Policy', policy: 's.8' },
  parentOther: { routedTo: 'dsl', procedure: 'A meeting with the headteacher (s.7); Complaints Procedures Policy', policy: 's.7' },
  unknownOther: { routedTo: 'dsl', procedure: 'The DSL decides the procedure', policy: 's.2' },
} satisfies Record<string, Routing>;

type Route = keyof typeof ROUTES;

const EXPECTED: Record<IncidentCategory, [Route, Route, Route, Route, Route]> = {
  //                         pupil            staff             parent           head     unknown
  abuseAboutSchool: ['pupilAbuse', 'staffAbuse', 'parentAbuse', 'chair', 'unknownAbuse'],
  cyberbullying: ['bullying', 'staffBullying', 'bullying', 'chair', 'bullying'],
  pupilDisclosure: ['disclosure', 'disclosure', 'disclosure', 'chair', 'disclosure'],
  staffConduct: ['staffConduct', 'staffConduct', 'staffConduct', 'chair', 'staffConduct'],
  friendFollowStaff: ['friend', 'friend', 'friend', 'chair', 'friend'],
  contentOnSchoolEquipment: ['block', 'block', 'block', 'chair', 'block'],
  firewallCircumvention: ['firewall', 'firewall', 'firewall', 'chair', 'firewall'],
  illegalActivity: ['pupilPolice', 'police', 'police', 'chair', 'police'],
  dataProtectionBreach: ['breach', 'breach', 'breach', 'chairBreach', 'breach'],
  other: ['pupilOther', 'staffOther', 'parentOther', 'chair', 'unknownOther'],
};

const cases = INCIDENT_CATEGORIES.flatMap((category) =>
  INVOLVED.map((involved, column) => [category, involved, EXPECTED[category][column]] as [IncidentCategory, Involved, Route]),
);

describe('routing a concern', () => {
  it('has an expected route for all 50 combinations', () => {
    expect(cases).toHaveLength(INCIDENT_CATEGORIES.length * INVOLVED.length);
  });

  it.each(cases)('%s involving %s: the %s route', (category, involved, route) => {
    expect(routeIncident(category, involved)).toEqual(ROUTES[route]);
  });

  it('never sends a concern about the headteacher to the headteacher, and tells the chair it is theirs to deal with (s.8)', () => {
    for (const category of INCIDENT_CATEGORIES) {
      const routing = routeIncident(category, 'headteacher');
      expect(routing.routedTo).toBe('chairOfGovernors');
      expect(routing.procedure).toMatch(/the chair of governors deals with it, not the headteacher/);
    }
  });

  it('shows the police prompt for possible illegal activity only (s.8: avoid criminalising pupils)', () => {
    const prompted = cases
      .filter(([category, involved]) => routeIncident(category, involved).prompt !== undefined)
      .map(([category, involved]) => `${category}/${involved}`);
    expect(prompted).toEqual(['illegalActivity/pupil', 'illegalActivity/staff', 'illegalActivity/parent', 'illegalActivity/unknown']);
  });

  it('sends a breach to the breach plan and its 72-hour ICO clock (s.4, UK GDPR Art. 33)', () => {
    expect(routeIncident('dataProtectionBreach', 'pupil').procedure).toMatch(/Breach Prevention and Management Plan.*ICO within 72 hours/);
  });

  it('names the procedure: anti-bullying for cyberbullying among pupils, allegations policy for staff (s.10)', () => {
    expect(routeIncident('cyberbullying', 'pupil').procedure).toMatch(/Anti-bullying Policy/);
    expect(routeIncident('cyberbullying', 'staff').procedure).toMatch(/Allegations of Abuse Against Staff/);
    expect(routeIncident('contentOnSchoolEquipment', 'pupil').procedure).toMatch(/Block the site/);
  });
});

/** s.8: where a pupil may have acted illegally, the DSL decides on the police; otherwise whoever deals with it, in their role. */
describe('who records the decision on the police', () => {
  const pupilIllegal = { category: 'illegalActivity' as const, involved: 'pupil' as const };
  const staffIllegal = { category: 'illegalActivity' as const, involved: 'staff' as const };
  const pupilBullying = { category: 'cyberbullying' as const, involved: 'pupil' as const };
  it.each<[string, typeof pupilIllegal | typeof staffIllegal | typeof pupilBullying, Role[], Role | undefined | 'refused']>([
    ['a pupil, the DSL', pupilIllegal, ['staff', 'dsl'], 'dsl'],
    ['a pupil, a deputy acting for the DSL', pupilIllegal, ['deputyDsl'], 'deputyDsl'],
    ['a pupil, the headteacher', pupilIllegal, ['headteacher'], 'refused'],
    ['a pupil, a headteacher who is also the DSL', pupilIllegal, ['headteacher', 'dsl'], 'dsl'],
    ['staff, the headteacher', staffIllegal, ['headteacher'], 'headteacher'],
    ['staff, the DSL', staffIllegal, ['dsl'], 'dsl'],
    ['staff, the online safety lead it is assigned to', staffIllegal, ['onlineSafetyLead'], undefined],
    // Not possibly illegal: whoever deals with a pupil's cyberbullying records it, in their role.
    ['a pupil who is not said to have acted illegally, the headteacher', pupilBullying, ['headteacher'], 'headteacher'],
  ])('%s', (_, incident, roles, expected) => {
    const decision = policeDecision(incident, { roles });
    if (expected === 'refused') expect(decision).toEqual({ may: false, why: expect.stringMatching(/DSL decides.*s\.8/) });
    else expect(decision).toEqual(expected ? { may: true, as: expected } : { may: true });
  });
});

/** s.8: the words a headteacher sees when the DSL must decide on the police for a pupil. */
describe('why someone other than the DSL cannot record the decision on the police (s.8)', () => {
  it.each<[string, Role[]]>([
    ['the headteacher', ['headteacher']],
    ['the chair of governors', ['chairOfGovernors']],
    ['a member of staff', ['staff']],
  ])('%s is told to ask the DSL', (_, roles) => {
    expect(policeDecision({ category: 'illegalActivity', involved: 'pupil' }, { roles })).toEqual({
      may: false,
      why: 'The DSL decides whether to involve the police where a pupil may have acted inadvertently (policy s.8): ask the DSL to record it.',
    });
  });

  it.each<[Role[], Role | undefined]>([
    [['chairOfGovernors'], 'chairOfGovernors'],
    [['dataProtectionLead'], 'dataProtectionLead'],
    [['deputyDsl', 'headteacher'], 'deputyDsl'],
    [['headteacher', 'chairOfGovernors'], 'headteacher'],
    [['staff'], undefined],
  ])('for a concern about staff, %j record it as %s', (roles, as) => {
    expect(policeDecision({ category: 'illegalActivity', involved: 'staff' }, { roles })).toEqual(as ? { may: true, as } : { may: true });
  });
});
