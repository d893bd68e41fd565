/**
 * Linking people to an incident: every change is a line in the chronology, the part is always
 * explicit (a pupil the reporter named is "not yet confirmed" until the DSL says which part), and
 * a change that makes no sense is refused with the reason.
 */
import {
  applyLinkChange,
  INVOLVEMENT_ROLES,
  LINK_KINDS,
  LINK_ROLE_LABELS,
  LINK_ROLES,
  linkedName,
  linkKey,
  PEOPLE_LIMITS,
  type LinkChange,
  type LinkRole,
} from '../../../../bot/src/domain/incidents/incident-people';

const amelia = { kind: 'pupil' as const, name: 'Amelia Khan', className: '4B' };
const tom = { kind: 'staff' as const, name: "Tom O'Neill" };
const parent = { kind: 'other' as const, name: 'Mrs Khan' };
type Before = { role: LinkRole; linked: boolean } | undefined;

describe('changing who is linked to an incident, and their part', () => {
  it.each<[string, typeof amelia | typeof tom | typeof parent, Before, LinkChange, string]>([
    ['a pupil linked', amelia, undefined, { type: 'link', role: 'affected' }, 'Linked Amelia Khan (pupil, 4B) as affected'],
    ['a member of staff linked', tom, undefined, { type: 'link', role: 'witness' }, "Linked Tom O'Neill (staff) as witness"],
    ['someone outside school linked by name', parent, undefined, { type: 'link', role: 'other' }, 'Linked Mrs Khan (named) as other part'],
    [
      'a pupil linked again after being unlinked',
      amelia,
      { role: 'witness', linked: false },
      { type: 'link', role: 'causedHarm' },
      'Linked again Amelia Khan (pupil, 4B) as alleged to have caused harm',
    ],
    [
      'a part changed',
      amelia,
      { role: 'witness', linked: true },
      { type: 'role', role: 'affected' },
      'Changed the part of Amelia Khan (pupil, 4B) from witness to affected',
    ],
    [
      'a pupil the reporter named, confirmed',
      amelia,
      { role: 'named', linked: true },
      { type: 'role', role: 'causedHarm' },
      'Confirmed Amelia Khan (pupil, 4B), named by the reporter, as alleged to have caused harm',
    ],
    [
      'a pupil unlinked',
      amelia,
      { role: 'affected', linked: true },
      { type: 'unlink' },
      'Unlinked Amelia Khan (pupil, 4B) (was: affected)',
    ],
  ])('%s', (_, person, before, change, line) => {
    expect(applyLinkChange(person, before, change)).toMatchObject({ linked: change.type !== 'unlink', line });
  });

  it.each<[string, Before, LinkChange, RegExp]>([
    [
      'linking someone already linked',
      { role: 'affected', linked: true },
      { type: 'link', role: 'witness' },
      /already linked.*change their part/,
    ],
    ['changing the part of someone not linked', undefined, { type: 'role', role: 'witness' }, /not linked/],
    ['changing the part of someone unlinked', { role: 'witness', linked: false }, { type: 'role', role: 'affected' }, /not linked/],
    [
      'changing a part to the same part',
      { role: 'witness', linked: true },
      { type: 'role', role: 'witness' },
      /already recorded as witness/,
    ],
    ['unlinking someone not linked', { role: 'witness', linked: false }, { type: 'unlink' }, /not linked/],
  ])('refuses %s', (_, before, change, problem) => {
    expect(applyLinkChange(amelia, before, change)).toEqual({ problem: expect.stringMatching(problem) });
  });
});

describe('a person as the chronology names them (s.8: the DSL keeps the log)', () => {
  it.each<[string, Parameters<typeof linkedName>[0], string]>([
    ['a pupil with their class', amelia, 'Amelia Khan (pupil, 4B)'],
    ['a pupil whose class is not known', { kind: 'pupil', name: 'Amelia Khan' }, 'Amelia Khan (pupil)'],
    ['a member of staff', tom, "Tom O'Neill (staff)"],
    ['someone outside school', parent, 'Mrs Khan (named)'],
  ])('%s', (_case, person, name) => {
    expect(linkedName(person)).toBe(name);
  });

  it('one link per person per incident, whichever kind of person', () => {
    expect([linkKey('12', 'pupil', 'pu-7'), linkKey('12', 'staff', 'p-7')]).toEqual(['12|pupil|pu-7', '12|staff|p-7']);
  });
});

/** Each part a person can have, as the chronology writes it (s.8: the DSL keeps the log). */
describe('the words for each part in the chronology (s.8)', () => {
  it.each<[LinkRole, string]>([
    ['affected', 'Linked Amelia Khan (pupil, 4B) as affected'],
    ['causedHarm', 'Linked Amelia Khan (pupil, 4B) as alleged to have caused harm'],
    ['witness', 'Linked Amelia Khan (pupil, 4B) as witness'],
    ['other', 'Linked Amelia Khan (pupil, 4B) as other part'],
  ])('linked as %s', (role, line) => {
    expect(applyLinkChange(amelia, undefined, { type: 'link', role: role as Exclude<LinkRole, 'named'> })).toEqual({
      role,
      linked: true,
      line,
    });
  });

  it('a pupil the reporter named is shown as not yet confirmed when unlinked', () => {
    expect(applyLinkChange(amelia, { role: 'named', linked: true }, { type: 'unlink' })).toEqual({
      role: 'named',
      linked: false,
      line: 'Unlinked Amelia Khan (pupil, 4B) (was: named by the reporter, part not yet confirmed)',
    });
  });

  it('the labels, the parts and the kinds, exactly', () => {
    expect(LINK_ROLE_LABELS).toEqual({
      affected: 'affected',
      causedHarm: 'alleged to have caused harm',
      witness: 'witness',
      other: 'other part',
      named: 'named by the reporter, part not yet confirmed',
    });
    expect(INVOLVEMENT_ROLES).toEqual(['affected', 'causedHarm', 'witness', 'other']);
    expect(LINK_ROLES).toEqual(['affected', 'causedHarm', 'witness', 'other', 'named']);
    expect(LINK_KINDS).toEqual(['pupil', 'staff', 'other']);
    expect(PEOPLE_LIMITS).toEqual({ name: 200, pupilsInReport: 30 });
  });
});
