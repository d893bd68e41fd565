import type { RequestOf, StepOf } from '../../../app/requests/request-kinds';
import type { Person } from '../../../domain/people/person';
import type { RequestType } from '../../../domain/records/record-type';
import type { AdaptiveCard } from '../cards/card-elements';
import type { TeamsDeps } from '../teams-deps';
import type { Banner, RequestCardSpec } from './request-card';

/** The form of a request type, as it is sent back: its target, what was typed, what is wrong. */
export interface FormOptions {
  target?: { submissionKey: string } | { requestId: string };
  values?: Record<string, string>;
  errors?: Partial<Record<string, string>>;
  banner?: Banner;
}

/**
 * A request type's part in Teams, next to its definition in the domain: its card, its form, and
 * what its messages say. The engine's one card builder, one step action, one form action and one
 * notice card read it (see docs/approvals.md).
 */
export interface RequestSpec<T extends RequestType> {
  type: T;
  card: RequestCardSpec<T>;
  /** How a message names one, before its reference: "request", "request to post" (P-7). */
  noun: string;
  /** What typing it in the chat opens the form, and its line on the help card. */
  command: { pattern: RegExp; typed: string; what: string; button: string };
  /** Why this person gets the card when it waits on them, by state; anything else says the state. */
  asked: Partial<Record<RequestOf<T>['state'], Banner>>;
  /** What the person who took a step sees on their card straight after. */
  done(step: StepOf<T>, request: RequestOf<T>): Banner;
  /** Where the card's link leads in the tab, and where its photos are seen in full (if it has any). */
  links(deps: Pick<TeamsDeps, 'tabLink' | 'links'>, request: RequestOf<T>): { tab: string; media?: string };
  /** Who may not make one is told this (the policy's section). */
  notPermitted: string;
  form(deps: Pick<TeamsDeps, 'stores' | 'clock' | 'newKey' | 'directory'>, person: Person, options: FormOptions): Promise<AdaptiveCard>;
  /** What the person typed in the form, from card data (never trusted: strings only, cut to size). */
  formValues(data: Record<string, unknown>): Record<string, string>;
  /** A stored request as the form's values, for "Edit and resubmit". */
  formValuesOf(request: RequestOf<T>): Record<string, string>;
  /** The typed text shown back when the form is refused, so nothing is lost. */
  keptOnRefusal(values: Record<string, string>): [label: string, value: string | undefined][];
  saved(request: RequestOf<T>, alreadySaved: boolean): Banner;
  resubmitted(request: RequestOf<T>): Banner;
  cannotEdit: string;
  /** Its part of "my requests": a heading, and one line telling which request it is. */
  list: { title: string; detail(request: RequestOf<T>): string };
}
