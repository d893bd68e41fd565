import type { z } from 'zod';
import { optionalText, requiredText } from '../validation/typed-text';

/** The text fields of training records (s.11), under the one typed-text rule. */
export const trainingText = {
  evidence: optionalText('Evidence', 1000),
  attendee: optionalText("An attendee's name", 120),
  refresherTitle: requiredText('What the refresher is about', 200),
  group: optionalText('Group', 40),
  notConfirmedBecause: requiredText('Why it is not confirmed', 500),
};

/** The value, or the first problem with it as a sentence for the person who typed it. */
export function readText(schema: z.ZodType<string, unknown>, value: unknown): { ok: true; value: string } | { ok: false; message: string } {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? 'This text could not be read.' };
}
