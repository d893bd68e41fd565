import type { Activity, TurnContext } from 'botbuilder';
import type { Person } from '../../../domain/people/person';
import type { CardMessageRecord } from '../../../ports/conversation.port';
import { rememberCardMessage } from '../card-messages';
import type { AdaptiveCard } from '../cards/card-elements';
import type { TeamsDeps } from '../teams-deps';

/** Everything a card-action handler gets. `data` came back from the client and is not trusted. */
export interface ActionContext {
  deps: TeamsDeps;
  actor: Person;
  data: Record<string, unknown>;
  turn: TurnContext;
  activity: Activity;
}

/** One handler per verb; it answers with the card the clicking user should now see. */
export type CardActionHandler = (context: ActionContext) => Promise<AdaptiveCard>;

/**
 * Thrown when nothing could be done and the clicked card should stay as it was (so the person can
 * simply try again): Teams shows the message and leaves the card unchanged.
 */
export class CardActionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CardActionFailure';
  }
}

/** A short identifier from card data, or undefined when absent, of the wrong type or too long. */
export function dataString(data: Record<string, unknown>, field: string, maxLength: number): string | undefined {
  const value = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}

/** Text a person typed into a card input, whatever its length: the validators judge it. */
export function typedText(data: Record<string, unknown>, field: string): string {
  const value = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The record version the card was showing; used only to spot an out-of-date card. */
export function seenVersion(data: Record<string, unknown>): number | undefined {
  const value = dataString(data, 'version', 12);
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Remembers the card that was clicked (or just sent) so that later steps update it. Losing this
 * only means one card will not update itself, so a failure is logged and the step goes on.
 */
export async function rememberCard(context: ActionContext, recordId: string, activityId = context.activity.replyToId): Promise<void> {
  const card = clickedCard(context, recordId, activityId);
  if (!card) return;
  try {
    await rememberCardMessage(context.deps.stores, card);
  } catch (error) {
    context.deps.log.warn(`Could not remember a card for record ${recordId} (${error instanceof Error ? error.name : 'unknown error'})`);
  }
}

/** The card that was clicked (or just sent), as it is remembered against a record; undefined when Teams did not say which. */
export function clickedCard(
  { deps, activity }: ActionContext,
  recordId: string,
  activityId = activity.replyToId,
): Omit<CardMessageRecord, 'id'> | undefined {
  if (!activityId || !activity.from.aadObjectId) return undefined;
  return {
    recordId,
    aadObjectId: activity.from.aadObjectId,
    conversationId: activity.conversation.id,
    activityId,
    sentAt: deps.clock.now().toISOString(),
  };
}
