import { LIMITS, type AccessRequestField, type AccessRequestInput, type FieldErrors } from '../../../domain/access/access-request-input';
import {
  adaptiveCard,
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
  values?: Partial<Record<AccessRequestField, string>>;
  errors?: FieldErrors<AccessRequestField>;
  banner?: { text: string; tone: Tone };
}

const FIELDS: { id: AccessRequestField; label: string; placeholder: string; multiline: boolean }[] = [
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
    const error = model.errors?.[field.id];
    if (error) body.push(fieldError(error));
  }
  const action =
    'submissionKey' in model.target
      ? executeAction('Send to the online safety lead', VERBS.submit, { submissionKey: model.target.submissionKey }, { style: 'positive' })
      : executeAction('Resubmit to the online safety lead', VERBS.resubmit, { requestId: model.target.requestId }, { style: 'positive' });
  return adaptiveCard(body, { actions: [action] });
}

export function formValues(input: Partial<AccessRequestInput> | Record<string, unknown>): Partial<Record<AccessRequestField, string>> {
  const values: Partial<Record<AccessRequestField, string>> = {};
  for (const field of FIELDS) {
    const value = (input as Record<string, unknown>)[field.id];
    if (typeof value === 'string') values[field.id] = value.slice(0, LIMITS[field.id]);
  }
  return values;
}
