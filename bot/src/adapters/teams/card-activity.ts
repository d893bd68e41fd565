import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from './cards/card-elements';

/** A message activity carrying one Adaptive Card. */
export function cardActivity(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
