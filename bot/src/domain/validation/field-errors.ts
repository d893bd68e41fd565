import type { z } from 'zod';

/** Field name (a path such as `reviews.1.cycleMonths` for nested fields) → what is wrong with it. */
export type FieldErrors = Record<string, string>;

/**
 * Reads a form's body with its schema: the value, or the first problem with each field, worded
 * for the person who filled it in, so the tab shows each next to its field.
 */
export function readForm<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'form'] ??= issue.message;
  return { ok: false, errors };
}
