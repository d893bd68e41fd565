/**
 * Who sees an incident (PRODUCT rule 4, policy s.8): the DSL, deputies and headteacher; a concern
 * about the headteacher goes to the chair of governors and never to the headteacher.
 */
import { canBeAssigned, canSeeIncident, incidentScope, inScope } from '../../../../bot/src/domain/incidents/incident-visibility';
import { ROLES, type Role } from '../../../../bot/src/domain/people/role';
import { may } from '../../../../bot/src/domain/authorization/permissions';

const person = (roles: Role[], id = 'p1') => ({ id, roles });
const ordinary = { aboutHeadteacher: false, assigneeId: 'someone' };
const aboutHead = { aboutHeadteacher: true, assigneeId: 'someone' };

describe("who opens and who removes an incident's evidence (what the incident is seen by, and the DSL alone removes)", () => {
  const opens = (roles: Role[], incident: typeof ordinary) =>
    canSeeIncident(person(roles), incident) && may(person(roles), 'incident.evidence.open', incident.assigneeId);
  const removes = (roles: Role[], incident: typeof ordinary) =>
    canSeeIncident(person(roles), incident) && may(person(roles), 'incident.evidence.remove', incident.assigneeId);
  it.each<[Role[], boolean, boolean, boolean, boolean]>([
    // roles                 opens: ordinary  about the head  removes: ordinary  about the head
    [['dsl'], true, true, true, true],
    [['deputyDsl'], true, true, false, false],
    [['headteacher'], true, false, false, false],
    [['headteacher', 'dsl'], true, false, true, false], // never evidence of a concern about the headteacher
    [['chairOfGovernors'], false, true, false, false],
    [['staff'], false, false, false, false],
  ])('%j', (roles, opensOrdinary, opensAboutHead, removesOrdinary, removesAboutHead) => {
    expect([opens(roles, ordinary), opens(roles, aboutHead), removes(roles, ordinary), removes(roles, aboutHead)]).toEqual([
      opensOrdinary,
      opensAboutHead,
      removesOrdinary,
      removesAboutHead,
    ]);
  });
});

describe('who sees an incident', () => {
  it.each<[Role[], boolean, boolean]>([
    // roles                          ordinary  about the headteacher
    [['dsl'], true, true],
    [['deputyDsl'], true, true],
    [['headteacher'], true, false],
    [['chairOfGovernors', 'governor'], false, true],
    [['governor'], false, false],
    [['staff'], false, false],
    [['onlineSafetyLead'], false, false],
    [['ictTechnician'], false, false],
    [['admin'], false, false],
    [['socialMediaStaff'], false, false],
    [['dataProtectionLead'], false, false], // a breach only: below
    [['headteacher', 'dsl'], true, false], // a small school's head who is also the DSL still never sees it
    [['headteacher', 'chairOfGovernors'], true, false],
  ])('%j: ordinary %s, about the headteacher %s', (roles, seesOrdinary, seesAboutHead) => {
    expect(canSeeIncident(person(roles), ordinary)).toBe(seesOrdinary);
    expect(canSeeIncident(person(roles), aboutHead)).toBe(seesAboutHead);
  });

  it('the person an incident is assigned to sees that one, unless it is about them as headteacher', () => {
    expect(canSeeIncident(person(['staff', 'onlineSafetyLead'], 'osl'), { aboutHeadteacher: false, assigneeId: 'osl' })).toBe(true);
    expect(canSeeIncident(person(['staff', 'onlineSafetyLead'], 'osl'), { aboutHeadteacher: false, assigneeId: 'other' })).toBe(false);
    expect(canSeeIncident(person(['headteacher'], 'head'), { aboutHeadteacher: true, assigneeId: 'head' })).toBe(false);
  });

  it.each<[Role[], boolean, boolean]>([
    // roles                      a breach  a breach about the headteacher
    [['dataProtectionLead'], true, true], // s.4: the breach plan is theirs to follow
    [['dataProtectionLead', 'headteacher'], true, false], // still never a concern about the headteacher
    [['staff'], false, false],
    [['headteacher'], true, false],
    [['chairOfGovernors'], false, true],
  ])('a data-protection breach, %j: %s, about the headteacher %s', (roles, seesBreach, seesAboutHead) => {
    expect(canSeeIncident(person(roles), { ...ordinary, category: 'dataProtectionBreach' })).toBe(seesBreach);
    expect(canSeeIncident(person(roles), { ...aboutHead, category: 'dataProtectionBreach' })).toBe(seesAboutHead);
    expect(canSeeIncident(person(roles), { ...ordinary, category: 'cyberbullying' })).toBe(canSeeIncident(person(roles), ordinary));
  });

  it("the store's query scope selects exactly what canSeeIncident allows, for every role pair", () => {
    const incidents = [true, false].flatMap((aboutHeadteacher) =>
      ['me', 'other', undefined].flatMap((assigneeId) =>
        (['dataProtectionBreach', 'cyberbullying'] as const).map((category) => ({
          aboutHeadteacher,
          category,
          ...(assigneeId ? { assigneeId } : {}),
        })),
      ),
    );
    for (const first of ROLES) {
      for (const second of ROLES) {
        const viewer = person([first, second], 'me');
        for (const incident of incidents)
          expect({ roles: viewer.roles, incident, seen: inScope(incident, incidentScope(viewer)) }).toEqual({
            roles: viewer.roles,
            incident,
            seen: canSeeIncident(viewer, incident),
          });
      }
    }
  });

  it('an incident about the headteacher can only be assigned to the chair, the DSL or deputies, never the headteacher', () => {
    expect(canBeAssigned({ roles: ['headteacher', 'dsl'] }, { aboutHeadteacher: true })).toBe(false);
    expect(canBeAssigned({ roles: ['headteacher'] }, { aboutHeadteacher: false })).toBe(true);
    expect(canBeAssigned({ roles: ['onlineSafetyLead'] }, { aboutHeadteacher: false })).toBe(true);
    expect(canBeAssigned({ roles: ['staff'] }, { aboutHeadteacher: false })).toBe(false);
    expect(canBeAssigned({ roles: ['onlineSafetyLead'] }, { aboutHeadteacher: true })).toBe(false);
    expect(canBeAssigned({ roles: ['chairOfGovernors'] }, { aboutHeadteacher: true })).toBe(true);
    expect(canBeAssigned({ roles: ['dataProtectionLead'] }, { aboutHeadteacher: false, category: 'dataProtectionBreach' })).toBe(true);
    expect(canBeAssigned({ roles: ['dataProtectionLead'] }, { aboutHeadteacher: false, category: 'cyberbullying' })).toBe(false);
  });
});

/** s.8: a concern about the headteacher stays with the chair, the DSL and deputies; others may be given any concern. */
describe('who may be given a concern to work on, role by role (s.8)', () => {
  it.each<[Role, boolean, boolean]>([
    // role                ordinary  about the headteacher
    ['dsl', true, true],
    ['deputyDsl', true, true],
    ['headteacher', true, false],
    ['chairOfGovernors', true, true],
    ['onlineSafetyLead', true, false],
    ['dataProtectionLead', false, false],
    ['socialMediaStaff', false, false],
    ['staff', false, false],
  ])('%s', (role, ordinaryConcern, aboutHeadteacher) => {
    expect([
      canBeAssigned({ roles: [role] }, { aboutHeadteacher: false }),
      canBeAssigned({ roles: [role] }, { aboutHeadteacher: true }),
    ]).toEqual([ordinaryConcern, aboutHeadteacher]);
  });
});
