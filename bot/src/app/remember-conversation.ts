import { DuplicateRecordError, StaleRecordError } from '../ports/collection.port';
import type { ConversationRecord } from '../ports/conversation.port';
import type { AppDeps } from './app-deps';

/**
 * Keeps the latest way to reach a person in a conversation (captured on install and on every
 * message). Writes only when something changed, so ordinary messages cost one read.
 */
export async function rememberConversation(
  deps: Pick<AppDeps, 'stores' | 'clock'>,
  reference: Omit<ConversationRecord, 'id' | 'key' | 'updatedAt'>,
): Promise<void> {
  const key = conversationKey(reference.aadObjectId, reference.conversationId);
  const conversations = deps.stores.conversations;
  const existing = (await conversations.find({ where: { key }, limit: 1 })).items[0];
  const updatedAt = deps.clock.now().toISOString();
  try {
    if (!existing) {
      await conversations.insert({ ...reference, key, updatedAt });
      return;
    }
    const changed = (Object.keys(reference) as (keyof typeof reference)[]).some((field) => existing[field] !== reference[field]);
    if (changed) await conversations.update({ ...existing, ...reference, updatedAt });
  } catch (error) {
    // Two activities from the same person at once: the other one has just stored the same reference.
    if (!(error instanceof DuplicateRecordError || error instanceof StaleRecordError)) throw error;
  }
}

/**
 * One person in one conversation, short enough for an indexed SharePoint text column (255
 * characters) whatever the length of Teams' conversation ids: the person's id and a 64-bit
 * FNV-1a hash of the conversation id. A collision could only join two conversations of the same
 * person, and is vanishingly unlikely.
 */
export function conversationKey(aadObjectId: string, conversationId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(conversationId)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${aadObjectId}|${hash.toString(16).padStart(16, '0')}`;
}
