/**
 * Incident routing (PRODUCT rule 4; policy s.2, 6–10), over every category × person involved: who
 * it goes to, the procedure they are shown, the policy section cited, and the police prompt.
 */
import { INCIDENT_CATEGORIES, INVOLVED, type IncidentCategory, type Involved } from '../../../../bot/src/domain/incidents/incident';
import { routeIncident, type Routing } from '../../../../bot/src/domain/incidents/incident-routing';

const POLICE_PROMPT =
  'The headteacher contacts the police. Where the behaviour is thought to be inadvertent (ignorance or normal developmental curiosity), the DSL decides whether to involve the police: avoid criminalising pupils unnecessarily (s.8).';

/** Every route the policy gives, by name. */
const ROUTES = {
  // s.8: "If the concern is about the headteacher, it will be reported to the chair of governors."
  chair: { routedTo: 'chairOfGovernors', procedure: 'Allegations of Abuse Against Staff Policy: the chair of governors deals with it, not the headteacher', policy: 's.8' },
  // s.8: illegal activity → the headteacher contacts the police; the DSL decides where it is inadvertent.
  police: { routedTo: 'headteacher', procedure: 'Child Protection and Safeguarding Policy', prompt: POLICE_PROMPT, policy: 's.8' },
  // s.6, s.7: a pupil or parent who tries to 'friend' or 'follow' staff is reported to the headteacher.
  friend: { routedTo: 'headteacher', procedure: 'Report to the headteacher (staff must not accept)', policy: 's.6, s.7' },
  // s.8: a staff member's online behaviour → the headteacher, under the staff policies.
  staffConduct: { routedTo: 'headteacher', procedure: 'Staff Code of Conduct, Allegations of Abuse Against Staff Policy, Disciplinary Policy', policy: 's.8' },
  // s.9: circumventing the firewall → a ban from school computing equipment.
  firewall: { routedTo: 'onlineSafetyLead', procedure: 'Ban from school computing equipment other than with close supervision', policy: 's.9' },
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
  parentAbuse: { routedTo: 'dsl', procedure: "The DSL's log of comments and abuse about the school; a meeting with the headteacher", policy: 's.2, s.7' },
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
  abuseAboutSchool:         ['pupilAbuse',    'staffAbuse',     'parentAbuse',   'chair',  'unknownAbuse'],
  cyberbullying:            ['bullying',      'staffBullying',  'bullying',      'chair',  'bullying'],
  pupilDisclosure:          ['disclosure',    'disclosure',     'disclosure',    'chair',  'disclosure'],
  staffConduct:             ['staffConduct',  'staffConduct',   'staffConduct',  'chair',  'staffConduct'],
  friendFollowStaff:        ['friend',        'friend',         'friend',        'chair',  'friend'],
  contentOnSchoolEquipment: ['block',         'block',          'block',         'chair',  'block'],
  firewallCircumvention:    ['firewall',      'firewall',       'firewall',      'chair',  'firewall'],
  illegalActivity:          ['police',        'police',         'police',        'chair',  'police'],
  other:                    ['pupilOther',    'staffOther',     'parentOther',   'chair',  'unknownOther'],
};

const cases = INCIDENT_CATEGORIES.flatMap((category) => INVOLVED.map((involved, column) => [category, involved, EXPECTED[category][column]] as [IncidentCategory, Involved, Route]));

describe('routing a concern', () => {
  it('has an expected route for all 45 combinations', () => {
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
    const prompted = cases.filter(([category, involved]) => routeIncident(category, involved).prompt !== undefined).map(([category, involved]) => `${category}/${involved}`);
    expect(prompted).toEqual(['illegalActivity/pupil', 'illegalActivity/staff', 'illegalActivity/parent', 'illegalActivity/unknown']);
  });
});
