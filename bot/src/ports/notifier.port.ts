import type { Person } from '../domain/people/person';
import type { Role } from '../domain/people/role';

export type NoticeReason = 'needs-your-action' | 'status-changed';

/** The records people are asked to act on in Teams, each with its own card. */
export type NoticeRecordType = 'accessRequest' | 'postingRequest' | 'takedown';

export interface Notice {
  recordType: NoticeRecordType;
  recordId: string;
  reason: NoticeReason;
}

export interface NotifyOutcome {
  /** People who could not be messaged (for example, they have not installed the app yet). */
  unreachable: Person[];
}

/** Tells people about a record. Implementations re-read the record; a notice carries no details. */
export interface Notifier {
  notify(people: Person[], notice: Notice): Promise<NotifyOutcome>;
  /** Tells `to` that some people (or every holder of a role) could not be reached about the record. */
  reportUnreachable(to: Person, missed: { people: Person[]; roles: Role[] }, notice: Omit<Notice, 'reason'>): Promise<void>;
  /**
   * Brings every card already sent about the record up to date, except the card just clicked:
   * Teams has already shown the clicker their answer, which must not be overwritten.
   */
  refreshCards(notice: Omit<Notice, 'reason'>, exceptActivityId?: string): Promise<void>;
}
