import { readAll } from '../../app/read-all';
import type { CardMessageRecord } from '../../ports/conversation.port';
import type { NoticeRecordType } from '../../ports/notifier.port';
import type { Stores } from '../../ports/stores.port';

/** The key cards are remembered under: access requests by id (as first stored), others prefixed. */
export function cardKey(recordType: NoticeRecordType, recordId: string): string {
  return recordType === 'accessRequest' ? recordId : `${recordType === 'postingRequest' ? 'posting' : 'takedown'}-${recordId}`;
}

/** Remembers a card sent about a record so later changes can update it in place. */
export async function rememberCardMessage(stores: Stores, message: Omit<CardMessageRecord, 'id'>): Promise<void> {
  const known = await allCardMessages(stores, message.recordId);
  if (known.some((other) => other.activityId === message.activityId && other.conversationId === message.conversationId)) return;
  await stores.cardMessages.insert(message);
}

export function allCardMessages(stores: Stores, recordId: string): Promise<CardMessageRecord[]> {
  return readAll((cursor) => stores.cardMessages.find({ where: { recordId }, limit: 100, ...(cursor ? { cursor } : {}) }));
}
