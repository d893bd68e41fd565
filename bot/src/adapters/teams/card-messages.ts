import { readAll } from '../../app/read-all';
import { PERMISSION_TYPES, type PermissionType } from '../../domain/permission/permission-request';
import type { RecordType } from '../../domain/records/record-type';
import type { CardMessageRecord } from '../../ports/conversation.port';
import type { Stores } from '../../ports/stores.port';

/** The key each record type's cards are remembered under (access requests by bare id, as first stored). */
const CARD_KEYS: Record<RecordType, (recordId: string) => string> = {
  accessRequest: (recordId) => recordId,
  postingRequest: (recordId) => `posting-${recordId}`,
  takedown: (recordId) => `takedown-${recordId}`,
  trainingRecord: (recordId) => `training-${recordId}`,
  ...(Object.fromEntries(PERMISSION_TYPES.map((type) => [type, (recordId: string) => `${type}-${recordId}`])) as Record<
    PermissionType,
    (recordId: string) => string
  >),
};

export function cardKey(recordType: RecordType, recordId: string): string {
  return CARD_KEYS[recordType](recordId);
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
