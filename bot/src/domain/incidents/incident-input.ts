import { z } from 'zod';
import { optionalText, requiredText } from '../validation/typed-text';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, INVOLVED, WHERE, type IncidentReport } from './incident';
import { PEOPLE_LIMITS } from './incident-people';

export const INCIDENT_LIMITS = { whatHappened: 4000, platform: 200, note: 2000, cpoms: 50, author: 200, link: 2048 } as const;

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `Choose ${label}.` });

export const incidentReportSchema = z.object({
  whatHappened: requiredText('What happened', INCIDENT_LIMITS.whatHappened),
  occurredOn: z.string({ error: 'When it happened is required.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date it happened.'),
  where: choice('where it happened', WHERE),
  platform: optionalText('Platform', INCIDENT_LIMITS.platform),
  involved: choice('who is involved', INVOLVED),
  category: choice('a category', INCIDENT_CATEGORIES),
  sourceAuthor: optionalText('The message author', INCIDENT_LIMITS.author),
  sourceLink: z
    .string()
    .trim()
    .max(INCIDENT_LIMITS.link, `The message link must be ${INCIDENT_LIMITS.link} characters or fewer.`)
    .regex(/^https:\/\//, 'The message link must start with https://.')
    .optional()
    .or(z.literal('')),
  // The pupils the reporter named, as the card sends a multi-select: "12,15".
  pupilIds: z
    .string()
    .max(PEOPLE_LIMITS.pupilsInReport * 13, 'Choose the pupils from the list.')
    .regex(/^(\d{1,12}(,\d{1,12})*)?$/, 'Choose the pupils from the list.')
    .optional()
    .transform((value) => [...new Set((value ?? '').split(',').filter(Boolean))])
    .refine(
      (ids) => ids.length <= PEOPLE_LIMITS.pupilsInReport,
      `Name at most ${PEOPLE_LIMITS.pupilsInReport} pupils; the DSL can link more.`,
    ),
});

export type IncidentField = 'whatHappened' | 'occurredOn' | 'where' | 'platform' | 'involved' | 'category' | 'pupilIds';

/** Checks a submitted form; a date in the future is refused (`today` is YYYY-MM-DD). */
export function validateIncidentReport(
  input: unknown,
  today: string,
): { ok: true; value: IncidentReport; pupilIds: string[] } | { ok: false; errors: Partial<Record<IncidentField, string>> } {
  const parsed = incidentReportSchema.safeParse(input);
  const errors: Partial<Record<IncidentField, string>> = {};
  const occurredOn = (input as { occurredOn?: unknown } | null)?.occurredOn;
  if (typeof occurredOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(occurredOn) && occurredOn > today)
    errors.occurredOn = 'That date is in the future.';
  for (const issue of parsed.success ? [] : parsed.error.issues) errors[issue.path[0] as IncidentField] ??= issue.message;
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const { sourceAuthor, sourceLink, pupilIds, ...report } = parsed.data;
  return {
    ok: true,
    value: { ...report, ...(sourceLink ? { sourceMessage: { author: sourceAuthor, link: sourceLink } } : {}) },
    pupilIds,
  };
}

export const noteSchema = requiredText('Note', INCIDENT_LIMITS.note);
export const statusSchema = z.enum(INCIDENT_STATUSES);
export const cpomsSchema = z
  .string()
  .trim()
  .min(1, 'Give the CPOMS reference.')
  .max(INCIDENT_LIMITS.cpoms, `The CPOMS reference must be ${INCIDENT_LIMITS.cpoms} characters or fewer.`)
  .regex(/^[\w\-/. ]+$/, 'Letters, numbers, spaces and - / . only.');
