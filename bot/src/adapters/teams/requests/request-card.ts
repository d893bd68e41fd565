import type { RequestType } from '../../../domain/records/record-type';
import type { Signature } from '../../../domain/workflow/workflow';
import { isFinished, stateLabel } from '../../../domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../../domain/workflow/workflows';
import type { RequestOf, StepOf } from '../../../app/requests/request-kinds';
import type { Versioned } from '../../../ports/collection.port';
import {
  adaptiveCard,
  dataNotice,
  executeAction,
  fieldError,
  heading,
  notice,
  refreshFor,
  richText,
  text,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
  type RichPart,
  type Tone,
} from '../cards/card-elements';
import { formatDateTime } from '../cards/format';

export interface Banner {
  text: string;
  tone: Tone;
}

/**
 * A request type's own card verbs, named after it (`openAccessRequest`, `submitPostingRequest`…):
 * open it from a list, start its form, send the form, send it again, refresh its card.
 */
export function requestVerbs(type: RequestType): Record<'open' | 'new' | 'submit' | 'resubmit' | 'refresh', string> {
  const name = `${type.charAt(0).toUpperCase()}${type.slice(1)}`;
  return { open: `open${name}`, new: `new${name}`, submit: `submit${name}`, resubmit: `resubmit${name}`, refresh: `refresh${name}` };
}

/** A text input a step takes, shown when any of `steps` is offered (the first of an id wins). */
export interface StepField<Step extends string> {
  id: string;
  label: string;
  steps: readonly Step[];
  maxLength: number;
  multiline?: boolean;
  style?: 'Url';
  placeholder?: string;
}

/** How one request type's card looks: everything the one builder below does not know. */
export interface RequestCardSpec<T extends RequestType> {
  type: T;
  heading(request: RequestOf<T>): string;
  tones: Record<RequestOf<T>['state'], Tone>;
  /** The request's own sections, under its status. `room`: characters of card left for pictures. */
  sections(request: Versioned<RequestOf<T>>, shown: { mediaLink?: string; room: number }): CardElement[];
  fields: readonly StepField<StepOf<T>>[];
  buttons: Record<StepOf<T>, { verb: string; title: string; style?: 'positive' | 'destructive' }>;
  /** Characters of card JSON, when the card shows pictures, before the pictures stop being added. */
  roomFor?: number;
}

export interface RequestCardModel<T extends RequestType> {
  request: Versioned<RequestOf<T>>;
  /** The steps the viewer may take now; empty means a read-only view. */
  steps: StepOf<T>[];
  /** Whether the person this card is for made the request: the status is worded for them. */
  viewerIsRequester: boolean;
  /** The viewer's Teams user id, so Teams refreshes this card for them (user-specific view). */
  viewerTeamsId?: string;
  banner?: Banner;
  /** Why this viewer may (or may not) decide: nobody decides on their own request. */
  decisionNote?: RichPart[];
  /** Text the viewer had typed, kept when the card comes back with an error. */
  values?: Partial<Record<string, string>>;
  errors?: Partial<Record<string, string>>;
  /** Where the request opens in the tab (with its photos and videos in full). */
  mediaLink?: string;
}

/** Any request, as one person sees it: status, the type's sections, the inputs and buttons for their steps. */
export function requestCard<T extends RequestType>(spec: RequestCardSpec<T>, model: RequestCardModel<T>): AdaptiveCard {
  const bare = cardWith(spec, model, 0);
  if (!spec.roomFor) return bare;
  const room = spec.roomFor - JSON.stringify(bare).length;
  return room > 0 ? cardWith(spec, model, room) : bare;
}

function cardWith<T extends RequestType>(spec: RequestCardSpec<T>, model: RequestCardModel<T>, room: number): AdaptiveCard {
  const { request } = model;
  const workflow = WORKFLOWS[spec.type];
  const state = request.state as RequestOf<T>['state'];
  const body: CardElement[] = [
    heading(spec.heading(request)),
    text(`**Status:** ${stateLabel(workflow, state, model.viewerIsRequester)}`, { color: spec.tones[state] }),
  ];
  if (model.banner) body.push(notice(model.banner.text, model.banner.tone));
  if (model.decisionNote) body.push(dataNotice(model.decisionNote, 'accent'));
  body.push(...spec.sections(request, { room, ...(model.mediaLink ? { mediaLink: model.mediaLink } : {}) }), ...inputsFor(spec, model));
  const requestId = { requestId: request.id };
  // The version lets the server spot a card that is out of date; it is never trusted for anything else.
  const stepData = { ...requestId, version: String(request.version) };
  return adaptiveCard(body, {
    actions: model.steps.map((step) => {
      const button = spec.buttons[step];
      return executeAction(button.title, button.verb, stepData, button.style ? { style: button.style } : {});
    }),
    ...(model.viewerTeamsId && !isFinished(workflow, state)
      ? { refresh: refreshFor(requestVerbs(spec.type).refresh, requestId, [model.viewerTeamsId]) }
      : {}),
  });
}

function inputsFor<T extends RequestType>(spec: RequestCardSpec<T>, model: RequestCardModel<T>): CardElement[] {
  const offered = new Set<string>(model.steps);
  const shown = new Set<string>();
  const inputs: CardElement[] = [];
  for (const field of spec.fields) {
    if (shown.has(field.id) || !field.steps.some((step) => offered.has(step))) continue;
    shown.add(field.id);
    const value = model.values?.[field.id];
    const error = model.errors?.[field.id];
    inputs.push(
      textInput(field.id, field.label, {
        maxLength: field.maxLength,
        ...(field.multiline ? { multiline: true } : {}),
        ...(field.style ? { style: field.style } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(value ? { value } : {}),
      }),
      ...(error ? [fieldError(error)] : []),
    );
  }
  return inputs;
}

/** "signed in Teams by Adele Vance on 24 Nov 2026, 10:00" (Appendix A "Signature"). */
export function signedBy(signature: Signature): RichPart[] {
  return ['signed in Teams by ', { text: signature.name, bold: true }, ` on ${formatDateTime(signature.at)}`];
}

/** A decision with its reasons and signature: who decided, and the question they answered. */
export function decisionSection(
  who: string,
  question: string,
  decision: { approved: boolean; reasons: string; signature: Signature } | undefined,
): CardElement[] {
  if (!decision) return [];
  return [
    text(who, { weight: 'Bolder', size: 'Medium' }),
    text(decision.approved ? `**${question}** ✓ Approved` : `**${question}** X Refused`, {
      color: decision.approved ? 'good' : 'attention',
    }),
    ...(decision.reasons ? [userText(decision.reasons, { label: 'Reasons' })] : []),
    richText([{ text: 'Signature: ', bold: true }, ...signedBy(decision.signature)]),
  ];
}

/** Who asked, and when. */
export function requesterLine(request: { requesterName: string; submittedAt: string }, label: string): CardElement {
  return userText(`${request.requesterName}, ${formatDateTime(request.submittedAt)}`, { label });
}
