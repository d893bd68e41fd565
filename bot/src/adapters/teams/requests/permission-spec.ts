import { readAll } from '../../../app/read-all';
import { whoMay, type Action } from '../../../domain/authorization/permissions';
import { holds, type Person } from '../../../domain/people/person';
import type { PermissionRequest, PermissionStep, PermissionType } from '../../../domain/permission/permission-request';
import { PERMISSION_LIMITS } from '../../../domain/permission/permission-workflow';
import { currentClasses } from '../../../domain/school/pupil';
import { looksLikeAPassword } from '../../../domain/validation/no-password';
import type { Reference } from '../../../domain/workflow/workflow';
import { WORKFLOWS } from '../../../domain/workflow/workflows';
import { PERMISSION_WORKFLOWS } from '../../../domain/permission/permission-workflows';
import {
  adaptiveCard,
  executeAction,
  fieldError,
  heading,
  notice,
  richText,
  text,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
} from '../cards/card-elements';
import { formatDate } from '../cards/format';
import type { TeamsDeps } from '../teams-deps';
import {
  decisionSection,
  requestCard,
  requesterLine,
  requestVerbs,
  signedBy,
  type RequestCardModel,
  type RequestCardSpec,
} from './request-card';
import type { FormOptions, RequestSpec } from './request-spec';

/** One field of a permission's form: what the person is asked, and how they answer. */
export interface PermissionField {
  id: string;
  label: string;
  /** Typed text, a date, one of a few answers, or something the school has (a class, an account, a person). */
  kind: 'text' | 'multiline' | 'date' | 'choice' | Reference;
  /** For `choice`: each answer's value and wording. */
  choices?: Readonly<Record<string, string>>;
  placeholder?: string;
  /** Asked only with some answers (the type's checks say when it is needed). */
  optional?: true;
}

/**
 * A permission's form and wording in Teams: everything its card, form and messages say. The
 * card, the form, the buttons and the messages are built from it the same way for every type.
 */
export interface PermissionForm<T extends PermissionType> {
  type: T;
  /** The form's heading, and what happens next. */
  heading: string;
  intro: string;
  /** Said in bold at the top of the form (a password is never typed here). */
  warning?: string;
  fields: readonly PermissionField[];
  command: { pattern: RegExp; typed: string; what: string; button: string };
  /** How lists name it: one, several. */
  nouns: [one: string, many: string];
  /** Its card's heading, before the reference. */
  title: string;
  /** The last step: its button, what its taker is asked and told, what is recorded. */
  complete: { button: string; asked: string; done: string; noteLabel: string; section: string };
  /** What the headteacher is told once they approved it. */
  approved: string;
  /** The policy section it comes from, for refusals. */
  section: string;
}

const LIMIT: Record<PermissionField['kind'], number> = {
  text: PERMISSION_LIMITS.short,
  multiline: PERMISSION_LIMITS.text,
  date: 10,
  choice: 40,
  class: 40,
  schoolAccount: 12,
  person: PERMISSION_LIMITS.short,
  staff: PERMISSION_LIMITS.short,
};

/** The request type's whole part in Teams, from its form. */
export function permissionSpec<T extends PermissionType>(form: PermissionForm<T>): RequestSpec<T> {
  const workflow = WORKFLOWS[form.type];
  const card = permissionCard(form);
  const done: Record<PermissionStep, string> = {
    approve: form.approved,
    refuse: 'Refused and signed. I am letting the requester know, with your reasons.',
    complete: form.complete.done,
    withdraw: 'Your request has been withdrawn.',
  };
  return {
    type: form.type,
    card: card as RequestSpec<T>['card'],
    noun: 'request',
    command: form.command,
    asked: {
      withHeadteacher: { text: `${form.nouns[0].charAt(0).toUpperCase()}${form.nouns[0].slice(1)} needs your decision.`, tone: 'warning' },
      approved: { text: form.complete.asked, tone: 'warning' },
    } as RequestSpec<T>['asked'],
    done: (step) => ({ text: done[step as PermissionStep], tone: 'good' }),
    links: (deps) => ({ tab: deps.tabLink('waiting') }),
    notPermitted: `Only ${whoMay(workflow.submission.action as Action)} can ask for this (Social Media Policy, ${form.section}).`,
    form: async (deps, person, options) =>
      permissionFormCard(form, await choicesFor(deps, form.fields), person, deps.clock.now().toISOString(), {
        ...options,
        target: options.target ?? { submissionKey: deps.newKey() },
      }),
    formValues: (data) => valuesOf(form, data),
    formValuesOf: (request) => valuesOf(form, (request as PermissionRequest).details),
    keptOnRefusal: (typed) =>
      form.fields
        .filter((field) => field.kind === 'text' || field.kind === 'multiline')
        .map((field) => [field.label, shownBack(typed[field.id])]),
    saved: (request, alreadySaved) =>
      alreadySaved
        ? { text: `This form was already sent as request ${workflow.reference(request.id)}; nothing new was saved.`, tone: 'accent' }
        : {
            text: `Saved as request ${workflow.reference(request.id)} and sent to the headteacher; I'll tell you the decision.`,
            tone: 'good',
          },
    resubmitted: () => ({ text: 'Sent again to the headteacher.', tone: 'good' }),
    cannotEdit: 'This request cannot be changed: withdraw it and ask again.',
    list: { title: form.title, detail: (request) => workflow.summary(request) },
  };
}

/** The card: who asked, each answer as the form put it, the headteacher's decision, and the last step. */
export function permissionCard<T extends PermissionType>(form: PermissionForm<T>): RequestCardSpec<T> {
  const workflow = WORKFLOWS[form.type];
  const verbs = (step: PermissionStep) => `${step}${requestVerbs(form.type).open.slice('open'.length)}`;
  const spec: RequestCardSpec<PermissionType> = {
    type: form.type,
    heading: (request) => `${form.title} ${workflow.reference(request.id)}`,
    tones: { withHeadteacher: 'accent', approved: 'good', completed: 'good', refused: 'attention', withdrawn: 'default' },
    sections: (request) => [
      requesterLine(request, 'Requester'),
      ...form.fields.flatMap((field) => answer(field, request.details)),
      ...decisionSection('Headteacher', 'Approved?', request.decision),
      ...(request.completed
        ? [
            text(form.complete.section, { weight: 'Bolder', size: 'Medium' }),
            richText([`${PERMISSION_WORKFLOWS[form.type].states.completed.label} — `, ...signedBy(request.completed.signature)]),
            ...(request.completed.note ? [userText(request.completed.note, { label: form.complete.noteLabel })] : []),
          ]
        : []),
    ],
    fields: [
      {
        id: 'reasons',
        label: 'Reasons (required if you refuse)',
        steps: ['approve', 'refuse'],
        multiline: true,
        maxLength: PERMISSION_LIMITS.note,
      },
      {
        id: 'note',
        label: `${form.complete.noteLabel} (optional)`,
        steps: ['complete'],
        multiline: true,
        maxLength: PERMISSION_LIMITS.note,
      },
    ],
    buttons: {
      approve: { verb: verbs('approve'), title: 'Approve ✓', style: 'positive' },
      refuse: { verb: verbs('refuse'), title: 'Refuse X', style: 'destructive' },
      complete: { verb: verbs('complete'), title: form.complete.button, style: 'positive' },
      withdraw: { verb: verbs('withdraw'), title: 'Withdraw request', style: 'destructive' },
    },
  };
  return spec as unknown as RequestCardSpec<T>;
}

export function permissionRequestCard<T extends PermissionType>(form: PermissionForm<T>, model: RequestCardModel<T>): AdaptiveCard {
  return requestCard(permissionCard(form), model);
}

function answer(field: PermissionField, details: Record<string, string>): CardElement[] {
  const value = details[field.id];
  if (!value) return [];
  const shown =
    field.kind === 'date'
      ? formatDate(value)
      : field.kind === 'choice'
        ? (field.choices?.[value] ?? value)
        : isReference(field.kind)
          ? (details[`${field.id}Name`] ?? value)
          : value;
  return [userText(shown, { label: field.label })];
}

function isReference(kind: PermissionField['kind']): kind is Reference {
  return kind === 'class' || kind === 'schoolAccount' || kind === 'person' || kind === 'staff';
}

/** The most characters of people to choose from that a form carries; above it, the person is named by typing. */
export const MAX_CHOICE_CHARACTERS = 8_000;

type Choices = Partial<Record<Reference, { value: string; title: string }[]>>;

/** The answers the school's records offer: classes on roll, accounts in use, people in the directory. */
async function choicesFor(deps: Pick<TeamsDeps, 'stores' | 'directory'>, fields: readonly PermissionField[]): Promise<Choices> {
  const kinds = new Set(fields.map((field) => field.kind));
  const choices: Choices = {};
  if (kinds.has('class')) {
    const pupils = await readAll((cursor) => deps.stores.pupils.find({ limit: 500, ...(cursor ? { cursor } : {}) }));
    choices.class = currentClasses(pupils).map((name) => ({ value: name, title: name }));
  }
  if (kinds.has('schoolAccount')) {
    const accounts = await readAll((cursor) =>
      deps.stores.socialAccounts.find({ where: { active: true }, limit: 100, ...(cursor ? { cursor } : {}) }),
    );
    choices.schoolAccount = accounts.map((account) => ({ value: account.id, title: `${account.platform} ${account.handle}` }));
  }
  if (kinds.has('person') || kinds.has('staff')) {
    const people = (await deps.directory.everyone()).sort((a, b) => a.displayName.localeCompare(b.displayName));
    choices.person = people.map((person) => ({ value: person.id, title: person.displayName }));
    choices.staff = people.filter((person) => holds(person, 'staff')).map((person) => ({ value: person.id, title: person.displayName }));
  }
  return choices;
}

/** The form: requester and date from who they are and today, each field with its error under it. */
export function permissionFormCard(
  form: PermissionForm<PermissionType>,
  choices: Choices,
  person: Person,
  now: string,
  options: FormOptions & { target: NonNullable<FormOptions['target']> },
): AdaptiveCard {
  const body: CardElement[] = [heading(form.heading), text(form.intro, { subtle: true })];
  if (form.warning) body.push(text(`**${form.warning}**`, { color: 'attention' }));
  if (options.banner) body.push(notice(options.banner.text, options.banner.tone));
  body.push(userText(person.displayName, { label: 'Requester' }), text(`**Date:** ${formatDate(now)}`));
  for (const field of form.fields) {
    body.push(input(field, choices, shownBack(options.values?.[field.id])));
    const error = options.errors?.[field.id];
    if (error) body.push(fieldError(error));
  }
  const verbs = requestVerbs(form.type);
  const target = options.target;
  const action =
    'submissionKey' in target
      ? executeAction('Send to the headteacher', verbs.submit, { submissionKey: target.submissionKey }, { style: 'positive' })
      : executeAction('Send to the headteacher', verbs.resubmit, { requestId: target.requestId }, { style: 'positive' });
  return adaptiveCard(body, { actions: [action] });
}

function input(field: PermissionField, choices: Choices, value: string | undefined): CardElement {
  const required = !field.optional;
  const label = required ? field.label : `${field.label} (if needed)`;
  const common = { id: field.id, label, ...(required ? { isRequired: true, errorMessage: `${field.label} is required.` } : {}) };
  if (field.kind === 'text' || field.kind === 'multiline') {
    return textInput(field.id, label, {
      required,
      multiline: field.kind === 'multiline',
      maxLength: LIMIT[field.kind],
      ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      ...(value ? { value } : {}),
    });
  }
  if (field.kind === 'date') return { type: 'Input.Date', ...common, ...(value ? { value } : {}) };
  const offered =
    field.kind === 'choice'
      ? Object.entries(field.choices ?? {}).map(([choice, title]) => ({ value: choice, title }))
      : (choices[field.kind] ?? []);
  // A directory too large for one card (Teams' 40 KB) is asked for by name instead: the name is looked up when the form is sent.
  if ((field.kind === 'person' || field.kind === 'staff') && JSON.stringify(offered).length > MAX_CHOICE_CHARACTERS) {
    return textInput(field.id, `${label}: their full name as Teams shows it`, {
      required,
      maxLength: LIMIT.text,
      ...(value ? { value } : {}),
    });
  }
  return {
    type: 'Input.ChoiceSet',
    ...common,
    style: 'compact',
    wrap: true,
    // Long lists (everyone in the directory) can be searched by typing (Adaptive Cards 1.5, Teams).
    ...(offered.length > 10 ? { style: 'filtered' } : {}),
    choices: offered,
    ...(value && offered.some((choice) => choice.value === value) ? { value } : {}),
  };
}

/** Typed text shown back on a refused form, except a password: it is never sent back, as it is never stored. */
function shownBack(value: string | undefined): string | undefined {
  return value && looksLikeAPassword(value) ? undefined : value;
}

/** What the person typed or chose, from card data (never trusted: strings only, cut to size). */
function valuesOf(form: PermissionForm<PermissionType>, data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    const value = data[field.id];
    if (typeof value === 'string') values[field.id] = value.slice(0, LIMIT[field.kind]);
  }
  return values;
}
