import type { Collection } from './collection.port';

/**
 * One reminder's delivery, stored under its idempotency key BEFORE it is sent:
 * - pending: planned, not yet handed to Teams (a re-run sends it);
 * - sending: handed to Teams, answer not yet recorded (after a crash this becomes `uncertain`:
 *   never sent again, so nobody gets it twice, and reported to the online safety lead);
 * - sent; notInstalled (no conversation with the person); blocked (403 MessageWritesBlocked);
 * - failed: Teams kept refusing after every retry (the next run of the same period tries again).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'notInstalled' | 'blocked' | 'failed' | 'uncertain';

/** What a reminder says, kept with the entry so a resumed run sends exactly what was planned. */
export interface ReminderMessage {
  title: string;
  lines: string[];
  tone: 'accent' | 'warning' | 'attention';
  /** Where the person can act: a tab view, or a request card the bot can show again. */
  act?: { label: string; tabView?: string; accessRequestId?: string; postingRequestId?: string; takedownId?: string; confirmTrainingId?: string };
}

export interface OutboxEntry {
  id: string;
  /** `reason|period|personId`: unique. */
  key: string;
  /** The job run that planned it (job name and day), for reporting. */
  run: string;
  personId: string;
  personName: string;
  reason: string;
  period: string;
  status: OutboxStatus;
  message: ReminderMessage;
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
