import type { Logger } from '../../app/app-deps';
import { conversationKey } from '../../app/remember-conversation';
import { STATE_LABELS, type AccessRequest } from '../../domain/access/access-request';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS, type Role } from '../../domain/people/role';
import type { ConversationRecord } from '../../ports/conversation.port';
import type { Clock } from '../../ports/clock.port';
import type { Directory } from '../../ports/directory.port';
import type { Notice, Notifier, NotifyOutcome } from '../../ports/notifier.port';
import type { Stores } from '../../ports/stores.port';
import { accessRequestCardFor } from './access-request-view';
import { allCardMessages, rememberCardMessage } from './card-messages';
import type { RichPart, Tone } from './cards/card-elements';
import { newConcernCard } from './cards/incident-cards';
import { messageCard } from './cards/simple-cards';
import type { ProactiveSender } from './proactive-sender';

/** Notifies people in their personal chat with the bot, re-reading the record for each view. */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly stores: Stores,
    private readonly directory: Directory,
    private readonly sender: ProactiveSender,
    private readonly log: Logger,
    private readonly clock: Clock,
    private readonly contactForAccess: string,
    /** Where a notice about a new concern points: the Incidents tab. */
    private readonly incidentsLink: () => string = () => '',
  ) {}

  async notifyNewConcern(people: Person[]): Promise<NotifyOutcome> {
    const unreachable: Person[] = [];
    for (const person of people) {
      const conversation = await this.personalConversation(person);
      try {
        if (!conversation) throw new Error('no conversation');
        await this.sender.send(conversation, newConcernCard(this.incidentsLink()));
      } catch (error) {
        if (conversation) this.log.warn(`Could not tell person ${person.id} about a new concern (${describe(error)})`);
        unreachable.push(person);
      }
    }
    return { unreachable };
  }

  async notify(people: Person[], notice: Notice): Promise<NotifyOutcome> {
    const unreachable: Person[] = [];
    const request = await this.stores.accessRequests.get(notice.recordId);
    if (!request) return { unreachable };
    for (const person of people) {
      const conversation = await this.personalConversation(person);
      if (!conversation) {
        unreachable.push(person);
        continue;
      }
      let activityId: string | undefined;
      try {
        activityId = await this.sender.send(conversation, accessRequestCardFor(request, person, conversation.teamsUserId, { banner: bannerFor(request, notice) }));
      } catch (error) {
        this.log.warn(`Could not message person ${person.id} about access request ${request.id} (${describe(error)})`);
        unreachable.push(person);
        continue;
      }
      await this.rememberSent(request.id, conversation, activityId);
    }
    return { unreachable };
  }

  async refreshCards(notice: Omit<Notice, 'reason'>, exceptActivityId?: string): Promise<void> {
    const request = await this.stores.accessRequests.get(notice.recordId);
    if (!request) return;
    for (const message of await allCardMessages(this.stores, request.id)) {
      if (message.activityId === exceptActivityId) continue;
      const viewer = await this.directory.byAadObjectId(message.aadObjectId);
      const conversation = (await this.stores.conversations.find({ where: { key: conversationKey(message.aadObjectId, message.conversationId) }, limit: 1 })).items[0];
      if (!viewer || !conversation) continue;
      try {
        await this.sender.update(conversation, message.activityId, accessRequestCardFor(request, viewer, conversation.teamsUserId));
      } catch (error) {
        this.log.warn(`Could not update a card about access request ${request.id} (${describe(error)})`);
      }
    }
  }

  async reportUnreachable(to: Person, missed: { people: Person[]; roles: Role[] }, notice: Omit<Notice, 'reason'>): Promise<void> {
    const conversation = await this.personalConversation(to);
    if (!conversation) return;
    const lines: RichPart[][] = [
      ...missed.people.map((person) => ["I couldn't reach ", { text: person.displayName, bold: true }, ` (${rolesOf(person)}): they have not opened Online Safety Desk in Teams, or have blocked it.`]),
      ...missed.roles.map((role) => ['Nobody holds the role of ', { text: ROLE_LABELS[role], bold: true }, ` in Online Safety Desk yet; please tell ${this.contactForAccess}.`]),
      [`Request #${notice.recordId} is saved and waiting, so nothing is lost — you may want to tell them yourself.`],
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

  private async personalConversation(person: Person): Promise<ConversationRecord | undefined> {
    if (!person.aadObjectId) return undefined;
    const { items } = await this.stores.conversations.find({ where: { aadObjectId: person.aadObjectId }, limit: 50 });
    return items
      .filter((conversation) => conversation.conversationType === 'personal')
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }
}

function bannerFor(request: AccessRequest, notice: Notice): { text: string; tone: Tone } {
  if (notice.reason === 'status-changed') return { text: `Update on request #${request.id}: ${STATE_LABELS[request.state]}.`, tone: 'accent' };
  switch (request.state) {
    case 'withOnlineSafetyLead':
      return { text: 'A request to open a blocked website needs your review.', tone: 'warning' };
    case 'withHeadteacher':
      return { text: 'A request to open a blocked website needs your decision.', tone: 'warning' };
    case 'approved':
      return { text: 'Approved by the headteacher: please open this site on the school filter, then mark it done.', tone: 'warning' };
    case 'returnedToRequester':
      return { text: 'Your request was returned to you. Read the reason, then edit and resubmit it, or withdraw it.', tone: 'warning' };
    default:
      return { text: `Request #${request.id}: ${STATE_LABELS[request.state]}.`, tone: 'accent' };
  }
}

function rolesOf(person: Person): string {
  return person.roles.filter((role) => role !== 'staff').map((role) => ROLE_LABELS[role]).join(', ') || ROLE_LABELS.staff;
}

function describe(error: unknown): string {
  const status = (error as { statusCode?: number }).statusCode;
  return status ? `status ${status}` : error instanceof Error ? error.name : 'unknown error';
}
