import type { CardMessageRecord } from '../../ports/conversation.port';
import type { Stores } from '../../ports/stores.port';

/** Remembers a card sent about a record so later changes can update it in place. */
export async function rememberCardMessage(stores: Stores, message: Omit<CardMessageRecord, 'id'>): Promise<void> {
  const known = await allCardMessages(stores, message.recordId);
  if (known.some((other) => other.activityId === message.activityId && other.conversationId === message.conversationId)) return;
  await stores.cardMessages.insert(message);
}

export async function allCardMessages(stores: Stores, recordId: string): Promise<CardMessageRecord[]> {
  const all: CardMessageRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await stores.cardMessages.find({ where: { recordId }, limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}
