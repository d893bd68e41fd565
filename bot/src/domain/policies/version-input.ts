import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/dates';
import { requiredText } from '../validation/typed-text';
import { MUST_READ, POLICY_FILE_LIMITS, type PolicyVersion } from './policy-version';

/** What the headteacher types when publishing a version (the file comes beside it). */
export const versionInputSchema = z.object({
  number: requiredText('Version number', POLICY_FILE_LIMITS.number).refine(
    (value) => /^[0-9A-Za-z.\-]+$/.test(value),
    'Give the version number as the document does: digits, letters, dots ("3", "2.1").',
  ),
  approvedOn: z.string({ error: 'Approval date is required.' }).refine(isIsoDate, 'Approval date must be a date.'),
  changes: requiredText('Summary of changes', POLICY_FILE_LIMITS.summary),
  mustRead: z.enum(MUST_READ, { error: 'Choose who must read it: nobody, staff, or staff and governors.' }),
});

export type VersionInput = z.infer<typeof versionInputSchema>;

/**
 * Why a new version cannot be published over the policy's versions so far, by field: a number used
 * before, an approval in the future, or earlier than the version in force (which would then stay
 * in force: an earlier approval is never overwritten, so a late-entered old version is refused).
 */
export function versionProblem(
  input: Pick<VersionInput, 'number' | 'approvedOn'>,
  existing: readonly Pick<PolicyVersion, 'number' | 'approvedOn'>[],
  today: IsoDate,
): { field: 'number' | 'approvedOn'; message: string } | undefined {
  if (input.approvedOn > today) return { field: 'approvedOn', message: 'The approval date cannot be in the future.' };
  if (existing.some((version) => version.number.toLowerCase() === input.number.toLowerCase()))
    return {
      field: 'number',
      message: `This policy already has a version ${input.number}. Versions are never replaced: give the new one its own number.`,
    };
  const latest = existing.reduce<string>((at, version) => (version.approvedOn > at ? version.approvedOn : at), '');
  if (input.approvedOn < latest)
    return {
      field: 'approvedOn',
      message: `The version in force was approved on ${latest}; a new version is approved on that day or later.`,
    };
  return undefined;
}
