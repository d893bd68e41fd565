import type { ConversationRecord } from '../../ports/conversation.port';
import type { ReminderMessage } from '../../ports/outbox.port';
import type { DeliveryAttempt, ReminderChannel } from '../../ports/reminder-channel.port';
import type { ProactiveSender } from './proactive-sender';
import { reminderCard } from './cards/reminder-card';

/** Reminders through the bot's personal chats: one attempt each, classified for the fan-out. */
export class TeamsReminderChannel implements ReminderChannel {
  constructor(
    private readonly sender: ProactiveSender,
    private readonly tabUrl: (view: string) => string,
  ) {}

  async attempt(to: ConversationRecord, message: ReminderMessage, gate: () => Promise<boolean>): Promise<DeliveryAttempt> {
    const result = await this.sender.sendOnce(to, reminderCard(message, this.tabUrl), gate);
    if (result.ok) return { outcome: 'sent' };
    if (result.skipped) return { outcome: 'skipped' };
    if (result.blocked) return { outcome: 'blocked' };
    const status = result.status;
    // 429 and 5xx: Teams did not (or probably did not) take it; anything else will not get better.
    if (status === 429 || (status !== undefined && status >= 500)) return { outcome: 'retry', status, ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
    return { outcome: 'failed', ...(status !== undefined ? { status } : {}), error: result.error };
  }
}
