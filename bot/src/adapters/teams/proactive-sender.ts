import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../app/app-deps';
import type { ConversationRecord } from '../../ports/conversation.port';
import { cardActivity } from './card-activity';
import type { AdaptiveCard } from './cards/card-elements';

const MAX_ATTEMPTS = 3;

/** A new message is retried only when Teams surely did not take it, so nobody gets it twice. */
const SEND_IS_RETRIABLE = (status: number) => status === 429 || status === 503;
/** Updating a message to the same card is harmless to repeat. */
const UPDATE_IS_RETRIABLE = (status: number) => status === 429 || status >= 500;

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
    await this.inConversation(to, SEND_IS_RETRIABLE, async (context) => {
      id = (await context.sendActivity(cardActivity(card)))?.id;
    });
    return id;
  }

  async update(to: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.inConversation(to, UPDATE_IS_RETRIABLE, async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: activityId });
    });
  }

  private async inConversation(to: ConversationRecord, retriable: (status: number) => boolean, work: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: to.serviceUrl,
      bot: { id: to.botId, name: to.botName },
      user: { id: to.teamsUserId, name: '', aadObjectId: to.aadObjectId },
      conversation: { id: to.conversationId, conversationType: to.conversationType, tenantId: to.tenantId, isGroup: to.conversationType !== 'personal', name: '' },
    };
    for (let attempt = 1; ; attempt++) {
      // The adapter's onTurnError would swallow a failure inside the turn; carry it out instead.
      let failure: unknown;
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await work(context);
        } catch (error) {
          failure = error ?? new Error('send failed');
        }
      });
      if (!failure) return;
      const status = (failure as { statusCode?: number }).statusCode;
      if (attempt >= MAX_ATTEMPTS || status === undefined || !retriable(status)) throw failure;
      const wait = retryDelay(failure, attempt);
      this.log.warn(`Teams answered ${status}; retrying in ${wait} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function retryDelay(error: unknown, attempt: number): number {
  const header = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) ? Math.min(seconds, 30) * 1000 : 500 * 2 ** (attempt - 1);
}
