import type { Logger } from '../../app/app-deps';
import { personalConversation } from '../../app/reach/personal-conversation';
import { conversationKey } from '../../app/remember-conversation';
import { currentSchool } from '../../app/settings/school-details';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS, type Role } from '../../domain/people/role';
import type { ConversationRecord } from '../../ports/conversation.port';
import type { Clock } from '../../ports/clock.port';
import type { Directory } from '../../ports/directory.port';
import type { Notice, Notifier, NotifyOutcome } from '../../ports/notifier.port';
import type { Stores } from '../../ports/stores.port';
import { allCardMessages, cardKey, rememberCardMessage } from './card-messages';
import type { RichPart } from './cards/card-elements';
import { messageCard } from './cards/simple-cards';
import type { ProactiveSender } from './proactive-sender';
import { loadRecordCards } from './record-cards';

/** Notifies people in their personal chat with the bot, re-reading the record for each view. */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly stores: Stores,
    private readonly directory: Directory,
    private readonly sender: ProactiveSender,
    private readonly log: Logger,
    private readonly clock: Clock,
    /** Where a tab view opens, for the link on a card shortened to fit. */
    private readonly tabLink: (view: string) => string = () => '',
  ) {}

  async notify(people: Person[], notice: Notice): Promise<NotifyOutcome> {
    const unreachable: Person[] = [];
    const record = await loadRecordCards(this.stores, this.directory, notice.recordType, notice.recordId, this.tabLink('requests'));
    if (!record) return { unreachable };
    for (const person of people) {
      const conversation = await this.personalConversation(person);
      if (!conversation) {
        unreachable.push(person);
        continue;
      }
      let activityId: string | undefined;
      try {
        activityId = await this.sender.send(conversation, record.cardFor(person, conversation.teamsUserId, record.banner(notice.reason, person)));
      } catch (error) {
        this.log.warn(`Could not message person ${person.id} about ${notice.recordType} ${notice.recordId} (${describe(error)})`);
        unreachable.push(person);
        continue;
      }
      await this.rememberSent(cardKey(notice.recordType, notice.recordId), conversation, activityId);
    }
    return { unreachable };
  }

  async refreshCards(notice: Omit<Notice, 'reason'>, exceptActivityId?: string): Promise<void> {
    const record = await loadRecordCards(this.stores, this.directory, notice.recordType, notice.recordId, this.tabLink('requests'));
    if (!record) return;
    for (const message of await allCardMessages(this.stores, cardKey(notice.recordType, notice.recordId))) {
      if (message.activityId === exceptActivityId) continue;
      const viewer = await this.directory.byAadObjectId(message.aadObjectId);
      const conversation = (await this.stores.conversations.find({ where: { key: conversationKey(message.aadObjectId, message.conversationId) }, limit: 1 })).items[0];
      if (!viewer || !conversation) continue;
      try {
        await this.sender.update(conversation, message.activityId, record.cardFor(viewer, conversation.teamsUserId));
      } catch (error) {
        this.log.warn(`Could not update a card about ${notice.recordType} ${notice.recordId} (${describe(error)})`);
      }
    }
  }

  async reportUnreachable(to: Person, missed: { people: Person[]; roles: Role[] }, notice: Omit<Notice, 'reason'>): Promise<void> {
    const conversation = await this.personalConversation(to);
    const record = conversation && (await loadRecordCards(this.stores, this.directory, notice.recordType, notice.recordId, this.tabLink('requests')));
    if (!conversation || !record) return;
    const { contactForAccess } = await currentSchool(this.stores);
    const lines: RichPart[][] = [
      ...missed.people.map((person) => ["I couldn't reach ", { text: person.displayName, bold: true }, ` (${rolesOf(person)}): they have not opened Online Safety Desk in Teams, or have blocked it.`]),
      ...missed.roles.map((role) => ['Nobody holds the role of ', { text: ROLE_LABELS[role], bold: true }, ` in Online Safety Desk yet; please tell ${contactForAccess}.`]),
      [record.finished ? `${capitalise(record.reference)} is saved; you may want to tell them yourself.` : `${capitalise(record.reference)} is saved and waiting, so nothing is lost — you may want to tell them yourself.`],
    ];
    try {
      await this.sender.send(conversation, messageCard(lines, 'Some people could not be told'));
    } catch (error) {
      this.log.warn(`Could not tell person ${to.id} about unreachable people (${describe(error)})`);
    }
  }

  /** A lost record only means this card will not update itself later, so it is logged, not raised. */
  private async rememberSent(recordId: string, conversation: ConversationRecord, activityId: string | undefined): Promise<void> {
    if (!activityId) return;
    try {
      await rememberCardMessage(this.stores, { recordId, aadObjectId: conversation.aadObjectId, conversationId: conversation.conversationId, activityId, sentAt: this.clock.now().toISOString() });
    } catch (error) {
      this.log.warn(`Could not remember a card for record ${recordId} (${describe(error)})`);
    }
  }

  private personalConversation(person: Person): Promise<ConversationRecord | undefined> {
    return personalConversation(this.stores, person.aadObjectId);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function rolesOf(person: Person): string {
  return person.roles.filter((role) => role !== 'staff').map((role) => ROLE_LABELS[role]).join(', ') || ROLE_LABELS.staff;
}

function describe(error: unknown): string {
  const status = (error as { statusCode?: number }).statusCode;
  return status ? `status ${status}` : error instanceof Error ? error.name : 'unknown error';
}
