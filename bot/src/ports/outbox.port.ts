import type { Role } from '../domain/people/role';
import type { RecordRef } from '../domain/records/record-type';
import type { Collection } from './collection.port';
import type { NoticeReason } from './notifier.port';

/**
 * One message's delivery, stored under its idempotency key BEFORE it is sent:
 * - pending: planned, not yet handed to Teams (a re-run, or for a step's notices the next start, sends it);
 * - sending: handed to Teams, answer not yet recorded (after a crash this becomes `uncertain`:
 *   never sent again, so nobody gets it twice, and reported to the online safety lead);
 * - sent; notInstalled (no conversation with the person); blocked (403 MessageWritesBlocked);
 * - failed: Teams kept refusing after every retry (the next run of the same period tries again).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'notInstalled' | 'blocked' | 'failed' | 'uncertain';

/** What a reminder says, kept with the entry so a resumed run sends exactly what was planned. */
export interface ReminderMessage {
  kind?: 'reminder';
  title: string;
  lines: string[];
  tone: 'accent' | 'warning' | 'attention';
  /** Where the person can act: a tab view, or a record whose card the bot can show again. */
  act?: ReminderAct;
}

export interface ReminderAct {
  label: string;
  tabView?: string;
  record?: RecordRef;
  /** A step the person can take on the reminder itself, beside the link (a card verb and its data). */
  step?: { label: string; verb: string; data: Record<string, string> };
}

/** A record's own card, as the person it goes to sees it (their buttons), saying why they get it. */
export interface RecordNoticeMessage {
  kind: 'recordNotice';
  record: RecordRef;
  reason: NoticeReason;
}

/** Tells the person who took a step who could not be told of it, and which roles nobody holds. */
export interface UnreachableMessage {
  kind: 'unreachable';
  record: RecordRef;
  people: { personId: string; name: string }[];
  roles: Role[];
}

/** What an entry sends: a reminder's text, a record's card, or word of who could not be told. */
export type OutboxMessage = ReminderMessage | RecordNoticeMessage | UnreachableMessage;

export interface OutboxEntry {
  id: string;
  /** `reason|period|personId`: unique. */
  key: string;
  /** The job run that planned it (job name and day), or the step it tells of (`step accessRequest 12 v3`). */
  run: string;
  personId: string;
  personName: string;
  reason: string;
  period: string;
  status: OutboxStatus;
  message: OutboxMessage;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  /** A status code or error name only: never message content. */
  lastError?: string;
}

/**
 * The outbox, kept small: entries not updated for `ARCHIVE_AFTER_DAYS` are moved to an archive the
 * app never reads (SharePoint: the "Reminder outbox archive" list; SQLite: the outbox_archive table).
 */
export interface OutboxCollection extends Collection<OutboxEntry, 'key' | 'status' | 'run' | 'updatedAt'> {
  /** Moves every entry last updated before `cutoff` (an ISO instant) to the archive; answers how many. */
  archiveBefore(cutoff: string): Promise<number>;
}
