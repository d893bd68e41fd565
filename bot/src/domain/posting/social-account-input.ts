import { z } from 'zod';
import { readForm } from '../validation/field-errors';
import { requiredText as text } from '../validation/typed-text';

/** Personal mailboxes: s.5 asks for an official school email account behind every school account. */
const PERSONAL_MAIL = /@(gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|btinternet|sky|virginmedia|protonmail)\.[a-z.]+$/i;

/** A school account as the DSL or designated staff register it (s.5: purpose, reason, evaluation). */
export const socialAccountInputSchema = z.object({
  platform: text('Platform', 50),
  handle: text('Handle', 100),
  purpose: text('Purpose', 1000),
  reason: text('Pedagogical or business reason', 1000),
  ownerId: z.string({ error: 'Choose the owner.' }).regex(/^[\w-]{1,40}$/, 'Choose the owner.'),
  schoolEmail: text('School email', 254)
    .pipe(z.email('Enter the school email address linked to the account.'))
    .refine((value) => !PERSONAL_MAIL.test(value), 'Use an official school email account, not a personal one (policy section 5).'),
  successMeasure: text('How success is evaluated', 1000),
  active: z
    .boolean()
    .optional()
    .transform((value) => value ?? true),
});

export type SocialAccountInput = z.infer<typeof socialAccountInputSchema>;
export type SocialAccountField = keyof SocialAccountInput;

export function validateSocialAccountInput(
  raw: unknown,
): { ok: true; value: SocialAccountInput } | { ok: false; errors: Partial<Record<SocialAccountField, string>> } {
  return readForm(socialAccountInputSchema, raw);
}

/** Who may own a school account: the DSL and the designated social media staff (s.5). */
export const ACCOUNT_OWNER_ROLES = ['dsl', 'socialMediaStaff'] as const;
