import { longDate } from '../../domain/calendar/dates';
import type { Person } from '../../domain/people/person';
import type { PolicyVersion } from '../../domain/policies/policy-version';
import type { PolicyDocument } from '../../domain/school/policy-document';
import type { PlannedReminder } from '../reminders/deliver-reminders';

const SUMMARY_SHOWN = 300;

/** The card verb that signs a version (adapters/teams/cards/policy-card.ts answers it). */
export const READ_POLICY_VERB = 'readPolicyVersion';

/**
 * Asks each person to read a version and say they have understood it (s.2), once per `period`
 * (`published`, then the reminders' week): each message has its own idempotency key.
 */
export function readRequests(
  policy: Pick<PolicyDocument, 'title'>,
  version: Pick<PolicyVersion, 'id' | 'number' | 'approvedOn' | 'changes'>,
  people: readonly Pick<Person, 'id' | 'displayName'>[],
  period = 'published',
): PlannedReminder[] {
  const changes = version.changes.length > SUMMARY_SHOWN ? `${version.changes.slice(0, SUMMARY_SHOWN - 1)}…` : version.changes;
  return people.map((person) => ({
    person,
    reason: `policy-read:${version.id}`,
    period,
    message: {
      title:
        period === 'published'
          ? `Please read the ${policy.title} (version ${version.number})`
          : `Reminder: please read the ${policy.title} (version ${version.number})`,
      lines: [
        `Approved on ${longDate(version.approvedOn)}. What changed: ${changes}`,
        'Open it in the policy library, read it, then choose "I have read and understood it" (policy section 2).',
      ],
      tone: period === 'published' ? 'accent' : 'warning',
      act: {
        label: 'Open the policy library',
        tabView: 'policies',
        step: { label: 'I have read and understood it', verb: READ_POLICY_VERB, data: { versionId: version.id } },
      },
    },
  }));
}
