import { POSTING_LIMITS, type PostingRequestField } from '../../../domain/posting/posting-request-input';
import { adaptiveCard, executeAction, fieldError, heading, notice, text, textInput, userText, type AdaptiveCard, type CardElement, type Tone } from './card-elements';

export const VERB_SUBMIT_POSTING = 'submitPostingRequest';
export const VERB_RESUBMIT_POSTING = 'resubmitPostingRequest';
export const VERB_SHOW_PUPILS = 'showPostingPupils';

/** What the form holds, as the card sends it back: every value a string. */
export type PostingFormField = PostingRequestField | 'classes';
export type PostingFormValues = Partial<Record<PostingFormField, string>>;

export interface PostingFormModel {
  requesterName: string;
  today: string;
  /** A new request carries its submission key; one being changed carries its id. */
  target: { submissionKey: string } | { requestId: string };
  accounts: { id: string; label: string }[];
  classes: string[];
  /** Pupils on roll in the chosen classes, plus any already picked. */
  pupilChoices: { id: string; displayName: string; className: string }[];
  values: PostingFormValues;
  errors?: Partial<Record<PostingFormField, string>>;
  banner?: { text: string; tone: Tone };
}

/** At most this many classes' pupils on one card, so it stays well under Teams' 40 KB limit. */
export const MAX_CLASSES_SHOWN = 3;

function choiceSet(id: string, label: string, choices: { title: string; value: string }[], options: { value?: string; multi?: boolean; expanded?: boolean; placeholder?: string }): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    // Long choices (a pupil's full name and class) wrap on a phone instead of being cut short.
    wrap: true,
    ...(options.value ? { value: options.value } : {}),
    ...(options.multi ? { isMultiSelect: true } : {}),
    ...(options.expanded ? { style: 'expanded' } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  };
}

/**
 * Permission to post (s.4–6). Inputs are not marked required on the card: "Show pupils" sends the
 * form back to fill in the roster, so every field is checked on the server instead.
 */
export function postingRequestFormCard(model: PostingFormModel): AdaptiveCard {
  const { values } = model;
  const errorFor = (field: PostingFormField) => (model.errors?.[field] ? [fieldError(model.errors[field]!)] : []);
  const body: CardElement[] = [
    heading('Ask permission to post on a school account'),
    text('Checks run first (consent, names, personal details, the account); then the headteacher decides (Social Media Policy, sections 4 to 6).', { subtle: true }),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  body.push(
    userText(model.requesterName, { label: 'Requested by' }),
    choiceSet('kind', 'What is it?', [{ title: 'A post on a school account', value: 'post' }, { title: 'A reminder for parents (for example, trip slips)', value: 'parentReminder' }], { value: values.kind ?? 'post' }),
    ...errorFor('kind'),
    model.accounts.length
      ? choiceSet('accountId', 'School account', model.accounts.map((account) => ({ title: account.label, value: account.id })), { ...(values.accountId ? { value: values.accountId } : {}), placeholder: 'Choose the account' })
      : text('No school accounts are registered yet: ask the DSL to register the account first (policy section 5).', { color: 'attention' }),
    ...errorFor('accountId'),
    textInput('text', 'Text of the post', { multiline: true, maxLength: POSTING_LIMITS.text, placeholder: 'Use a general label such as "sports day" — never a pupil\'s full name.', ...(values.text ? { value: values.text } : {}) }),
    ...errorFor('text'),
    choiceSet('media', 'Images or videos of pupils (leave both unticked for none)', [{ title: 'Images', value: 'images' }, { title: 'Videos', value: 'videos' }], { multi: true, expanded: true, ...(values.media ? { value: values.media } : {}) }),
    ...errorFor('media'),
    { type: 'Input.Toggle', id: 'facesBlurred', title: 'Faces are blurred (pseudonymised)', wrap: true, value: values.facesBlurred === 'true' ? 'true' : 'false', valueOn: 'true', valueOff: 'false' },
    textInput('groupLabel', 'Group label (for example "sports day")', { maxLength: POSTING_LIMITS.groupLabel, ...(values.groupLabel ? { value: values.groupLabel } : {}) }),
    ...errorFor('groupLabel'),
    { type: 'Input.Date', id: 'postingDate', label: 'When you plan to post', value: values.postingDate ?? model.today.slice(0, 10), min: model.today.slice(0, 10) },
    ...errorFor('postingDate'),
    ...pupilPicker(model),
  );
  const send = 'submissionKey' in model.target
    ? executeAction('Run the checks and send', VERB_SUBMIT_POSTING, { submissionKey: model.target.submissionKey }, { style: 'positive' })
    : executeAction('Run the checks and resubmit', VERB_RESUBMIT_POSTING, { requestId: model.target.requestId }, { style: 'positive' });
  return adaptiveCard(body, { actions: [send] });
}

/** Pupils are picked from the roster by class; only pupils on roll are offered. */
function pupilPicker(model: PostingFormModel): CardElement[] {
  const { values } = model;
  const elements: CardElement[] = [
    text('Pupils shown', { weight: 'Bolder', spacing: 'Medium' }),
    choiceSet('classes', `Classes (up to ${MAX_CLASSES_SHOWN} at a time)`, model.classes.map((name) => ({ title: name, value: name })), { multi: true, ...(values.classes ? { value: values.classes } : {}), placeholder: 'Choose classes' }),
    ...(model.errors?.classes ? [fieldError(model.errors.classes)] : []),
    { type: 'ActionSet', actions: [executeAction('Show pupils of these classes', VERB_SHOW_PUPILS, 'submissionKey' in model.target ? { submissionKey: model.target.submissionKey } : { requestId: model.target.requestId })] },
  ];
  if (model.pupilChoices.length) {
    elements.push(choiceSet('pupilIds', 'Tick every pupil who can be seen or heard', model.pupilChoices.map((pupil) => ({ title: `${pupil.displayName} (${pupil.className})`, value: pupil.id })), { multi: true, expanded: true, ...(values.pupilIds ? { value: values.pupilIds } : {}) }));
  } else {
    elements.push(text('Choose classes and press **Show pupils** to tick the pupils in the post. A text-only post needs no pupils.', { subtle: true }));
  }
  elements.push(...(model.errors?.pupilIds ? [fieldError(model.errors.pupilIds)] : []));
  return elements;
}
