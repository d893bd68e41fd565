import type { Person } from '../people/person';
import type { Role } from '../people/role';
import type { Incident } from './incident';
import { canSeeIncident } from './incident-visibility';

/** Who deals with a concern when nobody it was routed to can be reached (s.8: the DSL keeps the log). */
export const FALLBACK_ROLES: readonly Role[] = ['dsl', 'deputyDsl', 'chairOfGovernors'];

type Seen = Pick<Incident, 'aboutHeadteacher' | 'assigneeId' | 'category'>;

/**
 * Who is told that a concern needs attention: first the person it is assigned to and the holders
 * of the role it was routed to; if none of them can be reached, the DSL and deputies (and the
 * chair, for a concern about the headteacher). Only people who may see the incident are ever told,
 * whatever roles they hold: a headteacher who is also the DSL is never told of a concern about
 * the headteacher.
 */
export function concernRecipients(
  incident: Seen,
  routed: readonly Person[],
  fallback: readonly Person[],
): { first: Person[]; fallback: Person[] } {
  const mayBeTold = (people: readonly Person[]) => unique(people).filter((person) => canSeeIncident(person, incident));
  const first = mayBeTold(routed);
  return { first, fallback: mayBeTold(fallback).filter((person) => !first.some((other) => other.id === person.id)) };
}

function unique(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.id) && seen.add(person.id));
}
