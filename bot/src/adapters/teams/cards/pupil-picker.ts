import { fieldError, text, type CardAction, type CardElement } from './card-elements';

/** At most this many classes' pupils on one card, so it stays well under Teams' 40 KB limit. */
export const MAX_CLASSES_SHOWN = 3;

export interface PupilPickerModel {
  /** The picker's heading ("Pupils shown") and what ticking means. */
  heading: string;
  tickLabel: string;
  /** Said until classes are chosen. */
  hint: string;
  classes: string[];
  /** Pupils on roll in the chosen classes, plus any already ticked. */
  pupilChoices: { id: string; displayName: string; className: string }[];
  values: { classes?: string; pupilIds?: string };
  errors?: { classes?: string; pupilIds?: string };
  /** The button that sends the form back with the chosen classes' pupils. */
  show: CardAction;
}

export function choiceSet(
  id: string,
  label: string,
  choices: { title: string; value: string }[],
  options: { value?: string; multi?: boolean; expanded?: boolean; placeholder?: string },
): CardElement {
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

/** Pupils are picked from the roster class by class; only pupils on roll are offered. */
export function pupilPicker(model: PupilPickerModel): CardElement[] {
  const { values } = model;
  const elements: CardElement[] = [
    text(model.heading, { weight: 'Bolder', spacing: 'Medium' }),
    choiceSet(
      'classes',
      `Classes (up to ${MAX_CLASSES_SHOWN} at a time)`,
      model.classes.map((name) => ({ title: name, value: name })),
      { multi: true, ...(values.classes ? { value: values.classes } : {}), placeholder: 'Choose classes' },
    ),
    ...(model.errors?.classes ? [fieldError(model.errors.classes)] : []),
    { type: 'ActionSet', actions: [model.show] },
  ];
  if (model.pupilChoices.length) {
    elements.push(
      choiceSet(
        'pupilIds',
        model.tickLabel,
        model.pupilChoices.map((pupil) => ({ title: `${pupil.displayName} (${pupil.className})`, value: pupil.id })),
        { multi: true, expanded: true, ...(values.pupilIds ? { value: values.pupilIds } : {}) },
      ),
    );
  } else {
    elements.push(text(model.hint, { subtle: true }));
  }
  elements.push(...(model.errors?.pupilIds ? [fieldError(model.errors.pupilIds)] : []));
  return elements;
}
