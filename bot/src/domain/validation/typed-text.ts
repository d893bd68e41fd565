import { z } from 'zod';

// Control characters (other than tab and newline) and bidirectional overrides can hide or
// reorder what a reviewer reads, so they are refused rather than shown.
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** Text a person must type: trimmed, not empty, not too long, nothing hidden. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), `${label} contains hidden control characters.`);
}

/** Text a person may leave empty (read as ''). */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), `${label} contains hidden control characters.`)
    .optional()
    .transform((value) => value ?? '');
}
