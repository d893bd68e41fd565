import { z } from 'zod';
import { MEDIA, type Media } from '../consent/consent';
import { DEVICE_LIMITS } from '../devices/approved-device';
import { optionalText, requiredText } from '../validation/typed-text';

// Sized so that a card showing a whole request stays well under Teams' 40 KB message limit.
export const POSTING_LIMITS = { text: 2000, groupLabel: 100, pupils: 60, link: 2048 } as const;

/** A post on a school account, or a reminder for parents (s.5: both need the headteacher's permission). */
export type PostingKind = 'post' | 'parentReminder';
export const POSTING_KINDS: readonly PostingKind[] = ['post', 'parentReminder'];

const id = z.string().regex(/^[\w-]{1,40}$/);

/** Choice sets send several values as one comma-separated string; the API may send a list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : (value ?? []),
    z.array(item),
  );

const isoDate = z
  .string({ error: 'Posting date is required.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date you plan to post, for example 2026-12-01.')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'That date does not exist.',
  );

export const postingRequestInputSchema = z
  .object({
    kind: z.enum(POSTING_KINDS as [PostingKind, ...PostingKind[]], { error: 'Choose a post or a reminder for parents.' }),
    accountId: z.string({ error: 'Choose the school account.' }).trim().min(1, 'Choose the school account.').pipe(id),
    text: requiredText('The text of the post', POSTING_LIMITS.text),
    media: list(z.enum(MEDIA as [Media, ...Media[]], { error: 'Media must be images, videos or none.' })).transform((media) => [
      ...new Set(media),
    ]),
    pupilIds: list(id)
      .transform((ids) => [...new Set(ids)])
      .refine(
        (ids) => ids.length <= POSTING_LIMITS.pupils,
        `Pick at most ${POSTING_LIMITS.pupils} pupils; for a bigger group use a class photo with a general label.`,
      ),
    groupLabel: optionalText('The group label', POSTING_LIMITS.groupLabel),
    facesBlurred: z.preprocess((value) => value === true || value === 'true', z.boolean()),
    // s.4: the approved school device the photos or videos were taken on ('' when none is named).
    deviceId: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      z
        .string()
        .regex(/^[\w-]{1,40}$/, 'Choose the school device from the list.')
        .optional(),
    ),
    // A school with many devices types the name instead (matched to the register, whatever the case).
    deviceName: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      optionalText('The device name', DEVICE_LIMITS.name).optional(),
    ),
    postingDate: isoDate,
  })
  .superRefine((input, context) => {
    // s.4: a post showing pupils uses images or videos; images or videos of pupils need the pupils named for the consent check.
    if (input.pupilIds.length > 0 && input.media.length === 0) {
      context.addIssue({ code: 'custom', path: ['media'], message: 'You picked pupils: say whether the post has images, videos or both.' });
    }
    if (input.kind === 'post' && input.pupilIds.length > 0 && !input.groupLabel) {
      context.addIssue({
        code: 'custom',
        path: ['groupLabel'],
        message: 'Give the group a general label, such as "sports day" (policy section 4).',
      });
    }
  });

export type PostingRequestInput = z.infer<typeof postingRequestInputSchema>;
export type PostingRequestField = keyof PostingRequestInput;

export const postLinkSchema = z
  .string({ error: 'Paste the link to the post.' })
  .trim()
  .min(1, 'Paste the link to the post.')
  .max(POSTING_LIMITS.link, 'That link is too long.')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:' && !/\s/.test(value);
    } catch {
      return false;
    }
  }, 'Paste the full link to the post, starting with https://.');

export type PostingValidated =
  { ok: true; value: PostingRequestInput } | { ok: false; errors: Partial<Record<PostingRequestField, string>> };

/** Checks a submitted form; every wrong field gets its own message. A post is planned for today or later. */
export function validatePostingRequestInput(raw: unknown, today: string): PostingValidated {
  const parsed = postingRequestInputSchema.safeParse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
  if (parsed.success && parsed.data.postingDate < today)
    return { ok: false, errors: { postingDate: 'That date has passed: choose today or a later date.' } };
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<PostingRequestField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as PostingRequestField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
