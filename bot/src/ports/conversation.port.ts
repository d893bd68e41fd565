/** What the bot needs to message a person later (proactive messages), per person and conversation. */
export interface ConversationRecord {
  id: string;
  /** One record per person per conversation: see `conversationKey`. */
  key: string;
  aadObjectId: string;
  teamsUserId: string;
  conversationId: string;
  conversationType: string;
  serviceUrl: string;
  tenantId: string;
  botId: string;
  botName: string;
  updatedAt: string;
}

/** A card the bot sent about a record, so that it can be updated when the record changes. */
export interface CardMessageRecord {
  id: string;
  recordId: string;
  aadObjectId: string;
  conversationId: string;
  activityId: string;
  sentAt: string;
}
