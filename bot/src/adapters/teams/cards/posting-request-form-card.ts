import { DEVICE_LIMITS } from '../../../domain/devices/approved-device';
import { POSTING_LIMITS, type PostingRequestField } from '../../../domain/posting/posting-request-input';
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
import { choiceSet, pupilPicker } from './pupil-picker';
import { requestVerbs } from '../requests/request-card';

const VERBS = requestVerbs('postingRequest');
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
  /** The approved school devices in use (s.4). */
  devices: { id: string; name: string }[];
  classes: string[];
  /** Pupils on roll in the chosen classes, plus any already picked. */
  pupilChoices: { id: string; displayName: string; className: string }[];
  values: PostingFormValues;
  errors?: Partial<Record<PostingFormField, string>>;
  banner?: { text: string; tone: Tone };
}

/**
 * Up to this many approved devices are offered as a list; a school with more types the device's
 * name as the register has it (the card's size again: the pupil picker takes most of it).
 */
export const MAX_DEVICES_SHOWN = 6;

/**
 * Permission to post (s.4–6). Inputs are not marked required on the card: "Show pupils" sends the
 * form back to fill in the roster, so every field is checked on the server instead.
 */
export function postingRequestFormCard(model: PostingFormModel): AdaptiveCard {
  const { values } = model;
  const errorFor = (field: PostingFormField) => (model.errors?.[field] ? [fieldError(model.errors[field]!)] : []);
  const body: CardElement[] = [
    heading('Ask permission to post on a school account'),
    text(
      'Checks run first (consent, names, personal details, the account); then the headteacher decides (Social Media Policy, sections 4 to 6).',
      { subtle: true },
    ),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  body.push(
    userText(model.requesterName, { label: 'Requested by' }),
    choiceSet(
      'kind',
      'What is it?',
      [
        { title: 'A post on a school account', value: 'post' },
        { title: 'A reminder for parents (for example, trip slips)', value: 'parentReminder' },
      ],
      { value: values.kind ?? 'post' },
    ),
    ...errorFor('kind'),
    model.accounts.length
      ? choiceSet(
          'accountId',
          'School account',
          model.accounts.map((account) => ({ title: account.label, value: account.id })),
          { ...(values.accountId ? { value: values.accountId } : {}), placeholder: 'Choose the account' },
        )
      : text('No school accounts are registered yet: ask the DSL to register the account first (policy section 5).', {
          color: 'attention',
        }),
    ...errorFor('accountId'),
    textInput('text', 'Text of the post', {
      multiline: true,
      maxLength: POSTING_LIMITS.text,
      placeholder: 'Use a general label such as "sports day" — never a pupil\'s full name.',
      ...(values.text ? { value: values.text } : {}),
    }),
    ...errorFor('text'),
    choiceSet(
      'media',
      'Images or videos of pupils (leave both unticked for none)',
      [
        { title: 'Images', value: 'images' },
        { title: 'Videos', value: 'videos' },
      ],
      { multi: true, expanded: true, ...(values.media ? { value: values.media } : {}) },
    ),
    ...errorFor('media'),
    ...deviceQuestion(model),
    ...errorFor('deviceId'),
    {
      type: 'Input.Toggle',
      id: 'facesBlurred',
      title: 'Faces are blurred (pseudonymised)',
      wrap: true,
      value: values.facesBlurred === 'true' ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
    textInput('groupLabel', 'Group label (for example "sports day")', {
      maxLength: POSTING_LIMITS.groupLabel,
      ...(values.groupLabel ? { value: values.groupLabel } : {}),
    }),
    ...errorFor('groupLabel'),
    {
      type: 'Input.Date',
      id: 'postingDate',
      label: 'When you plan to post',
      value: values.postingDate ?? model.today.slice(0, 10),
      min: model.today.slice(0, 10),
    },
    ...errorFor('postingDate'),
    ...pupilPicker({
      heading: 'Pupils shown',
      tickLabel: 'Tick every pupil who can be seen or heard',
      hint: 'Choose classes and press **Show pupils** to tick the pupils in the post. A text-only post needs no pupils.',
      classes: model.classes,
      pupilChoices: model.pupilChoices,
      values,
      errors: {
        ...(model.errors?.classes ? { classes: model.errors.classes } : {}),
        ...(model.errors?.pupilIds ? { pupilIds: model.errors.pupilIds } : {}),
      },
      show: executeAction(
        'Show pupils of these classes',
        VERB_SHOW_PUPILS,
        'submissionKey' in model.target ? { submissionKey: model.target.submissionKey } : { requestId: model.target.requestId },
      ),
    }),
  );
  const send =
    'submissionKey' in model.target
      ? executeAction('Run the checks and send', VERBS.submit, { submissionKey: model.target.submissionKey }, { style: 'positive' })
      : executeAction('Run the checks and resubmit', VERBS.resubmit, { requestId: model.target.requestId }, { style: 'positive' });
  return adaptiveCard(body, { actions: [send] });
}

/** s.4: which approved school device the images or videos were taken on. */
function deviceQuestion({ devices, values }: PostingFormModel): CardElement[] {
  const label = 'Taken on which approved school device?';
  if (devices.length === 0)
    return [text('No school device is approved yet: ask the online safety lead (policy section 4).', { color: 'attention' })];
  if (devices.length > MAX_DEVICES_SHOWN)
    return [
      textInput('deviceName', `${label} (its name on the register)`, {
        maxLength: DEVICE_LIMITS.name,
        ...(values.deviceName ? { value: values.deviceName } : {}),
      }),
    ];
  return [
    choiceSet(
      'deviceId',
      label,
      devices.map((device) => ({ title: device.name, value: device.id })),
      values.deviceId ? { value: values.deviceId } : {},
    ),
  ];
}
