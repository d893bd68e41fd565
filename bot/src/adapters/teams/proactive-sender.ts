import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../app/app-deps';
import type { ConversationRecord } from '../../ports/conversation.port';
import { cardActivity } from './card-activity';
import type { AdaptiveCard } from './cards/card-elements';

const MAX_ATTEMPTS = 3;

/** Updating a message to the same card is harmless to repeat. */
const UPDATE_IS_RETRIABLE = (status: number) => status === 429 || status >= 500;

/**
 * Sends and updates messages outside a turn through stored conversation references. botbuilder
 * retries 429/503 only when Retry-After is present, so an update's transient failures are retried here too.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly log: Logger,
  ) {}

  /**
   * One try, no retry: for the outbox's fan-out, which paces and retries by itself (new messages
   * all go through it). Answers the new message's id, or the failure's status, Retry-After and
   * whether Teams said MessageWritesBlocked.
   */
  async sendOnce(to: ConversationRecord, card: AdaptiveCard, gate: () => Promise<boolean> = async () => true): Promise<SendOnceResult> {
    try {
      let activityId: string | undefined;
      await this.inConversation(
        to,
        () => false,
        async (context) => {
          if (!gatedConnector(context, gate) && !(await gate())) throw new GateClosed();
          activityId = (await context.sendActivity(cardActivity(card)))?.id;
        },
      );
      return { ok: true, ...(activityId ? { activityId } : {}) };
    } catch (error) {
      if (error instanceof GateClosed) return { ok: false, skipped: true, blocked: false, error: error.name };
      const status = (error as { statusCode?: number }).statusCode;
      const retryAfterMs = retryAfterHeaderMs(error);
      return {
        ok: false,
        ...(status !== undefined ? { status } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        blocked: status === 403 && mentionsWritesBlocked(error),
        error: error instanceof Error ? error.name : 'unknown error',
      };
    }
  }

  async update(to: ConversationRecord, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.inConversation(to, UPDATE_IS_RETRIABLE, async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: activityId });
    });
  }

  private async inConversation(
    to: ConversationRecord,
    retriable: (status: number) => boolean,
    work: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: to.serviceUrl,
      bot: { id: to.botId, name: to.botName },
      user: { id: to.teamsUserId, name: '', aadObjectId: to.aadObjectId },
      conversation: {
        id: to.conversationId,
        conversationType: to.conversationType,
        tenantId: to.tenantId,
        isGroup: to.conversationType !== 'personal',
        name: '',
      },
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

interface ConnectorPipeline {
  removePolicy(options: { phase: 'Retry' }): unknown;
  addPolicy(
    policy: { name: string; sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown> },
    options: { afterPhase: 'Sign' },
  ): void;
}

/** The gate said no: the message was not sent. */
class GateClosed extends Error {
  constructor() {
    super('Not sent: the gate was closed');
    this.name = 'GateClosed';
  }
}

/**
 * Prepares this turn's connector client (a new one is made for each proactive turn) for the
 * fan-out, which paces and retries every request itself: the client's own retries (5xx, and
 * 429/503 with Retry-After), unpaced and uncounted, are taken out, and the gate is awaited right
 * before the signed request goes to Teams, so the rate limits count from when it really left.
 * False when the client is not shaped as expected (the gate is then awaited before sending).
 */
function gatedConnector(context: TurnContext, gate: () => Promise<boolean>): boolean {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: ConnectorPipeline } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return false;
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy(
    {
      name: 'OnlineSafetyDesk_Gate',
      sendRequest: async (request, next) => {
        if (!(await gate())) throw new GateClosed();
        return next(request);
      },
    },
    { afterPhase: 'Sign' },
  );
  return true;
}

export type SendOnceResult =
  | { ok: true; activityId?: string }
  | { ok: false; status?: number; retryAfterMs?: number; blocked: boolean; skipped?: boolean; error: string };

function retryDelay(error: unknown, attempt: number): number {
  const wait = retryAfterHeaderMs(error);
  return wait !== undefined ? Math.min(wait, 30_000) : 500 * 2 ** (attempt - 1);
}

/** Retry-After in seconds (or an HTTP date), as milliseconds; undefined when absent. */
function retryAfterHeaderMs(error: unknown): number | undefined {
  const header = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers?.get?.('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** Teams puts the subCode inside a JSON string in `message` (errorCode 209), so the raw body is searched. */
function mentionsWritesBlocked(error: unknown): boolean {
  const response = (error as { response?: { bodyAsText?: string; parsedBody?: unknown } }).response;
  const body = response?.bodyAsText ?? JSON.stringify(response?.parsedBody ?? '');
  return /MessageWritesBlocked/.test(body ?? '') || /MessageWritesBlocked/.test(String((error as { message?: unknown }).message ?? ''));
}
