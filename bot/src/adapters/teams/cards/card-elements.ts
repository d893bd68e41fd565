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

export function adaptiveCard(body: CardElement[], options: { actions?: CardAction[]; refresh?: AdaptiveCard['refresh'] } = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(options.actions?.length ? { actions: options.actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    msteams: { width: 'Full' },
  };
}

/** Text we write ourselves (never user input): markdown allowed. */
export function text(value: string, options: { weight?: 'Bolder'; size?: 'Small' | 'Medium' | 'Large'; color?: Tone; subtle?: boolean; spacing?: 'None' | 'Small' | 'Medium' } = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options, ...(options.color ? { color: toColor(options.color) } : {}) };
}

export function heading(value: string): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

/**
 * Text someone typed, shown exactly as typed: a TextRun does not interpret markdown, and the
 * `{{DATE()}}`/`{{TIME()}}` functions Teams expands are broken up with an invisible space.
 */
export function userText(value: string, options: { label?: string; weight?: 'Bolder' } = {}): CardElement {
  const run = { type: 'TextRun', text: value.replace(/\{\{/g, '{\u200B{'), ...(options.weight ? { weight: options.weight } : {}) };
  const block: CardElement = { type: 'RichTextBlock', inlines: [run] };
  if (!options.label) return block;
  return { type: 'Container', spacing: 'Small', items: [text(options.label, { weight: 'Bolder', spacing: 'None' }), { ...block, spacing: 'None' }] };
}

export function notice(value: string, tone: Tone): CardElement {
  return { type: 'Container', style: tone === 'default' ? 'emphasis' : tone, bleed: true, items: [text(value, { weight: 'Bolder' })] };
}

/** A field error shown right under its input. */
export function fieldError(message: string): CardElement {
  return text(message, { color: 'attention', size: 'Small', spacing: 'None' });
}

export function textInput(id: string, label: string, options: { value?: string; required?: boolean; multiline?: boolean; maxLength: number; placeholder?: string; style?: 'Url' | 'Text' }): CardElement {
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
export function executeAction(title: string, verb: string, data: Record<string, string>, options: { style?: 'positive' | 'destructive' } = {}): CardAction {
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

/** For names from the directory shown inside our own markdown text. */
export function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, '\\$1');
}
