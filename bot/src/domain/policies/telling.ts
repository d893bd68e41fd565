import { z } from 'zod';
import { isIsoDate, longDate, type IsoDate } from '../calendar/dates';
import { requiredText } from '../validation/typed-text';
import type { PolicyVersion } from './policy-version';

/** How the school tells pupils and parents of a change (s.12); the app prepares the words, it never sends to parents itself. */
export const TELL_AUDIENCES = ['pupils', 'parents'] as const;
export const TELL_CHANNELS = ['newsletter', 'website', 'classLessons'] as const;

export interface ToldRecord {
  audience: (typeof TELL_AUDIENCES)[number];
  how: (typeof TELL_CHANNELS)[number];
  on: IsoDate;
  byId: string;
  byName: string;
}

/** The short texts for pupils and for parents, as the headteacher last edited them, and each time they were sent. */
export interface Telling {
  pupilsText: string;
  parentsText: string;
  editedByName: string;
  editedAt: string;
  sent: ToldRecord[];
}

export const TELLING_LIMITS = { text: 2000 } as const;

export const tellingTextsSchema = z.object({
  pupilsText: requiredText('The text for pupils', TELLING_LIMITS.text),
  parentsText: requiredText('The text for parents', TELLING_LIMITS.text),
});

export const toldSchema = z.object({
  audience: z.enum(TELL_AUDIENCES, { error: 'Say who was told: pupils or parents.' }),
  how: z.enum(TELL_CHANNELS, { error: 'Say how: newsletter, website or class lessons.' }),
  on: z.string({ error: 'The date is required.' }).refine(isIsoDate, 'The date must be a date.'),
});

/** The first drafts, from the version's summary of changes: the headteacher edits them before they are used. */
export function draftTexts(
  title: string,
  version: Pick<PolicyVersion, 'number' | 'approvedOn' | 'changes'>,
): { pupilsText: string; parentsText: string } {
  return {
    pupilsText: `Our school has changed its ${title}. What is different: ${version.changes} If anything online ever worries or upsets you, tell a trusted adult at school.`,
    parentsText: `We have updated our ${title} (version ${version.number}, approved on ${longDate(version.approvedOn)}). What has changed: ${version.changes} You can ask the school office for a copy of the policy.`,
  };
}
