/**
 * Incident routing (PRODUCT rule 4; policy s.2, 6–10), over every category × person involved.
 * Columns: pupil, staff, parent, headteacher, unknown.
 */
import { INCIDENT_CATEGORIES, INVOLVED, type IncidentCategory, type Involved } from '../../../../bot/src/domain/incidents/incident';
import { policeDecision, routeIncident } from '../../../../bot/src/domain/incidents/incident-routing';
import type { Role } from '../../../../bot/src/domain/people/role';

const DSL = 'dsl',
  HEAD = 'headteacher',
  CHAIR = 'chairOfGovernors',
  OSL = 'onlineSafetyLead',
  DPL = 'dataProtectionLead';

const EXPECTED: Record<IncidentCategory, [Role, Role, Role, Role, Role]> = {
  //                          pupil  staff  parent headteacher unknown
  abuseAboutSchool: [DSL, HEAD, DSL, CHAIR, DSL], // s.2: the DSL's log; staff conduct → headteacher (s.8)
  cyberbullying: [DSL, HEAD, DSL, CHAIR, DSL], // s.10: Anti-bullying Policy; staff → Allegations policy
  pupilDisclosure: [DSL, DSL, DSL, CHAIR, DSL], // s.8: disclosures → Child Protection, CPOMS
  staffConduct: [HEAD, HEAD, HEAD, CHAIR, HEAD], // s.8: staff online behaviour → headteacher
  friendFollowStaff: [HEAD, HEAD, HEAD, CHAIR, HEAD], // s.6, s.7: reported to the headteacher
  contentOnSchoolEquipment: [OSL, OSL, OSL, CHAIR, OSL], // s.9: online safety officer blocks the site
  firewallCircumvention: [OSL, OSL, OSL, CHAIR, OSL], // s.9: ban from school equipment
  illegalActivity: [HEAD, HEAD, HEAD, CHAIR, HEAD], // s.8: the headteacher contacts the police
  dataProtectionBreach: [DPL, DPL, DPL, CHAIR, DPL], // s.4: the Data and Cyber-Security Breach Prevention and Management Plan
  other: [DSL, HEAD, DSL, CHAIR, DSL],
};

const cases = INCIDENT_CATEGORIES.flatMap((category) =>
  INVOLVED.map((involved, column) => [category, involved, EXPECTED[category][column]] as [IncidentCategory, Involved, Role]),
);

describe('routing a concern', () => {
  it('has an expected route for all 50 combinations', () => {
    expect(cases).toHaveLength(INCIDENT_CATEGORIES.length * INVOLVED.length);
  });

  it.each(cases)('%s involving %s goes to %s', (category, involved, expected) => {
    expect(routeIncident(category, involved).routedTo).toBe(expected);
  });

  it('never sends a concern about the headteacher to the headteacher (s.8)', () => {
    for (const category of INCIDENT_CATEGORIES) expect(routeIncident(category, 'headteacher').routedTo).not.toBe('headteacher');
  });

  it('prompts that the DSL decides on police contact where the behaviour is inadvertent (s.8)', () => {
    for (const involved of ['pupil', 'staff', 'parent', 'unknown'] as const) {
      expect(routeIncident('illegalActivity', involved).prompt).toMatch(/DSL decides whether to involve the police.*criminalising/);
    }
    expect(routeIncident('cyberbullying', 'pupil').prompt).toBeUndefined();
  });

  /** Who else is told, beside the role it is routed to. Columns as above. */
  const ALSO: Partial<Record<IncidentCategory, [Role[], Role[], Role[], Role[], Role[]]>> = {
    //                     pupil     staff     parent    headteacher unknown
    illegalActivity: [[DSL], [], [], [], []], // s.8: the DSL decides whether a pupil's behaviour was inadvertent
    dataProtectionBreach: [[HEAD], [HEAD], [HEAD], [DPL], [HEAD]], // s.4: the headteacher and the data protection lead
  };

  it.each(cases)('%s involving %s also tells the roles the policy names', (category, involved) => {
    expect(routeIncident(category, involved).alsoTell ?? []).toEqual(ALSO[category]?.[INVOLVED.indexOf(involved)] ?? []);
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
  it.each<[string, typeof pupilIllegal | typeof staffIllegal, Role[], Role | undefined | 'refused']>([
    ['a pupil, the DSL', pupilIllegal, ['staff', 'dsl'], 'dsl'],
    ['a pupil, a deputy acting for the DSL', pupilIllegal, ['deputyDsl'], 'deputyDsl'],
    ['a pupil, the headteacher', pupilIllegal, ['headteacher'], 'refused'],
    ['a pupil, a headteacher who is also the DSL', pupilIllegal, ['headteacher', 'dsl'], 'dsl'],
    ['staff, the headteacher', staffIllegal, ['headteacher'], 'headteacher'],
    ['staff, the DSL', staffIllegal, ['dsl'], 'dsl'],
    ['staff, the online safety lead it is assigned to', staffIllegal, ['onlineSafetyLead'], undefined],
  ])('%s', (_, incident, roles, expected) => {
    const decision = policeDecision(incident, { roles });
    if (expected === 'refused') expect(decision).toEqual({ may: false, why: expect.stringMatching(/DSL decides.*s\.8/) });
    else expect(decision).toEqual(expected ? { may: true, as: expected } : { may: true });
  });
});
