import { z } from 'zod';
import { ROLES } from '../people/role';
import { optionalText, requiredText } from '../validation/typed-text';
import type { DueRule, TrainingRequirementRecord } from './training-requirement';

/** How often, as the School settings form offers it (a refresher's fixed date is the DSL's, not here). */
export const FREQUENCIES = ['inductionThenEvery', 'every', 'termly'] as const;

/** A standing training requirement as the online safety lead or the headteacher enter it (s.11). */
export const requirementInputSchema = z
  .object({
    title: requiredText('Title', 120),
    /** Only for a new requirement, and only if the school wants a particular one; made from the title otherwise. */
    requirementId: z
      .string()
      .regex(/^(?!refresher-)[a-z0-9][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and dashes (not starting with "refresher-").')
      .optional(),
    audience: z.enum(['staff', 'pupils', 'parents'], { error: 'Choose who it is for.' }),
    roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
    frequency: z.enum(FREQUENCIES, { error: 'Choose how often.' }),
    months: z.number().int('Give whole months.').min(1, 'At least 1 month.').max(60, 'At most 60 months.').optional(),
    graceDays: z.number().int('Give whole days.').min(0, 'Not negative.').max(365, 'At most 365 days.').optional(),
    policy: optionalText('Policy sections', 40),
    retired: z
      .boolean()
      .optional()
      .transform((value) => value ?? false),
  })
  .superRefine((input, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (input.audience === 'staff' && !input.roles?.length) problem('roles', 'Choose the roles it is for.');
    if (input.frequency !== 'termly' && input.months === undefined) problem('months', 'Give how many months between trainings.');
    if (input.frequency === 'inductionThenEvery' && input.audience !== 'staff')
      problem('frequency', 'Induction is for people who start at the school: choose staff (by role).');
    if (input.frequency === 'inductionThenEvery' && input.graceDays === undefined)
      problem('graceDays', 'Give how many days a new starter has.');
  });

export type RequirementInput = z.infer<typeof requirementInputSchema>;

/** The stored requirement for a valid input; `requirementId` is kept from before, or chosen for a new one. */
export function requirementFrom(input: RequirementInput, requirementId: string): Omit<TrainingRequirementRecord, 'id'> {
  const rule: DueRule =
    input.frequency === 'termly'
      ? { kind: 'termly' }
      : input.frequency === 'every'
        ? { kind: 'every', months: input.months! }
        : { kind: 'inductionThenEvery', inductionDays: input.graceDays!, months: input.months! };
  return {
    requirementId,
    title: input.title,
    audience: input.audience,
    ...(input.audience === 'staff' ? { roles: input.roles! } : {}),
    rule,
    policy: input.policy,
    retired: input.retired,
  };
}

/**
 * A new requirement's id, from its title: `online-safety-for-governors`, with `-2`… when taken.
 * Never `refresher-…`, which names the DSL's refreshers.
 */
export function newRequirementId(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/^refresher(?=-|$)/, 'training') || 'training';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
