import type { IsoDate } from '../../domain/calendar/dates';
import { localDate } from '../../domain/calendar/zoned-time';
import { readRequests } from '../policies/read-requests';
import { readReminderPeriod, readStatus } from '../../domain/policies/policy-read';
import { currentVersion } from '../../domain/policies/policy-version';
import { readAll } from '../read-all';
import { readPolicies } from '../settings/policy-register';
import type { PlannedReminder } from './deliver-reminders';
import type { ReminderJobDeps } from './reminder-job-deps';

/**
 * For each policy's version in force that someone must read: whoever has not signed it yet is
 * asked, under the same key as when it was published, so a new starter (added to the school after
 * it was published) is asked at induction, and nobody twice; then reminded every interval until
 * they sign it or a newer version replaces it (s.2).
 */
export async function planPolicyReads(deps: ReminderJobDeps, today: IsoDate): Promise<PlannedReminder[]> {
  const versions = await readAll((cursor) => deps.stores.policyVersions.find({ limit: 200, ...(cursor ? { cursor } : {}) }));
  if (versions.length === 0) return [];
  const everyone = await deps.directory.everyone();
  // The directory gives each person's first day (the hire date, or the day first seen in a role group).
  const startedOn = new Map(everyone.flatMap((person) => (person.startedOn ? [[person.id, person.startedOn] as const] : [])));
  const planned: PlannedReminder[] = [];
  for (const policy of (await readPolicies(deps.stores)).filter((candidate) => !candidate.retiredOn)) {
    const version = currentVersion(versions.filter((candidate) => candidate.policyId === policy.id));
    if (!version || version.mustRead === 'nobody') continue;
    const reads = await readAll((cursor) =>
      deps.stores.policyReads.find({ where: { versionId: version.id }, limit: 500, ...(cursor ? { cursor } : {}) }),
    );
    const waiting = readStatus(version, everyone, reads).notYet.map(({ personId, name }) => ({ id: personId, displayName: name }));
    planned.push(...readRequests(policy, version, waiting));
    const publishedOn = localDate(new Date(version.publishedAt));
    for (const person of waiting) {
      // A new starter's reminders count from their first day, not from publication.
      const started = startedOn.get(person.id) ?? '';
      const period = readReminderPeriod(started > publishedOn ? started : publishedOn, today);
      if (period) planned.push(...readRequests(policy, version, [person], period));
    }
  }
  return planned;
}
