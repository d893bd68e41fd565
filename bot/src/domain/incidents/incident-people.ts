/**
 * The people an incident involves: pupils from the roster, staff from the directory, and others
 * (parents, people outside school) by name. Each has an explicit part in it, shown wherever the
 * person is: a link never defaults to a part, so nobody is tagged as causing harm by accident.
 */
export const INVOLVEMENT_ROLES = ['affected', 'causedHarm', 'witness', 'other'] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

/** `named`: a pupil the reporter named in the report; the DSL confirms their part. */
export type LinkRole = InvolvementRole | 'named';
export const LINK_ROLES: readonly LinkRole[] = [...INVOLVEMENT_ROLES, 'named'];

export const LINK_ROLE_LABELS: Record<LinkRole, string> = {
  affected: 'affected',
  causedHarm: 'alleged to have caused harm',
  witness: 'witness',
  other: 'other part',
  named: 'named by the reporter, part not yet confirmed',
};

export const LINK_KINDS = ['pupil', 'staff', 'other'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** One person's part in one incident. Kept when unlinked, so the chronology's lines keep their meaning. */
export interface IncidentLink {
  id: string;
  incidentId: string;
  kind: LinkKind;
  /** `incidentId|kind|who`: one link per person per incident, however often the form is sent. */
  linkKey: string;
  pupilId?: string;
  personId?: string;
  /** The pupil's or staff member's name as it was when linked, or the name typed for someone else. */
  name: string;
  /** A pupil's class and year group when linked: the summary counts by the year group at the time. */
  className?: string;
  yearGroup?: string;
  role: LinkRole;
  linked: boolean;
  updatedAt: string;
}

export const PEOPLE_LIMITS = { name: 200, pupilsInReport: 30 } as const;

export function linkKey(incidentId: string, kind: LinkKind, who: string): string {
  return `${incidentId}|${kind}|${who}`;
}

/** "Amelia Khan (pupil, 4B)", "Tom O'Neill (staff)", "Mrs Khan (named)". */
export function linkedName(link: Pick<IncidentLink, 'kind' | 'name' | 'className'>): string {
  if (link.kind === 'pupil') return `${link.name} (pupil${link.className ? `, ${link.className}` : ''})`;
  return `${link.name} (${link.kind === 'staff' ? 'staff' : 'named'})`;
}

export type LinkChange = { type: 'link'; role: InvolvementRole } | { type: 'role'; role: InvolvementRole } | { type: 'unlink' };

/**
 * What a change to a person's link does, and the chronology line that records it; or why it cannot
 * be made. `before` is the stored link for this person, if there is one (linked or not).
 */
export function applyLinkChange(
  person: Pick<IncidentLink, 'kind' | 'name' | 'className'>,
  before: Pick<IncidentLink, 'role' | 'linked'> | undefined,
  change: LinkChange,
): { role: LinkRole; linked: boolean; line: string } | { problem: string } {
  const who = linkedName(person);
  if (change.type === 'link') {
    if (before?.linked) return { problem: `${person.name} is already linked to this incident: change their part instead.` };
    return { role: change.role, linked: true, line: `${before ? 'Linked again' : 'Linked'} ${who} as ${LINK_ROLE_LABELS[change.role]}` };
  }
  if (!before?.linked) return { problem: `${person.name} is not linked to this incident.` };
  if (change.type === 'unlink')
    return { role: before.role, linked: false, line: `Unlinked ${who} (was: ${LINK_ROLE_LABELS[before.role]})` };
  if (before.role === change.role) return { problem: `${person.name} is already recorded as ${LINK_ROLE_LABELS[change.role]}.` };
  return before.role === 'named'
    ? { role: change.role, linked: true, line: `Confirmed ${who}, named by the reporter, as ${LINK_ROLE_LABELS[change.role]}` }
    : {
        role: change.role,
        linked: true,
        line: `Changed the part of ${who} from ${LINK_ROLE_LABELS[before.role]} to ${LINK_ROLE_LABELS[change.role]}`,
      };
}
