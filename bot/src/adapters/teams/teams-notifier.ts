import type { Logger } from '../../app/app-deps';
import { conversationKey } from '../../app/remember-conversation';
import type { RecordRef } from '../../domain/records/record-type';
import type { Versioned } from '../../ports/collection.port';
import type { DeliveryOutcomes, Notifier } from '../../ports/notifier.port';
import type { OutboxEntry } from '../../ports/outbox.port';
import { allCardMessages, cardKey } from './card-messages';
import type { CardDeps } from './features/feature';
import { RECORD_FEATURES } from './features/registry';
import type { ProactiveSender } from './proactive-sender';

/**
 * Tells people in their personal chat with the bot. New messages go through the outbox and its pace
 * (`deliver`: each at most once ever); cards already sent are updated in place, re-reading the record
 * for each viewer.
 */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly deps: CardDeps & { log: Logger },
    private readonly sender: ProactiveSender,
    readonly deliver: (entries: readonly Versioned<OutboxEntry>[]) => Promise<DeliveryOutcomes>,
  ) {}

  async refreshCards(ref: RecordRef, exceptActivityId?: string): Promise<void> {
    const record = await RECORD_FEATURES[ref.recordType].cards(this.deps, ref.recordId);
    if (!record) return;
    for (const message of await allCardMessages(this.deps.stores, cardKey(ref.recordType, ref.recordId))) {
      if (message.activityId === exceptActivityId) continue;
      const viewer = await this.deps.directory.byAadObjectId(message.aadObjectId);
      const conversation = (
        await this.deps.stores.conversations.find({
          where: { key: conversationKey(message.aadObjectId, message.conversationId) },
          limit: 1,
        })
      ).items[0];
      if (!viewer || !conversation) continue;
      try {
        await this.sender.update(conversation, message.activityId, record.cardFor(viewer, conversation.teamsUserId));
      } catch (error) {
        this.deps.log.warn(`Could not update a card about ${ref.recordType} ${ref.recordId} (${describe(error)})`);
      }
    }
  }
}

function describe(error: unknown): string {
  const status = (error as { statusCode?: number }).statusCode;
  return status ? `status ${status}` : error instanceof Error ? error.name : 'unknown error';
}
