import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/dates';
import { optionalText, requiredText as text } from '../validation/typed-text';
import { periodProblem, UNBLOCK_SCOPES, type UnblockPeriod, type UnblockScope } from './unblock';

// Sized so that a card showing a whole request, every field at its longest, stays well under
// Teams' 40 KB message limit (tests/unit/adapters/teams/every-card.test.ts).
export const LIMITS = { url: 2048, siteContent: 1000, reasons: 1500, risksAndControls: 1500, note: 1000, group: 60 } as const;

function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const dateText = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || isIsoDate(value), `${label} must be a date, such as 2026-12-18.`);

/** Appendix A, the requester's part of the form, with the period and the people the site is opened for. */
export const accessRequestInputSchema = z.object({
  url: text('Full URL', LIMITS.url).refine(
    isWebAddress,
    'Enter the full web address, starting with https:// or http:// (for example https://www.example.org/page).',
  ),
  siteContent: text('Site content', LIMITS.siteContent),
  reasons: text('Reasons for access', LIMITS.reasons),
  risksAndControls: text('Identified risks and control measures', LIMITS.risksAndControls),
  periodFrom: dateText('The first day'),
  periodTo: dateText('The last day'),
  scope: z.enum(UNBLOCK_SCOPES, { error: 'Choose who the site is opened for.' }),
  scopeClass: optionalText('Class', LIMITS.group),
  scopeYearGroup: optionalText('Year group', LIMITS.group),
});

type AccessRequestText = Pick<z.infer<typeof accessRequestInputSchema>, 'url' | 'siteContent' | 'reasons' | 'risksAndControls'>;

/** A request as saved: requests made before periods existed have none (shown as "no end date — set one"). */
export interface AccessRequestInput extends AccessRequestText {
  period?: UnblockPeriod;
  scope?: UnblockScope;
}

/** The form as read: its last day may be left empty, for the end of the term (filled in from the term dates). */
export type AccessRequestForm = AccessRequestText & { period: { from: IsoDate; to?: IsoDate }; scope: UnblockScope };

export type AccessRequestField = keyof z.infer<typeof accessRequestInputSchema>;

export const reviewNoteSchema = optionalText('Note', LIMITS.note);
export const reasonsSchema = optionalText('Reasons', LIMITS.note);
export const addedRisksSchema = optionalText('Further risks and control measures', LIMITS.note);
export const endDateSchema = dateText('The earlier last day');

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Validated<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** Checks a submitted form; every wrong field gets its own message. `today` is the school's date. */
export function validateAccessRequestInput(raw: unknown, today: IsoDate): Validated<AccessRequestForm, AccessRequestField> {
  const parsed = accessRequestInputSchema.safeParse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
  const errors: FieldErrors<AccessRequestField> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as AccessRequestField;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const { periodFrom, periodTo, scope, scopeClass, scopeYearGroup, ...typed } = parsed.data;
  const from = periodFrom || today;
  const problem = periodProblem({ from, to: periodTo || from }, today);
  if (problem) errors[problem.field] = problem.message;
  const group = scope === 'class' ? scopeClass : scope === 'yearGroup' ? scopeYearGroup : undefined;
  if (scope === 'class' && !group) errors.scopeClass = 'Choose the class.';
  if (scope === 'yearGroup' && !group) errors.scopeYearGroup = 'Choose the year group.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { ...typed, period: { from, ...(periodTo ? { to: periodTo } : {}) }, scope: { kind: scope, ...(group ? { group } : {}) } },
  };
}
