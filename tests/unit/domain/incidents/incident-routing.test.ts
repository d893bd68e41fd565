/**
 * Incident routing (PRODUCT rule 4; policy s.2, 6–10), over every category × person involved.
 * Columns: pupil, staff, parent, headteacher, unknown.
 */
import { INCIDENT_CATEGORIES, INVOLVED, type IncidentCategory, type Involved } from '../../../../bot/src/domain/incidents/incident';
import { routeIncident } from '../../../../bot/src/domain/incidents/incident-routing';
import type { Role } from '../../../../bot/src/domain/people/role';

const DSL = 'dsl', HEAD = 'headteacher', CHAIR = 'chairOfGovernors', OSL = 'onlineSafetyLead';

const EXPECTED: Record<IncidentCategory, [Role, Role, Role, Role, Role]> = {
  //                          pupil  staff  parent headteacher unknown
  abuseAboutSchool:         [DSL,  HEAD,  DSL,   CHAIR, DSL], // s.2: the DSL's log; staff conduct → headteacher (s.8)
  cyberbullying:            [DSL,  HEAD,  DSL,   CHAIR, DSL], // s.10: Anti-bullying Policy; staff → Allegations policy
  pupilDisclosure:          [DSL,  DSL,   DSL,   CHAIR, DSL], // s.8: disclosures → Child Protection, CPOMS
  staffConduct:             [HEAD, HEAD,  HEAD,  CHAIR, HEAD], // s.8: staff online behaviour → headteacher
  friendFollowStaff:        [HEAD, HEAD,  HEAD,  CHAIR, HEAD], // s.6, s.7: reported to the headteacher
  contentOnSchoolEquipment: [OSL,  OSL,   OSL,   CHAIR, OSL], // s.9: online safety officer blocks the site
  firewallCircumvention:    [OSL,  OSL,   OSL,   CHAIR, OSL], // s.9: ban from school equipment
  illegalActivity:          [HEAD, HEAD,  HEAD,  CHAIR, HEAD], // s.8: the headteacher contacts the police
  other:                    [DSL,  HEAD,  DSL,   CHAIR, DSL],
};

const cases = INCIDENT_CATEGORIES.flatMap((category) => INVOLVED.map((involved, column) => [category, involved, EXPECTED[category][column]] as [IncidentCategory, Involved, Role]));

describe('routing a concern', () => {
  it('has an expected route for all 45 combinations', () => {
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

  it('names the procedure: anti-bullying for cyberbullying among pupils, allegations policy for staff (s.10)', () => {
    expect(routeIncident('cyberbullying', 'pupil').procedure).toMatch(/Anti-bullying Policy/);
    expect(routeIncident('cyberbullying', 'staff').procedure).toMatch(/Allegations of Abuse Against Staff/);
    expect(routeIncident('contentOnSchoolEquipment', 'pupil').procedure).toMatch(/Block the site/);
  });
});
