import { daysBetween, type IsoDate } from '../calendar/dates';
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
export function readStatus(
  version: Pick<PolicyVersion, 'mustRead'>,
  people: readonly Pick<Person, 'id' | 'displayName' | 'roles'>[],
  reads: readonly Pick<PolicyRead, 'personId' | 'at'>[],
): ReadStatus {
  const signed = new Map(reads.map((entry) => [entry.personId, entry.at]));
  const readers = people.filter((person) => mustReadIt(person, version)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    read: readers
      .filter((person) => signed.has(person.id))
      .map((person) => ({ personId: person.id, name: person.displayName, at: signed.get(person.id)! })),
    notYet: readers.filter((person) => !signed.has(person.id)).map((person) => ({ personId: person.id, name: person.displayName })),
  };
}

/** Days between reminders to those who have not yet signed a version (the weekday job sends them). */
export const READ_REMINDER_DAYS = 7;

/**
 * The reminder a version's non-signers are due today, named by how many reminder intervals have
 * passed since it was published: each is sent once, even when the job did not run on the exact
 * day (a weekend or a holiday), and none in the first interval.
 */
export function readReminderPeriod(publishedOn: IsoDate, today: IsoDate, everyDays = READ_REMINDER_DAYS): string | undefined {
  const intervals = Math.floor(daysBetween(publishedOn, today) / everyDays);
  return intervals >= 1 ? `reminder-${intervals}` : undefined;
}
