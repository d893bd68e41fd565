import { LIMITS, type AccessRequestField, type AccessRequestInput, type FieldErrors } from '../../../domain/access/access-request-input';
import { SCOPE_LABELS, UNBLOCK_SCOPES } from '../../../domain/access/unblock';
import {
  adaptiveCard,
  choiceInput,
  dateInput,
  executeAction,
  fieldError,
  heading,
  notice,
  text,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
  type Tone,
} from './card-elements';
import { formatDate } from './format';
import { requestVerbs } from '../requests/request-card';

const VERBS = requestVerbs('accessRequest');

export interface AccessRequestFormModel {
  requesterName: string;
  today: string;
  /** A new request carries its submission key; a returned one being edited carries its id. */
  target: { submissionKey: string } | { requestId: string };
  /** The classes and year groups of the pupils on roll, to open the site for one of them. */
  groups: { classes: string[]; yearGroups: string[] };
  values?: Partial<Record<AccessRequestField, string>>;
  errors?: FieldErrors<AccessRequestField>;
  banner?: { text: string; tone: Tone };
}

type TextField = Extract<AccessRequestField, 'url' | 'siteContent' | 'reasons' | 'risksAndControls'>;

const FIELDS: { id: TextField; label: string; placeholder: string; multiline: boolean }[] = [
  { id: 'url', label: 'Full URL', placeholder: 'https://www.example.org/the-page-you-need', multiline: false },
  { id: 'siteContent', label: 'Site content', placeholder: 'What is on the site?', multiline: true },
  { id: 'reasons', label: 'Reasons for access', placeholder: 'How will it be used in school?', multiline: true },
  {
    id: 'risksAndControls',
    label: 'Identified risks and control measures',
    placeholder: 'What could go wrong, and how will you manage it?',
    multiline: true,
  },
];

/** Appendix A, the requester's half: requester and date come from who they are and today. */
export function accessRequestFormCard(model: AccessRequestFormModel): AdaptiveCard {
  const body: CardElement[] = [
    heading('Ask for a blocked website to be opened'),
    text('Your request goes to the online safety lead, then to the headteacher for a decision (Social Media Policy, section 9).', {
      subtle: true,
    }),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  body.push(userText(model.requesterName, { label: 'Requester' }), text(`**Date:** ${formatDate(model.today)}`));
  for (const field of FIELDS) {
    body.push(
      textInput(field.id, field.label, {
        required: true,
        multiline: field.multiline,
        maxLength: LIMITS[field.id],
        placeholder: field.placeholder,
        ...(field.id === 'url' ? { style: 'Url' as const } : {}),
        ...(model.values?.[field.id] ? { value: model.values[field.id] } : {}),
      }),
    );
    body.push(...errorFor(model, field.id));
  }
  body.push(...periodAndScope(model));
  const action =
    'submissionKey' in model.target
      ? executeAction('Send to the online safety lead', VERBS.submit, { submissionKey: model.target.submissionKey }, { style: 'positive' })
      : executeAction('Resubmit to the online safety lead', VERBS.resubmit, { requestId: model.target.requestId }, { style: 'positive' });
  return adaptiveCard(body, { actions: [action] });
}

const choices = (names: string[], prefix: string) => names.map((name) => ({ title: `${prefix} ${name}`, value: name }));

/** Who the site is opened for and for how long (every unblock ends: an empty last day is the end of the term). */
function periodAndScope(model: AccessRequestFormModel): CardElement[] {
  const value = (id: AccessRequestField) => (model.values?.[id] ? { value: model.values[id] } : {});
  return [
    text('Who and for how long', { weight: 'Bolder', size: 'Medium' }),
    choiceInput(
      'scope',
      'Open it for',
      UNBLOCK_SCOPES.map((scope) => ({ title: SCOPE_LABELS[scope], value: scope })),
      { required: true, ...value('scope') },
    ),
    ...errorFor(model, 'scope'),
    choiceInput('scopeClass', 'Which class (for one class)', choices(model.groups.classes, 'Class'), value('scopeClass')),
    ...errorFor(model, 'scopeClass'),
    choiceInput(
      'scopeYearGroup',
      'Which year group (for a year group)',
      choices(model.groups.yearGroups, 'Year group'),
      value('scopeYearGroup'),
    ),
    ...errorFor(model, 'scopeYearGroup'),
    dateInput('periodFrom', 'First day (empty: today)', value('periodFrom')),
    ...errorFor(model, 'periodFrom'),
    dateInput('periodTo', 'Last day (empty: the end of the term; at most a year)', value('periodTo')),
    ...errorFor(model, 'periodTo'),
  ];
}

function errorFor(model: AccessRequestFormModel, field: AccessRequestField): CardElement[] {
  const error = model.errors?.[field];
  return error ? [fieldError(error)] : [];
}

const OTHER_FIELDS: readonly AccessRequestField[] = ['scope', 'scopeClass', 'scopeYearGroup', 'periodFrom', 'periodTo'];

/** What the person typed, from card data (never trusted: strings only, cut to size). */
export function formValues(input: Record<string, unknown>): Partial<Record<AccessRequestField, string>> {
  const values: Partial<Record<AccessRequestField, string>> = {};
  for (const field of FIELDS) {
    const value = input[field.id];
    if (typeof value === 'string') values[field.id] = value.slice(0, LIMITS[field.id]);
  }
  for (const field of OTHER_FIELDS) {
    const value = input[field];
    if (typeof value === 'string') values[field] = value.slice(0, LIMITS.group);
  }
  return values;
}

/** A saved request as its form, for "Edit and resubmit". */
export function requestFormValues(request: AccessRequestInput): Partial<Record<AccessRequestField, string>> {
  const { scope, period } = request;
  return formValues({
    ...request,
    ...(scope
      ? {
          scope: scope.kind,
          ...(scope.kind === 'class' ? { scopeClass: scope.group } : scope.kind === 'yearGroup' ? { scopeYearGroup: scope.group } : {}),
        }
      : {}),
    ...(period ? { periodFrom: period.from, periodTo: period.to } : {}),
  });
}
