import type { ConversationRecord } from './conversation.port';
import type { OutboxEntry } from './outbox.port';

/**
 * One attempt to deliver one message. `retry` means Teams surely or probably did not take it
 * (429, 5xx); `blocked` is 403 MessageWritesBlocked (the person blocked or uninstalled the app).
 */
export type DeliveryAttempt =
  | { outcome: 'sent' }
  /** The gate said no: nothing was sent. */
  | { outcome: 'skipped' }
  | { outcome: 'blocked' }
  | { outcome: 'retry'; status: number; retryAfterMs?: number }
  | { outcome: 'failed'; status?: number; error: string };

export interface ReminderChannel {
  /**
   * `gate` is awaited at the last moment before the request leaves for Teams (it waits for the
   * rate limits and marks the message as being sent); when it answers false nothing is sent.
   */
  attempt(to: ConversationRecord, entry: Pick<OutboxEntry, 'personId' | 'message'>, gate: () => Promise<boolean>): Promise<DeliveryAttempt>;
}
