import { z } from 'zod';
import { optionalText, requiredText as text } from '../validation/typed-text';

// Sized so that a card showing a whole request, every field at its longest, stays well under
// Teams' 40 KB message limit (tests/unit/adapters/teams/every-card.test.ts).
export const LIMITS = { url: 2048, siteContent: 1000, reasons: 1500, risksAndControls: 1500, note: 1000 } as const;

function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Appendix A, the requester's part of the form. */
export const accessRequestInputSchema = z.object({
  url: text('Full URL', LIMITS.url).refine(
    isWebAddress,
    'Enter the full web address, starting with https:// or http:// (for example https://www.example.org/page).',
  ),
  siteContent: text('Site content', LIMITS.siteContent),
  reasons: text('Reasons for access', LIMITS.reasons),
  risksAndControls: text('Identified risks and control measures', LIMITS.risksAndControls),
});

export type AccessRequestInput = z.infer<typeof accessRequestInputSchema>;
export type AccessRequestField = keyof AccessRequestInput;

export const reviewNoteSchema = optionalText('Note', LIMITS.note);
export const reasonsSchema = optionalText('Reasons', LIMITS.note);
export const addedRisksSchema = optionalText('Further risks and control measures', LIMITS.note);

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Validated<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** Checks a submitted form; every wrong field gets its own message. */
export function validateAccessRequestInput(raw: unknown): Validated<AccessRequestInput, AccessRequestField> {
  const parsed = accessRequestInputSchema.safeParse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors<AccessRequestField> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AccessRequestField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
