import type { Action } from '../../../domain/authorization/permissions';
import type { Person } from '../../../domain/people/person';
import type { RecordRef, RecordType } from '../../../domain/records/record-type';
import type { NoticeReason } from '../../../ports/notifier.port';
import type { ReminderAct } from '../../../ports/outbox.port';
import type { CardActionHandler } from '../actions/card-action';
import type { AdaptiveCard, CardAction, CardElement, Tone } from '../cards/card-elements';
import type { TeamsDeps } from '../teams-deps';

/** A typed command: what matches it, what it answers with, and its line on the help card. */
export interface CommandSpec {
  pattern: RegExp;
  run(deps: TeamsDeps, person: Person, typed: string): Promise<AdaptiveCard>;
  /** What to type, what it does, and what a person must be able to do for it to be offered. */
  help?: { command: string; what: string; needs?: Action };
}

/** Something the bot does, declared in one place: its commands, its card verbs and the help card's buttons. */
export interface Feature {
  name: string;
  commands?: readonly CommandSpec[];
  /** Card verb → handler. A verb is claimed by one feature only. */
  actions?: Readonly<Record<string, CardActionHandler>>;
  /** Buttons on the help card in the private chat, offered to those who may use them. */
  buttons?: readonly { title: string; verb: string; needs: Action }[];
}

/** A record loaded for telling people about it: each viewer's card, and the banner that says why they got it. */
export interface RecordCards {
  cardFor(viewer: Person, viewerTeamsId: string | undefined, banner?: { text: string; tone: Tone }): AdaptiveCard;
  /** Why this person gets the card, worded for them. */
  banner(reason: NoticeReason, viewer: Person): { text: string; tone: Tone };
  /** "request A-12", "request to post P-7", "takedown task #3". */
  reference: string;
  /** Nothing more will happen to it (decided and done, refused, withdrawn, closed). */
  finished: boolean;
}

export type CardDeps = Pick<TeamsDeps, 'stores' | 'directory' | 'tabLink' | 'links'>;

/** A feature whose records people are asked to act on, each with its own card. */
export interface RecordFeature extends Feature {
  recordType: RecordType;
  /** The record read fresh, to send or update its cards; undefined when it has no card of its own or is gone. */
  cards(deps: CardDeps, recordId: string): Promise<RecordCards | undefined>;
  /** What a reminder pointing at one of these offers: the inputs and buttons to act there. */
  reminder(act: ReminderAct & { record: RecordRef }): { inputs: CardElement[]; actions: CardAction[] };
}
