import type { ConversationRecord } from '../../ports/conversation.port';
import type { OutboxEntry } from '../../ports/outbox.port';
import type { DeliveryAttempt, ReminderChannel } from '../../ports/reminder-channel.port';
import type { OutboxCards } from './outbox-cards';
import type { ProactiveSender } from './proactive-sender';

/** Outbox messages through the bot's personal chats: one attempt each, classified for the fan-out. */
export class TeamsReminderChannel implements ReminderChannel {
  constructor(
    private readonly sender: ProactiveSender,
    private readonly cards: OutboxCards,
  ) {}

  async attempt(
    to: ConversationRecord,
    entry: Pick<OutboxEntry, 'personId' | 'message'>,
    gate: () => Promise<boolean>,
  ): Promise<DeliveryAttempt> {
    const card = await this.cards.cardFor(entry, to);
    if (!card) return { outcome: 'failed', error: 'NothingToSend' };
    const result = await this.sender.sendOnce(to, card, gate);
    if (result.ok) {
      await this.cards.sent(entry, to, result.activityId);
      return { outcome: 'sent' };
    }
    if (result.skipped) return { outcome: 'skipped' };
    if (result.blocked) return { outcome: 'blocked' };
    const status = result.status;
    // 429 and 5xx: Teams did not (or probably did not) take it; anything else will not get better.
    if (status === 429 || (status !== undefined && status >= 500))
      return { outcome: 'retry', status, ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
    return { outcome: 'failed', ...(status !== undefined ? { status } : {}), error: result.error };
  }
}
