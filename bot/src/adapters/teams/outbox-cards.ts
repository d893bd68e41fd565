import type { Logger } from '../../app/app-deps';
import { currentSchool } from '../../app/settings/school-details';
import type { Person } from '../../domain/people/person';
import { ROLE_LABELS } from '../../domain/people/role';
import type { Clock } from '../../ports/clock.port';
import type { ConversationRecord } from '../../ports/conversation.port';
import type { OutboxEntry, UnreachableMessage } from '../../ports/outbox.port';
import { cardKey, rememberCardMessage } from './card-messages';
import type { AdaptiveCard, RichPart } from './cards/card-elements';
import { reminderCard } from './cards/reminder-card';
import { messageCard } from './cards/simple-cards';
import { RECORD_FEATURES } from './features/registry';
import type { CardDeps } from './features/feature';

/**
 * The card an outbox entry sends, built when it is sent (a record's card shows the record as it is
 * then, with the buttons for the person it goes to), and what is remembered once it has gone.
 */
export class OutboxCards {
  constructor(private readonly deps: CardDeps & { clock: Clock; log: Logger }) {}

  /** The card for this entry, or undefined when what it tells of is gone (or the person is). */
  async cardFor(entry: Pick<OutboxEntry, 'personId' | 'message'>, to: ConversationRecord): Promise<AdaptiveCard | undefined> {
    const { message } = entry;
    if (message.kind === 'recordNotice') {
      const [viewer, record] = await Promise.all([
        this.deps.directory.byId(entry.personId),
        RECORD_FEATURES[message.record.recordType].cards(this.deps, message.record.recordId),
      ]);
      return viewer && record ? record.cardFor(viewer, to.teamsUserId || undefined, record.banner(message.reason, viewer)) : undefined;
    }
    if (message.kind === 'unreachable') return this.unreachableCard(message);
    return reminderCard(message, this.deps.tabLink);
  }

  /** A record's card is remembered, so that later steps update it in place; losing this is only logged. */
  async sent(entry: Pick<OutboxEntry, 'message'>, to: ConversationRecord, activityId: string | undefined): Promise<void> {
    if (entry.message.kind !== 'recordNotice' || !activityId) return;
    const key = cardKey(entry.message.record.recordType, entry.message.record.recordId);
    try {
      await rememberCardMessage(this.deps.stores, {
        recordId: key,
        aadObjectId: to.aadObjectId,
        conversationId: to.conversationId,
        activityId,
        sentAt: this.deps.clock.now().toISOString(),
      });
    } catch (error) {
      this.deps.log.warn(`Could not remember a card for record ${key} (${error instanceof Error ? error.name : 'unknown error'})`);
    }
  }

  private async unreachableCard(message: UnreachableMessage): Promise<AdaptiveCard | undefined> {
    const record = await RECORD_FEATURES[message.record.recordType].cards(this.deps, message.record.recordId);
    if (!record) return undefined;
    const { contactForAccess } = await currentSchool(this.deps.stores);
    const people = await Promise.all(
      message.people.map(async ({ personId, name }) => ({ name, person: await this.deps.directory.byId(personId) })),
    );
    const reference = record.reference.charAt(0).toUpperCase() + record.reference.slice(1);
    const lines: RichPart[][] = [
      ...people.map(({ name, person }) => [
        "I couldn't reach ",
        { text: name, bold: true },
        ` (${rolesOf(person)}): they have not opened Online Safety Desk in Teams, or have blocked it.`,
      ]),
      ...message.roles.map((role) => [
        'Nobody holds the role of ',
        { text: ROLE_LABELS[role], bold: true },
        ` in Online Safety Desk yet; please tell ${contactForAccess}.`,
      ]),
      [
        record.finished
          ? `${reference} is saved; you may want to tell them yourself.`
          : `${reference} is saved and waiting, so nothing is lost — you may want to tell them yourself.`,
      ],
    ];
    return messageCard(lines, 'Some people could not be told');
  }
}

function rolesOf(person: Person | undefined): string {
  const roles = person?.roles.filter((role) => role !== 'staff') ?? [];
  return roles.map((role) => ROLE_LABELS[role]).join(', ') || ROLE_LABELS.staff;
}
