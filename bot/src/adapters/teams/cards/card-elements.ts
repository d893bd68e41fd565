/**
 * Small typed builders for Adaptive Card 1.5 JSON, so that cards are composed from view models
 * instead of copied JSON. User-supplied text only ever goes through `userText`.
 */
export type CardElement = { type: string } & Record<string, unknown>;
export type CardAction = { type: string; title: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: CardAction; userIds: string[] };
  msteams?: { width: 'Full' };
}

export type Tone = 'default' | 'good' | 'warning' | 'attention' | 'accent';

/**
 * One button goes in the card's action bar. Several are stacked at the end of the body, one
 * ActionSet each: Teams lays the action bar out in a single row, and in a phone's 320 px column
 * three buttons in a row ("Send to the headteacher", "Return to requester"…) are cut short.
 */
export function adaptiveCard(
  body: CardElement[],
  options: { actions?: CardAction[]; refresh?: AdaptiveCard['refresh'] } = {},
): AdaptiveCard {
  const actions = options.actions ?? [];
  const stacked = actions.length > 1 ? actions.map((action): CardElement => ({ type: 'ActionSet', actions: [action] })) : [];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...body, ...stacked],
    ...(actions.length === 1 ? { actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    msteams: { width: 'Full' },
  };
}

/** Text we write ourselves (never user input): markdown allowed. */
export function text(
  value: string,
  options: {
    weight?: 'Bolder';
    size?: 'Small' | 'Medium' | 'Large';
    color?: Tone;
    subtle?: boolean;
    spacing?: 'None' | 'Small' | 'Medium';
  } = {},
): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options, ...(options.color ? { color: toColor(options.color) } : {}) };
}

export function heading(value: string): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

/** A piece of a line that holds data (a name, something typed): shown exactly as it is. */
export type RichPart = string | { text: string; bold?: boolean };

/**
 * Data goes into TextRuns, which Teams does not read as markdown; the `{{DATE()}}`/`{{TIME()}}`
 * functions Teams expands are broken up with an invisible space. Names and typed text only ever
 * reach a card this way.
 */
export function richText(parts: RichPart[], options: { size?: 'Medium'; spacing?: 'None' | 'Small' } = {}): CardElement {
  const inlines = parts.map((part) => {
    const { text: value, bold } = typeof part === 'string' ? { text: part, bold: false } : part;
    return {
      type: 'TextRun',
      text: value.replace(/\{\{/g, '{\u200B{'),
      ...(bold ? { weight: 'Bolder' } : {}),
      ...(options.size ? { size: options.size } : {}),
    };
  });
  return { type: 'RichTextBlock', inlines, ...(options.spacing ? { spacing: options.spacing } : {}) };
}

/** Text someone typed, under an optional label of ours. */
export function userText(value: string, options: { label?: string } = {}): CardElement {
  if (!options.label) return richText([value]);
  return {
    type: 'Container',
    spacing: 'Small',
    items: [text(options.label, { weight: 'Bolder', spacing: 'None' }), richText([value], { spacing: 'None' })],
  };
}

export function notice(value: string, tone: Tone): CardElement {
  return { type: 'Container', style: tone === 'default' ? 'emphasis' : tone, bleed: true, items: [text(value, { weight: 'Bolder' })] };
}

/** A notice whose line holds data (a name), shown exactly as it is. */
export function dataNotice(parts: RichPart[], tone: Tone): CardElement {
  return { type: 'Container', style: tone === 'default' ? 'emphasis' : tone, bleed: true, items: [richText(parts)] };
}

/** A field error shown right under its input. */
export function fieldError(message: string): CardElement {
  return text(message, { color: 'attention', size: 'Small', spacing: 'None' });
}

export function textInput(
  id: string,
  label: string,
  options: { value?: string; required?: boolean; multiline?: boolean; maxLength: number; placeholder?: string; style?: 'Url' | 'Text' },
): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    maxLength: options.maxLength,
    ...(options.value ? { value: options.value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.style === 'Url' ? { style: 'Url' } : {}),
    ...(options.required ? { isRequired: true, errorMessage: `${label} is required.` } : {}),
  };
}

/** Universal Action with an `Action.Submit` fallback for clients that predate Action.Execute. */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, string>,
  options: { style?: 'positive' | 'destructive' } = {},
): CardAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(options.style ? { style: options.style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...(options.style ? { style: options.style } : {}) },
  };
}

export function refreshFor(verb: string, data: Record<string, string>, userIds: string[]): AdaptiveCard['refresh'] {
  return { action: { type: 'Action.Execute', title: 'Refresh', verb, data }, userIds: userIds.slice(0, 60) };
}

function toColor(tone: Tone): string {
  return { default: 'Default', good: 'Good', warning: 'Warning', attention: 'Attention', accent: 'Accent' }[tone];
}
