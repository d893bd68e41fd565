import type { Activity } from 'botbuilder';
import { currentSchool } from '../../app/settings/school-details';
import type { Person } from '../../domain/people/person';
import type { ConversationRecord } from '../../ports/conversation.port';
import type { RichPart } from './cards/card-elements';
import type { TeamsDeps } from './teams-deps';

/** The person behind an activity, matched by their Entra object id; undefined if the school has not added them. */
export async function identifyActor(deps: TeamsDeps, activity: Activity): Promise<Person | undefined> {
  const aadObjectId = activity.from?.aadObjectId;
  return aadObjectId ? deps.directory.byAadObjectId(aadObjectId) : undefined;
}

/** What is needed to message this person in this conversation later, or undefined if the activity lacks it. */
export function conversationReferenceOf(activity: Activity): Omit<ConversationRecord, 'id' | 'key' | 'updatedAt'> | undefined {
  const aadObjectId = activity.from?.aadObjectId;
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  if (!aadObjectId || !activity.conversation?.id || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  return {
    aadObjectId,
    teamsUserId: activity.from.id,
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType ?? 'personal',
    serviceUrl: activity.serviceUrl,
    tenantId: tenantId ?? '',
    botId: activity.recipient.id,
    botName: activity.recipient.name ?? 'Online Safety Desk',
  };
}

/** Who to ask is read from School settings each time, so a change shows on the next card. */
export async function unknownPersonMessage(deps: TeamsDeps): Promise<RichPart[][]> {
  const { contactForAccess } = await currentSchool(deps.stores);
  return [["I don't know you yet, so I can't act for you. Please ask ", contactForAccess, ' to add you to Online Safety Desk.']];
}

/**
 * A personal chat with the bot, or a conversation others share (a group chat, a team channel,
 * a meeting chat), where everyone there would see the bot's answers.
 */
export function whereIs(activity: Pick<Activity, 'conversation'>): 'personal' | 'shared' {
  // Anything not plainly a one-to-one chat is treated as shared: a wrong guess must fail closed.
  return activity.conversation?.conversationType === 'personal' && activity.conversation.isGroup !== true ? 'personal' : 'shared';
}
