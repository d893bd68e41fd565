import { z } from 'zod';
import { addDays, isIsoDate, type IsoDate } from '../calendar/dates';
import { ROLES } from '../people/role';
import { optionalText, requiredText } from '../validation/typed-text';
import type { PolicyApproval, PolicyDocument, PolicyReview } from './policy-document';

const date = (label: string) => z.string({ error: `${label} is required.` }).refine(isIsoDate, `${label} must be a date.`);

const reviewSchema = z.object({
  id: z
    .string()
    .regex(/^review-\d{1,3}$/)
    .optional(),
  name: requiredText('What the review is', 100),
  reviewers: z.array(z.enum(ROLES), { error: 'Choose who reviews it.' }).min(1, 'Choose who reviews it.').max(ROLES.length),
  cycleMonths: z
    .number({ error: 'Give the cycle in months.' })
    .int('Give whole months.')
    .min(1, 'At least 1 month.')
    .max(60, 'At most 60 months (five years).'),
  nextReviewDue: date('Next review date'),
});

/** A policy as the headteacher or the admin team enter it in the register. */
export const policyInputSchema = z.object({
  title: requiredText('Title', 150),
  owner: requiredText('Owner', 100),
  approvedOn: optionalText('Approval date', 10).refine((value) => value === '' || isIsoDate(value), 'Approval date must be a date.'),
  reviews: z.array(reviewSchema).max(5, 'At most five reviews of one policy.'),
  retired: z
    .boolean()
    .optional()
    .transform((value) => value ?? false),
});

export type PolicyInput = z.infer<typeof policyInputSchema>;

/**
 * The register entry after a save: new reviews get the next free id; an approval date different
 * from the latest one is a new approval, added to the history (an earlier approval is never
 * changed or removed); retiring keeps the day it was retired.
 */
export function applyPolicyInput(
  existing: Omit<PolicyDocument, 'id'> | undefined,
  input: PolicyInput,
  by: { id: string; name: string },
  now: Date,
  today: IsoDate,
): Omit<PolicyDocument, 'id'> | { field: string; message: string } {
  if (input.approvedOn > today) return { field: 'approvedOn', message: 'The approval date cannot be in the future.' };
  if (input.approvedOn && input.approvedOn < addDays(today, -365 * 30))
    return { field: 'approvedOn', message: 'The approval date is more than 30 years ago: check the year.' };
  let next = Math.max(0, ...(existing?.reviews ?? []).map((review) => Number(review.id.slice('review-'.length))));
  const known = new Set((existing?.reviews ?? []).map((review) => review.id));
  const reviews: PolicyReview[] = input.reviews.map(({ id, ...review }) => ({
    id: id && known.has(id) ? id : `review-${++next}`,
    ...review,
  }));
  const approvals: PolicyApproval[] = [...(existing?.approvals ?? [])];
  if (input.approvedOn && input.approvedOn !== approvals.at(-1)?.approvedOn) {
    approvals.push({
      approvedOn: input.approvedOn,
      note: 'Entered in School settings',
      recordedById: by.id,
      recordedByName: by.name,
      recordedAt: now.toISOString(),
    });
  }
  const retiredOn = input.retired ? (existing?.retiredOn ?? today) : undefined;
  return { title: input.title, owner: input.owner, reviews, approvals, ...(retiredOn ? { retiredOn } : {}) };
}

/** Which parts of a policy a save changed, for the audit log ("title, reviews"). */
export function changedParts(before: Omit<PolicyDocument, 'id'>, after: Omit<PolicyDocument, 'id'>): string[] {
  const parts: [string, unknown, unknown][] = [
    ['title', before.title, after.title],
    ['owner', before.owner, after.owner],
    ['reviews', before.reviews, after.reviews],
    ['approval date', before.approvals.length, after.approvals.length],
    ['retired', before.retiredOn ?? '', after.retiredOn ?? ''],
  ];
  return parts.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([name]) => name);
}
