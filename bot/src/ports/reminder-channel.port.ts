import type { ConversationRecord } from './conversation.port';
import type { ReminderMessage } from './outbox.port';

/**
 * One attempt to deliver one message. `retry` means Teams surely or probably did not take it
 * (429, 5xx); `blocked` is 403 MessageWritesBlocked (the person blocked or uninstalled the app).
 */
export type DeliveryAttempt =
  | { outcome: 'sent' }
  | { outcome: 'blocked' }
  | { outcome: 'retry'; status: number; retryAfterMs?: number }
  | { outcome: 'failed'; status?: number; error: string };

export interface ReminderChannel {
  attempt(to: ConversationRecord, message: ReminderMessage): Promise<DeliveryAttempt>;
}
