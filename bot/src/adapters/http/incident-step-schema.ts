import { z } from 'zod';
import type { IncidentStep } from '../../app/act-on-incident';
import { BODY_MAP_LIMITS, BODY_MAP_SIZE, BODY_VIEWS } from '../../domain/incidents/body-map';
import { INCIDENT_STATUSES } from '../../domain/incidents/incident';
import { cpomsSchema, INCIDENT_LIMITS, noteSchema } from '../../domain/incidents/incident-input';
import { INVOLVEMENT_ROLES, PEOPLE_LIMITS } from '../../domain/incidents/incident-people';
import { optionalText, requiredText } from '../../domain/validation/typed-text';

const recordId = z.string().regex(/^\d{1,12}$/);
const personId = z.string().regex(/^[\w-]{1,64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.');
// Never a default: the part a person played is always chosen (a victim must not be tagged as causing harm).
const part = z.enum(INVOLVEMENT_ROLES, { error: 'Choose their part: affected, alleged to have caused harm, witness or other.' });

const followUp = z
  .object({ inWorkingDays: z.number().int().min(1).max(30).optional(), on: day.optional(), assigneeId: personId })
  .refine(
    (asked) => (asked.inWorkingDays === undefined) !== (asked.on === undefined),
    'Give the follow-up either a number of working days or a date.',
  );

const mark = z.object({
  id: z
    .string()
    .regex(/^m\d{1,6}$/)
    .optional(),
  view: z.enum(BODY_VIEWS),
  x: z.number().min(0).max(BODY_MAP_SIZE.width),
  y: z.number().min(0).max(BODY_MAP_SIZE.height),
  note: requiredText('What was seen at each mark', BODY_MAP_LIMITS.note),
});

/** Every step the Incidents tab can send, checked before the use case sees it. */
export const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('action'), text: noteSchema, followUp: followUp.optional() }),
  z.object({ type: z.literal('assign'), personId }),
  z.object({ type: z.literal('status'), to: z.enum(INCIDENT_STATUSES), note: optionalText('Note', INCIDENT_LIMITS.note) }),
  z.object({ type: z.literal('cpoms'), reference: cpomsSchema }),
  z.object({ type: z.literal('police'), contacted: z.boolean(), reason: noteSchema }),
  z.object({
    type: z.literal('link'),
    who: z.union([
      z.object({ pupilId: recordId }),
      z.object({ personId }),
      z.object({ name: requiredText('Their name', PEOPLE_LIMITS.name) }),
    ]),
    role: part,
  }),
  z.object({ type: z.literal('linkRole'), linkId: recordId, role: part }),
  z.object({ type: z.literal('unlink'), linkId: recordId }),
  z.object({
    type: z.literal('bodyMap'),
    marks: z.array(mark).max(BODY_MAP_LIMITS.marks, `A body map holds at most ${BODY_MAP_LIMITS.marks} marks.`),
  }),
  z.object({ type: z.literal('followUpDone'), followUpId: z.string().regex(/^f\d{1,6}$/) }),
  z.object({ type: z.literal('ico'), reported: z.boolean(), reason: noteSchema }),
]);

/** The version of the incident the person was looking at: a change made on an older one is refused. */
const seen = z.object({ version: z.number().int().min(1).optional() });

export function parseStep(
  body: unknown,
): { ok: true; step: IncidentStep; version?: number } | { ok: false; error: string; fields: string[] } {
  const step = stepSchema.safeParse(body);
  if (!step.success)
    return {
      ok: false,
      error: step.error.issues[0]?.message ?? 'That step is not valid.',
      fields: step.error.issues.map((issue) => issue.path.join('.')),
    };
  const version = seen.safeParse(body).data?.version;
  return { ok: true, step: step.data as IncidentStep, ...(version !== undefined ? { version } : {}) };
}
