import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from 'botbuilder';
import { rememberConversation } from '../../app/remember-conversation';
import { StoreUnavailableError } from '../../ports/collection.port';
import { outcomeBanner } from '../outcomes';
import { CARD_ACTIONS, helpFor } from './features/registry';
import { CardActionFailure } from './actions/card-action';
import { conversationReferenceOf, identifyActor, unknownPersonMessage, whereIs } from './activity-facts';
import { cardActivity } from './card-activity';
import type { AdaptiveCard } from './cards/card-elements';
import { messageCard, PRIVATE_CHAT_ONLY } from './cards/simple-cards';
import { runCommand } from './commands/command-router';
import { chatFilesOf } from './files/chat-files';
import { receiveChatFiles } from './files/receive-chat-files';
import { fetchReportDialog, submitReportDialog } from './message-extension/report-message';
import type { TeamsDeps } from './teams-deps';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const UNEXPECTED = 'Sorry, something went wrong on my side. Type "my requests" to check where your request is before trying again.';

/**
 * Routes Teams activities: messages to commands, card actions to one handler per verb, and the
 * "Report as a concern" message action to its dialog.
 */
export class OnlineSafetyBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.capture(context);
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.capture(context);
      const person = await identifyActor(this.deps, context.activity);
      const where = whereIs(context.activity);
      await context.sendActivity(
        cardActivity(
          person || where === 'shared'
            ? await helpFor(this.deps, person, where)
            : messageCard(await unknownPersonMessage(this.deps), 'Welcome to Online Safety Desk'),
        ),
      );
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.capture(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    await this.capture(context);
    try {
      const card = await this.runCardAction(context, invokeValue.action.verb, invokeValue.action.data);
      return { statusCode: 200, type: CARD_RESPONSE, value: card as unknown as AdaptiveCardInvokeResponse['value'] };
    } catch (error) {
      // A message response leaves the clicked card as it was and shows the message to the person.
      const message = this.describeFailure(error, invokeValue.action.verb);
      return { statusCode: 200, type: MESSAGE_RESPONSE, value: message as unknown as AdaptiveCardInvokeResponse['value'] };
    }
  }

  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    await this.capture(context);
    return this.answerDialog(() => fetchReportDialog(this.deps, context.activity));
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    await this.capture(context);
    return this.answerDialog(() => submitReportDialog(this.deps, context.activity));
  }

  /** A failure inside the dialog is shown in the dialog; nothing about the message is logged. */
  private async answerDialog(work: () => Promise<MessagingExtensionActionResponse>): Promise<MessagingExtensionActionResponse> {
    try {
      return await work();
    } catch (error) {
      const storeDown = error instanceof StoreUnavailableError;
      this.deps.log.error(storeDown ? 'Report as a concern failed: the store is unavailable' : 'Report as a concern failed', error);
      return {
        task: {
          type: 'message',
          value: storeDown
            ? 'Your concern was NOT saved because the school records could not be reached. Please try again in a few minutes, or tell the DSL in person now.'
            : 'Sorry, something went wrong and your concern was not saved. Please tell the DSL in person.',
        },
      };
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as { verb?: unknown } | undefined;
    // Older Teams clients send Action.Submit (the cards' fallback) as a message carrying the data.
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      let card: AdaptiveCard;
      try {
        card = await this.runCardAction(context, value.verb, value);
      } catch (error) {
        await context.sendActivity(cardActivity(messageCard(this.describeFailure(error, value.verb))));
        return;
      }
      if (context.activity.replyToId) {
        await context.updateActivity({ ...cardActivity(card), id: context.activity.replyToId });
      } else {
        await context.sendActivity(cardActivity(card));
      }
      return;
    }
    const person = await identifyActor(this.deps, context.activity);
    if (!person) {
      await context.sendActivity(cardActivity(messageCard(await unknownPersonMessage(this.deps))));
      return;
    }
    const { files, pasted } = chatFilesOf(context.activity);
    // Files go onto a request to post; a picture pasted alone gets a word on how to send it as a file.
    if ((files.length || (pasted && !(context.activity.text ?? '').trim())) && whereIs(context.activity) === 'personal') {
      await context.sendActivity(cardActivity(await receiveChatFiles(this.deps, person, context.activity, files, pasted)));
      return;
    }
    await context.sendActivity(cardActivity(await runCommand(this.deps, person, context.activity.text ?? '', whereIs(context.activity))));
  }

  private async runCardAction(context: TurnContext, verb: string, data: unknown): Promise<AdaptiveCard> {
    // Whatever a card in a group chat or channel asks for, its answer would be shown to everyone there.
    if (whereIs(context.activity) === 'shared') return messageCard(PRIVATE_CHAT_ONLY);
    const actor = await identifyActor(this.deps, context.activity);
    if (!actor) return messageCard(await unknownPersonMessage(this.deps));
    const handler = CARD_ACTIONS.get(verb);
    if (!handler) return messageCard('This card is out of date. Type **help** to see what I can do.');
    const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    return handler({ deps: this.deps, actor, data: fields, turn: context, activity: context.activity });
  }

  private describeFailure(error: unknown, typedVerb: string): string {
    if (error instanceof CardActionFailure) return error.message;
    // The verb came from the client: only a known one goes into the log.
    const verb = CARD_ACTIONS.has(typedVerb) ? typedVerb : 'unknown';
    if (error instanceof StoreUnavailableError) {
      this.deps.log.error(`Card action ${verb} failed: the store is unavailable`, error);
      return outcomeBanner('not-saved').text;
    }
    this.deps.log.error(`Card action ${verb} failed`, error);
    return UNEXPECTED;
  }

  /** Keeps the way back to this person so later steps can reach them (install, message, click). */
  private async capture(context: TurnContext): Promise<void> {
    const reference = conversationReferenceOf(context.activity);
    if (!reference) return;
    try {
      await rememberConversation(this.deps, reference);
    } catch (error) {
      this.deps.log.warn(`Could not store a conversation reference (${error instanceof Error ? error.name : 'unknown error'})`);
    }
  }
}
