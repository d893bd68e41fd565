import { z } from 'zod';

const text = z.string().max(100_000);
const record = z.record(z.string(), z.unknown());

/**
 * The shape of an activity as Teams sends it, as far as the bot reads it: a field of the wrong
 * type (a number where Teams sends a string, an invoke whose value is not an object) is refused
 * here with a clear 400, instead of failing somewhere deeper with a 500.
 */
const ACTIVITY = z
  .object({
    type: text,
    serviceUrl: text,
    channelId: text,
    id: text.optional(),
    text: text.optional(),
    name: text.optional(),
    replyToId: text.optional(),
    value: z.unknown().optional(),
    from: z.object({ id: text, name: text.optional(), aadObjectId: text.optional() }),
    recipient: z.object({ id: text, name: text.optional() }).optional(),
    conversation: z.object({ id: text, conversationType: text.optional(), tenantId: text.optional(), isGroup: z.boolean().optional() }),
    channelData: record.optional(),
    attachments: z.array(z.unknown()).optional(),
  })
  .refine(
    (activity) => activity.type !== 'invoke' || (typeof activity.name === 'string' && record.safeParse(activity.value).success),
    'An invoke needs a name and an object as its value.',
  )
  .refine((activity) => activity.value === undefined || record.safeParse(activity.value).success, "An activity's value must be an object.");

/** What is wrong with a body sent to the bot endpoint, in a sentence, or undefined when it looks like a Teams activity. */
export function activityProblem(body: unknown): string | undefined {
  const parsed = ACTIVITY.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.');
  return `This is not a Bot Framework activity${where ? ` (${where}: ${issue!.message})` : issue ? ` (${issue.message})` : ''}.`;
}
