import { z } from 'zod';

/**
 * The one rule for text a person types or a file brings (every form, card and import): control
 * characters (other than tab and newline), bidirectional overrides and marks, and invisible
 * separators can hide or reorder what a reviewer reads, so they are refused rather than shown.
 * Zero-width joiners stay allowed: emoji and some scripts need them.
 */
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** What is wrong with a piece of typed text under that rule, or undefined when nothing is. */
export function hiddenCharacterProblem(label: string, value: string): string | undefined {
  return HIDDEN_CHARACTERS.test(value) ? `${label} contains hidden control characters. Please retype it.` : undefined;
}

/** Text a person must type: trimmed, not empty, not too long, nothing hidden. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), `${label} contains hidden control characters. Please retype it.`);
}

/** Text a person may leave empty (read as ''). */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), `${label} contains hidden control characters. Please retype it.`)
    .optional()
    .transform((value) => value ?? '');
}
