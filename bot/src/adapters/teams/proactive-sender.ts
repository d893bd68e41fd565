import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Logger } from '../../app/app-deps';
import type { ConversationRecord } from '../../ports/conversation.port';
import type { AdaptiveCard } from './cards/card-elements';

const MAX_ATTEMPTS = 3;

/**
 * Sends and updates messages outside a turn through stored conversation references. botbuilder
 * retries 429/503 only when Retry-After is present, so transient failures are retried here too.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly log: Logger,
  ) {}

  /** Returns the new message's id. */
  async send(to: ConversationRecord, card: AdaptiveCard): Promise<string | undefined> {
    let id: string | undefined;
    await this.inConversation(to, async (context) => {
      id = (await context.sendActivity(toActivity(card)))?.id;
    });
    return id;
  }

  async update(to: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.inConversation(to, async (context) => {
      await context.updateActivity({ ...toActivity(card), id: activityId });
    });
  }

  private async inConversation(to: ConversationRecord, work: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: to.serviceUrl,
      bot: { id: to.botId, name: to.botName },
      user: { id: to.teamsUserId, name: '', aadObjectId: to.aadObjectId },
      conversation: { id: to.conversationId, conversationType: to.conversationType, tenantId: to.tenantId, isGroup: to.conversationType !== 'personal', name: '' },
    };
    for (let attempt = 1; ; attempt++) {
      try {
        // The adapter's onTurnError would swallow a failure inside the turn; carry it out instead.
        let failure: unknown;
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          try {
            await work(context);
          } catch (error) {
            failure = error ?? new Error('send failed');
          }
        });
        if (failure) throw failure;
        return;
      } catch (error) {
        const wait = retryDelay(error, attempt);
        if (wait === undefined) throw error;
        this.log.warn(`Teams answered ${statusOf(error)}; retrying in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

function toActivity(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function retryDelay(error: unknown, attempt: number): number | undefined {
  const status = statusOf(error);
  if (attempt >= MAX_ATTEMPTS || status === undefined || !(status === 429 || status >= 500)) return undefined;
  const header = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) ? Math.min(seconds, 30) * 1000 : 500 * 2 ** (attempt - 1);
}
