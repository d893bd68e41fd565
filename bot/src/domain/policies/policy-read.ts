import type { Person } from '../people/person';
import { mustReadIt, type PolicyVersion } from './policy-version';

/** "I have read and understood it", signed with the person's name and the time (s.2). One per person per version. */
export interface PolicyRead {
  id: string;
  versionId: string;
  personId: string;
  personName: string;
  at: string;
  /** `versionId:personId`: unique, so a second click records nothing more. */
  readKey: string;
}

export function readKey(versionId: string, personId: string): string {
  return `${versionId}:${personId}`;
}

export interface ReadStatus {
  read: { personId: string; name: string; at: string }[];
  notYet: { personId: string; name: string }[];
}

/**
 * Who has and has not said they read and understood a version, among those who must read it now.
 * Someone who signed and has since left is not listed: the list is about today's staff.
 */
export function readStatus(version: Pick<PolicyVersion, 'mustRead'>, people: readonly Pick<Person, 'id' | 'displayName' | 'roles'>[], reads: readonly Pick<PolicyRead, 'personId' | 'at'>[]): ReadStatus {
  const signed = new Map(reads.map((entry) => [entry.personId, entry.at]));
  const readers = people.filter((person) => mustReadIt(person, version)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    read: readers.filter((person) => signed.has(person.id)).map((person) => ({ personId: person.id, name: person.displayName, at: signed.get(person.id)! })),
    notYet: readers.filter((person) => !signed.has(person.id)).map((person) => ({ personId: person.id, name: person.displayName })),
  };
}
