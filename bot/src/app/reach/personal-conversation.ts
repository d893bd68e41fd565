import type { ConversationRecord } from '../../ports/conversation.port';
import type { Stores } from '../../ports/stores.port';
import { conversationKey } from '../remember-conversation';

/**
 * The person's most recent personal chat with the bot. Until Teams has told the bot of a chat that
 * the app's own installation opened, that chat is used through its id from Graph
 * (`…/installedApps/{id}/chat`, msteams-docs "Send proactive installation messages") and the
 * service address Teams gave the bot for the tenant's other conversations. None: they cannot be
 * messaged yet.
 */
export async function personalConversation(
  stores: Pick<Stores, 'conversations' | 'appInstallations'>,
  aadObjectId: string | undefined,
): Promise<ConversationRecord | undefined> {
  if (!aadObjectId) return undefined;
  const { items } = await stores.conversations.find({ where: { aadObjectId }, limit: 50 });
  const known = items
    .filter((conversation) => conversation.conversationType === 'personal')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (known) return known;
  const installation = (await stores.appInstallations.find({ where: { aadObjectId }, limit: 1 })).items[0];
  if (!installation?.chatId || installation.outcome === 'failed') return undefined;
  const sameTenant = (await stores.conversations.find({ limit: 1 })).items[0];
  if (!sameTenant) return undefined;
  return {
    id: '',
    key: conversationKey(aadObjectId, installation.chatId),
    aadObjectId,
    // Not known until Teams tells the bot of the chat: cards are then not personalised for them.
    teamsUserId: '',
    conversationId: installation.chatId,
    conversationType: 'personal',
    serviceUrl: sameTenant.serviceUrl,
    tenantId: sameTenant.tenantId,
    botId: sameTenant.botId,
    botName: sameTenant.botName,
    updatedAt: installation.triedAt,
  };
}
