import { z } from 'zod';
import type { Action } from '../authorization/permissions';
import { addDays, toIsoDate, type IsoDate } from '../calendar/dates';
import type { Role } from '../people/role';
import { optionalText, requiredText } from '../validation/typed-text';
import { looksLikeAPassword, NO_PASSWORD_MESSAGE } from '../validation/no-password';
import { finishedStates, refusal, withdrawal } from '../workflow/common-steps';
import { defineWorkflow, type Party, type Reference, type Validated, type WorkflowDefinition } from '../workflow/workflow';
import { openedBy } from '../workflow/workflow-rules';
import type { PermissionAction, PermissionDetails, PermissionRequest, PermissionType } from './permission-request';

/** Sized so that a card showing a whole request stays well under Teams' 40 KB (every-card test). */
export const PERMISSION_LIMITS = { short: 200, text: 1000, note: 1000 } as const;

/** A note or reasons typed on a step: never a password either. */
const stepText = (label: string) =>
  optionalText(label, PERMISSION_LIMITS.note).refine((value) => !looksLikeAPassword(value), NO_PASSWORD_MESSAGE);

/** A short line of text on the form (a platform, a device). */
export const shortText = (label: string) => requiredText(label, PERMISSION_LIMITS.short);
/** A longer text on the form (a purpose, a reason). */
export const longText = (label: string) => requiredText(label, PERMISSION_LIMITS.text);
/** Text that may be left empty. */
export const maybeText = (label: string) => optionalText(label, PERMISSION_LIMITS.short);
/** A school date, as a date input sends it (YYYY-MM-DD) or as typed (DD/MM/YYYY). */
export const dateField = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .transform((value, context) => {
      const date = toIsoDate(value);
      if (!date) context.addIssue({ code: 'custom', message: `${label} must be a real date, for example 07/12/2026.` });
      return date ?? '';
    });
/**
 * A date that may be left empty (needed only with some answers: see the type's checks). Empty or
 * spaces only is no date; anything else is read as a date, with `dateField`'s own words when it is
 * not one (a union of the two would say only "Invalid input").
 */
export const maybeDate = (label: string) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), dateField(label).optional());
/** One of a few answers. */
export const oneOf = <const C extends readonly [string, ...string[]]>(label: string, choices: C) =>
  z.enum(choices, { error: `Choose ${label.toLowerCase()}.` });

/** A period from `start` to `end`: not begun before today, not ended before it began, at most a school year. */
export function periodProblems(
  start: IsoDate | undefined,
  end: IsoDate | undefined,
  today: IsoDate,
  fields: { start: string; end: string },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (start && start < today) problems[fields.start] = 'The start date cannot be in the past.';
  if (end && end < today) problems[fields.end] = 'The end date cannot be in the past.';
  else if (start && end && end < start) problems[fields.end] = 'The end date must be on or after the start date.';
  else if (start && end && end > addDays(start, 366))
    problems[fields.end] = 'A permission lasts a school year at most: ask again for the next one.';
  return problems;
}

/** What one of the smaller permissions says about itself; the rest is the same for each (below). */
export interface PermissionOptions {
  type: PermissionType;
  name: string;
  /** The letters of its reference: "PA" makes "PA-12". */
  prefix: string;
  /** The form's fields and their rules; each field's text is kept as typed (trimmed). */
  form: z.ZodObject<Record<string, z.ZodType<string | undefined>>>;
  /** Checks across fields (a period, a field needed only with another answer), by field. */
  check?(details: PermissionDetails, today: IsoDate): Record<string, string>;
  refersTo?: Readonly<Record<string, Reference>>;
  summary(details: PermissionDetails): string;
  /** Who sees every one (the others see their own, and those they took a step on). */
  viewAll: Action;
  /** Once approved: who completes it, and when the wait starts counting. */
  approved: {
    label: string;
    waitsOn: Party;
    escalateTo?: Role;
    waitsFrom?(request: PermissionRequest): string;
    remindAfter?: number;
    reminder?: string;
  };
  complete: { label: string; done: string; noteLabel: string };
  nudges?: { remindAfter: number; escalateAfter: number };
}

/** The actions of a type, from the permissions table: `<type>.approve` and so on. */
function actionOf(type: PermissionType, step: 'submit' | 'approve' | 'refuse' | 'complete' | 'withdraw'): Action {
  return `${type}.${step}` as Action;
}

/**
 * One of the policy's smaller permissions as a workflow definition: the headteacher approves or
 * refuses it with reasons (no self-approval: deciders.ts), then it waits on whoever completes it;
 * the requester may withdraw it until it is decided. No field may hold a password.
 */
export function permissionWorkflow(options: PermissionOptions): WorkflowDefinition<PermissionRequest, PermissionAction, PermissionDetails> {
  const { type } = options;
  return defineWorkflow<PermissionRequest, PermissionAction, PermissionDetails>({
    type,
    name: options.name,
    summary: (request) => options.summary(request.details),
    auditName: type.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
    reference: (id) => `${options.prefix}-${id}`,
    viewAll: options.viewAll,
    states: {
      withHeadteacher: { label: 'With the headteacher', waitsOn: 'headteacher', escalateTo: 'chairOfGovernors' },
      approved: {
        label: options.approved.label,
        waitsOn: options.approved.waitsOn,
        ...(options.approved.escalateTo ? { escalateTo: options.approved.escalateTo } : {}),
        ...(options.approved.waitsFrom ? { waitsFrom: options.approved.waitsFrom as (record: never) => string } : {}),
        ...(options.approved.remindAfter !== undefined ? { remindAfter: options.approved.remindAfter } : {}),
        ...(options.approved.reminder ? { reminder: options.approved.reminder } : {}),
      },
      ...finishedStates({ completed: options.complete.done, refused: 'Refused', withdrawn: 'Withdrawn' }),
    },
    steps: {
      approve: {
        action: actionOf(type, 'approve'),
        from: ['withHeadteacher'],
        label: 'approve this request',
        fields: { reasons: stepText('Reasons') },
        apply: (_request, step, signature) => ({
          changes: { state: 'approved', decision: { approved: true, reasons: step.reasons ?? '', signature } },
          ...(step.reasons ? { note: step.reasons } : {}),
        }),
      },
      refuse: {
        ...refusal<PermissionRequest>(
          actionOf(type, 'refuse'),
          ['withHeadteacher'],
          'refuse this request',
          'A refusal needs reasons, so the requester knows why.',
        ),
        fields: { reasons: stepText('Reasons') },
      },
      complete: {
        action: actionOf(type, 'complete'),
        from: ['approved'],
        label: options.complete.label,
        fields: { note: stepText(options.complete.noteLabel) },
        apply: (_request, step, signature) => ({
          changes: { state: 'completed', completed: { note: step.note ?? '', signature } },
          ...(step.note ? { note: step.note } : {}),
        }),
      },
      withdraw: withdrawal<PermissionRequest>(actionOf(type, 'withdraw'), ['withHeadteacher']),
    },
    told: {
      submit: { act: ['headteacher'], informed: [] },
      approve: { act: options.approved.waitsOn === 'requester' ? [] : [options.approved.waitsOn], informed: ['requester'] },
      refuse: { act: [], informed: ['requester'] },
      complete: { act: [], informed: options.approved.waitsOn === 'requester' ? ['headteacher'] : ['requester'] },
      withdraw: { act: [], informed: [] },
    },
    nudges: options.nudges ?? { remindAfter: 2, escalateAfter: 3 },
    submission: {
      action: actionOf(type, 'submit'),
      read: (form, today) => readPermissionForm(options, form, today),
      open: (details, requester, submissionKey, now) => ({
        requestType: type,
        details,
        ...openedBy(requester, submissionKey, now, 'withHeadteacher' as const, 'submit' as const),
      }),
      audit: () => `${options.name} request submitted`,
      ...(options.refersTo ? { refersTo: options.refersTo } : {}),
    },
  });
}

/** The form, checked: each field's rule, the checks across fields, and no password anywhere. Every wrong field gets its message. */
export function readPermissionForm(
  options: Pick<PermissionOptions, 'form' | 'check'>,
  form: unknown,
  today: IsoDate,
): Validated<PermissionDetails> {
  const raw = typeof form === 'object' && form !== null && !Array.isArray(form) ? (form as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const details: PermissionDetails = {};
  for (const [field, rule] of Object.entries(options.form.shape)) {
    const read = (rule as z.ZodType<string | undefined>).safeParse(raw[field] ?? undefined);
    if (!read.success) errors[field] = read.error.issues[0]?.message ?? 'This field could not be read.';
    else if (read.data && looksLikeAPassword(read.data)) errors[field] = NO_PASSWORD_MESSAGE;
    else if (read.data) details[field] = read.data;
  }
  for (const [field, problem] of Object.entries(options.check?.(details, today) ?? {})) errors[field] ??= problem;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: details };
}
