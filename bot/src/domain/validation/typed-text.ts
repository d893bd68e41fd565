import { z } from 'zod';

/**
 * The one rule for text a person types or a file brings (every form, card and import): control
 * characters (other than tab and line breaks), invisible format characters (bidirectional
 * overrides and marks, zero-width spaces, soft hyphens, tag characters) and line or paragraph
 * separators can hide or reorder what a reviewer reads, so they are refused rather than shown.
 * Zero-width joiners stay allowed (emoji and some scripts need them), and so do the tag sequences
 * of the flags of England, Scotland and Wales.
 */
const HIDDEN = '(?![\\t\\n\\r\\u200C\\u200D])[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]';
const HIDDEN_CHARACTERS = new RegExp(HIDDEN, 'u');
const FLAG_TAG_SEQUENCES = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

function hasHiddenCharacters(value: string): boolean {
  return HIDDEN_CHARACTERS.test(value.replace(FLAG_TAG_SEQUENCES, ''));
}

/** What is wrong with a piece of typed text under that rule, or undefined when nothing is. */
export function hiddenCharacterProblem(label: string, value: string): string | undefined {
  return hasHiddenCharacters(value) ? hiddenMessage(label) : undefined;
}

/** Text that came from elsewhere (a Teams display name) with any hidden character taken out. */
export function withoutHiddenCharacters(value: string): string {
  return value.replace(new RegExp(HIDDEN, 'gu'), '');
}

const hiddenMessage = (label: string) => `${label} contains hidden control characters. Please retype it.`;

/** Text a person must type: trimmed, not empty, not too long, nothing hidden. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !hasHiddenCharacters(value), hiddenMessage(label));
}

/** Text a person may leave empty (read as ''). */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer.`)
    .refine((value) => !hasHiddenCharacters(value), hiddenMessage(label))
    .optional()
    .transform((value) => value ?? '');
}
