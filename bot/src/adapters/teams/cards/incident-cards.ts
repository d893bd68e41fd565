import { CATEGORY_LABELS, INCIDENT_CATEGORIES, INVOLVED, INVOLVED_LABELS, WHERE, WHERE_LABELS } from '../../../domain/incidents/incident';
import { ROLE_LABELS, type Role } from '../../../domain/people/role';
import { INCIDENT_LIMITS, type IncidentField } from '../../../domain/incidents/incident-input';
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
  type CardAction,
  type CardElement,
  type Tone,
} from './card-elements';
import { fits } from './fit-card';
import { pupilPicker, type PupilPickerModel } from './pupil-picker';

export const VERB_REPORT_CONCERN = 'reportConcern';
export const VERB_NEW_CONCERN = 'newConcern';
export const VERB_SHOW_CONCERN_PUPILS = 'showConcernPupils';
/** In the message action's dialog, "Show pupils" is a submit that carries this instead of a verb. */
export const SHOW_PUPILS_FLAG = 'showPupils';

export type ConcernFormValues = Partial<Record<IncidentField | 'classes', string>> & { sourceAuthor?: string; sourceLink?: string };

export interface ConcernFormModel {
  submissionKey: string;
  today: string;
  values?: ConcernFormValues;
  errors?: Partial<Record<IncidentField | 'classes', string>>;
  banner?: { text: string; tone: Tone };
  /** `chat`: Action.Execute in the bot's chat; `dialog`: Action.Submit inside a message-extension dialog. */
  surface: 'chat' | 'dialog';
  /** The roster to name pupils from (none: the form has no pupil picker). */
  pupils?: Pick<PupilPickerModel, 'classes' | 'pupilChoices'>;
}

function choiceSet(
  id: IncidentField,
  label: string,
  choices: readonly string[],
  labels: Record<string, string>,
  value?: string,
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    // Long choices wrap on a phone instead of being cut short.
    wrap: true,
    isRequired: true,
    errorMessage: `Choose ${label.toLowerCase()}.`,
    choices: choices.map((choice) => ({ title: labels[choice]!, value: choice })),
    ...(value && choices.includes(value) ? { value } : {}),
  };
}

/**
 * The "report a concern" form (s.8): the same fields in the chat and in the message action's
 * dialog. When a long message was brought in and several classes are chosen, not every pupil fits
 * in a card Teams takes: fewer are offered (those ticked always stay) and the form says so.
 */
export function concernFormCard(model: ConcernFormModel): AdaptiveCard {
  let card = buildConcernForm(model);
  const ticked = new Set((model.values?.pupilIds ?? '').split(','));
  let choices = model.pupils?.pupilChoices ?? [];
  while (model.pupils && !fits(card)) {
    const unticked = choices.filter((pupil) => !ticked.has(pupil.id));
    if (unticked.length === 0) break;
    const kept = new Set(unticked.slice(0, Math.floor(unticked.length * 0.75)).map((pupil) => pupil.id));
    choices = choices.filter((pupil) => ticked.has(pupil.id) || kept.has(pupil.id));
    card = buildConcernForm({
      ...model,
      pupils: { ...model.pupils, pupilChoices: choices },
      errors: { ...model.errors, classes: 'Not every pupil of these classes fits on this form: choose one class at a time.' },
    });
  }
  return card;
}

function buildConcernForm(model: ConcernFormModel): AdaptiveCard {
  const values = model.values ?? {};
  const errors = model.errors ?? {};
  const withError = (element: CardElement, field: IncidentField): CardElement[] =>
    errors[field] ? [element, fieldError(errors[field]!)] : [element];
  const body: CardElement[] = [
    heading('Report a concern'),
    text('It goes straight to the person who deals with it under the Social Media Policy (section 8). Only they and the DSL will see it.', {
      subtle: true,
    }),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  if (values.sourceAuthor || values.sourceLink)
    body.push(userText(values.sourceAuthor || 'unknown', { label: 'Reported from a Teams message by' }));
  body.push(
    ...withError(
      textInput('whatHappened', 'What happened', {
        required: true,
        multiline: true,
        maxLength: INCIDENT_LIMITS.whatHappened,
        placeholder: 'What you saw or were told, in your own words',
        ...(values.whatHappened ? { value: values.whatHappened } : {}),
      }),
      'whatHappened',
    ),
    ...withError(
      {
        type: 'Input.Date',
        id: 'occurredOn',
        label: 'When it happened',
        isRequired: true,
        errorMessage: 'Give the date it happened.',
        max: model.today.slice(0, 10),
        value: values.occurredOn ?? model.today.slice(0, 10),
      },
      'occurredOn',
    ),
    ...withError(choiceSet('where', 'Where', WHERE, WHERE_LABELS, values.where), 'where'),
    ...withError(
      textInput('platform', 'Platform or device (optional)', {
        maxLength: INCIDENT_LIMITS.platform,
        placeholder: 'For example: Instagram, a Year 6 laptop, the school X account',
        ...(values.platform ? { value: values.platform } : {}),
      }),
      'platform',
    ),
    ...withError(choiceSet('involved', 'Who is involved', INVOLVED, INVOLVED_LABELS, values.involved), 'involved'),
    ...withError(choiceSet('category', 'Category', INCIDENT_CATEGORIES, CATEGORY_LABELS, values.category), 'category'),
  );
  const data: Record<string, string> = {
    submissionKey: model.submissionKey,
    ...(values.sourceAuthor ? { sourceAuthor: values.sourceAuthor } : {}),
    ...(values.sourceLink ? { sourceLink: values.sourceLink } : {}),
  };
  if (model.pupils) {
    body.push(
      ...pupilPicker({
        heading: 'Pupils involved (optional)',
        tickLabel: 'Tick the pupils involved: the DSL confirms what part each had',
        hint: 'Choose their classes and press **Show pupils** to tick the pupils involved, or leave this for the DSL.',
        ...model.pupils,
        values: { ...(values.classes ? { classes: values.classes } : {}), ...(values.pupilIds ? { pupilIds: values.pupilIds } : {}) },
        errors: { ...(errors.classes ? { classes: errors.classes } : {}), ...(errors.pupilIds ? { pupilIds: errors.pupilIds } : {}) },
        show:
          model.surface === 'chat'
            ? executeAction('Show pupils of these classes', VERB_SHOW_CONCERN_PUPILS, data)
            : { type: 'Action.Submit', title: 'Show pupils of these classes', data: { ...data, [SHOW_PUPILS_FLAG]: 'yes' } },
      }),
    );
  }
  const send: CardAction =
    model.surface === 'chat'
      ? executeAction('Send the concern', VERB_REPORT_CONCERN, data, { style: 'positive' })
      : { type: 'Action.Submit', title: 'Send the concern', style: 'positive', data };
  return adaptiveCard(body, { actions: [send] });
}

/** The roles a concern can go to instead, as a sentence names them. */
const FALLBACK_LABELS: Partial<Record<Role, string>> = { dsl: 'DSL', deputyDsl: 'deputy DSL', chairOfGovernors: 'chair of governors' };

/** What happened to the concern once saved, as the reporter is told it. */
export type ConcernSavedOutcome = 'told' | 'toldInstead' | 'nobodyTold' | 'stillSending' | 'alreadySaved';

/**
 * What the reporter sees once it is saved: the reference and the truth about who was told, and
 * nothing more, ever. `toldRoles` names who was told instead when nobody it was routed to could be.
 */
export function concernSavedCard(
  saved: { reference: string; routedToLabel: string; aboutHeadteacher: boolean },
  told: { outcome: ConcernSavedOutcome; toldRoles?: readonly Role[] },
): AdaptiveCard {
  const { reference, routedToLabel } = saved;
  const after = `For confidentiality you will not see it again here; quote **${reference}** if you need to add anything.`;
  const instead =
    (told.toldRoles ?? []).map((role) => FALLBACK_LABELS[role] ?? ROLE_LABELS[role].toLowerCase()).join(' or ') ||
    'someone else who deals with it';
  const lines: Record<ConcernSavedOutcome, string> = {
    told: `It has gone to the ${routedToLabel}, who will deal with it. ${after}`,
    toldInstead: `The ${routedToLabel} could not be reached yet, so it has gone to the ${instead} instead. ${after}`,
    nobodyTold: `Nobody who deals with it could be told of it yet: I will keep trying until someone is. ${after}`,
    stillSending: `It is being sent to the ${routedToLabel} now; if nobody can be reached, I will tell you in your chat with me. ${after}`,
    alreadySaved: after,
  };
  const headline =
    told.outcome === 'alreadySaved'
      ? `This form was already sent as ${reference}; nothing new was saved.`
      : told.outcome === 'nobodyTold'
        ? `Your concern is saved as ${reference}, but nobody could be told yet.`
        : `Thank you. Your concern is saved as ${reference}.`;
  // A concern about the headteacher: the DSL in school may be the headteacher.
  const danger = saved.aboutHeadteacher
    ? 'If a child is in immediate danger, call 999 now.'
    : 'If a child is in immediate danger, tell the DSL in person now or call 999.';
  return adaptiveCard([
    notice(headline, told.outcome === 'nobodyTold' ? 'warning' : told.outcome === 'alreadySaved' ? 'accent' : 'good'),
    text(lines[told.outcome]),
    text(danger, { subtle: told.outcome !== 'nobodyTold' }),
  ]);
}

/** The typed values to put back into a form that needs correcting. */
export function concernValues(data: Record<string, unknown>): ConcernFormValues {
  const values: ConcernFormValues = {};
  for (const field of [
    'whatHappened',
    'occurredOn',
    'where',
    'platform',
    'involved',
    'category',
    'sourceAuthor',
    'sourceLink',
    'classes',
    'pupilIds',
  ] as const) {
    const value = data[field];
    if (typeof value === 'string') values[field] = value.slice(0, INCIDENT_LIMITS.whatHappened);
  }
  return values;
}
