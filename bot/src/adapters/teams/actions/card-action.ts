import type { Activity, TurnContext } from 'botbuilder';
import type { Person } from '../../../domain/people/person';
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

/** A string from card data, or undefined when absent, of the wrong type or absurdly long. */
export function dataString(data: Record<string, unknown>, field: string, maxLength = 5000): string | undefined {
  const value = Object.prototype.hasOwnProperty.call(data, field) ? data[field] : undefined;
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}
