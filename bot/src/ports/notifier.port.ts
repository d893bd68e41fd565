import type { RecordRef } from '../domain/records/record-type';
import type { Versioned } from './collection.port';
import type { OutboxEntry, OutboxStatus } from './outbox.port';

export type NoticeReason = 'needs-your-action' | 'status-changed';

/** How each entry handed to `deliver` went, by entry id; `alreadyDone` when another run had sent it. */
export type DeliveryOutcomes = Map<string, OutboxStatus | 'alreadyDone'>;

/** Tells people in Teams about records, and keeps the cards already sent up to date. */
export interface Notifier {
  /**
   * Sends outbox entries already stored under their idempotency keys, in order, each at most once
   * ever (an entry already sent, or being sent elsewhere, is left alone).
   */
  deliver(entries: readonly Versioned<OutboxEntry>[]): Promise<DeliveryOutcomes>;
  /**
   * Brings every card already sent about the record up to date, except the card just clicked:
   * Teams has already shown the clicker their answer, which must not be overwritten.
   */
  refreshCards(record: RecordRef, exceptActivityId?: string): Promise<void>;
}
