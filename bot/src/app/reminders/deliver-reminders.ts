import type { Person } from '../../domain/people/person';
import { reminderKey } from '../../domain/reminders/reminder-rules';
import { DuplicateRecordError, StaleRecordError, type Versioned } from '../../ports/collection.port';
import type { Clock } from '../../ports/clock.port';
import type { ConversationRecord } from '../../ports/conversation.port';
import type { Directory } from '../../ports/directory.port';
import type { DeliveryOutcomes } from '../../ports/notifier.port';
import type { OutboxEntry, OutboxMessage, OutboxStatus, ReminderMessage } from '../../ports/outbox.port';
import type { ReminderChannel } from '../../ports/reminder-channel.port';
import type { Stores } from '../../ports/stores.port';
import type { Logger } from '../app-deps';
import { personalConversation } from '../reach/personal-conversation';
import type { RateLimiter, Timer } from './rate-limiter';

/** A message to store under its idempotency key and send: a reminder's text unless said otherwise. */
export interface PlannedReminder<M extends OutboxMessage = ReminderMessage> {
  person: Pick<Person, 'id' | 'displayName'>;
  reason: string;
  period: string;
  message: M;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Backoff when a 429 or 5xx comes without Retry-After: base × 2^(attempt-1), with jitter. */
  baseDelayMs: number;
  /** A Retry-After longer than this is cut short (the message is retried next run if it keeps failing). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export interface FanOutDeps {
  stores: Pick<Stores, 'outbox' | 'conversations' | 'appInstallations'>;
  directory: Pick<Directory, 'byId'>;
  channel: ReminderChannel;
  limiter: RateLimiter;
  timer: Timer;
  clock: Clock;
  log: Logger;
  retry?: RetryPolicy;
  /** Messages in flight at once; the limiter decides the pace. */
  concurrency?: number;
}

export type FanOutReport = Record<'planned' | 'sent' | 'alreadyDone' | 'notInstalled' | 'blocked' | 'failed' | 'uncertain', number>;

/** A `sending` entry older than this was left by a run that stopped (crashed or killed). */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Sends each planned reminder at most once, ever. Every message is first stored under its
 * idempotency key; a run that is stopped and started again (or runs on two instances at once)
 * skips what was sent, sends what was not (including to someone who has installed the app since),
 * and never re-sends a message whose fate is unknown.
 */
export async function deliverReminders(deps: FanOutDeps, run: string, planned: PlannedReminder<OutboxMessage>[]): Promise<FanOutReport> {
  const { report } = await deliverEntries(deps, await recordPlanned(deps, run, planned));
  return { ...report, planned: planned.length };
}

/** Stores each message under its idempotency key (or finds it, stored before): nothing is sent yet. */
export async function recordPlanned(
  deps: Pick<FanOutDeps, 'stores' | 'clock'>,
  run: string,
  planned: readonly PlannedReminder<OutboxMessage>[],
): Promise<Versioned<OutboxEntry>[]> {
  // The usual first planning: all the entries in one write (one `$batch` on SharePoint). If any
  // was stored before (the same step planned again), each is stored or found on its own.
  if (planned.length > 1) {
    try {
      return await deps.stores.outbox.insertMany(planned.map((reminder) => newEntry(deps, run, reminder)));
    } catch (error) {
      if (!(error instanceof DuplicateRecordError)) throw error;
    }
  }
  const entries: Versioned<OutboxEntry>[] = [];
  for (const reminder of planned) entries.push(await record(deps, run, reminder));
  return entries;
}

/** Sends stored entries that are still to go, each at most once; says how each went, by entry id. */
export async function deliverEntries(
  deps: FanOutDeps,
  entries: readonly Versioned<OutboxEntry>[],
): Promise<{ report: FanOutReport; outcomes: DeliveryOutcomes }> {
  const report: FanOutReport = { planned: entries.length, sent: 0, alreadyDone: 0, notInstalled: 0, blocked: 0, failed: 0, uncertain: 0 };
  const outcomes: DeliveryOutcomes = new Map();
  const todo: Versioned<OutboxEntry>[] = [];
  for (const entry of entries) {
    // Nothing was sent to someone who had not installed the app: once they have, they get it.
    if (entry.status === 'pending' || entry.status === 'failed' || entry.status === 'notInstalled') todo.push(entry);
    else if (entry.status === 'sending' && deps.clock.now().getTime() - Date.parse(entry.updatedAt) > ABANDONED_AFTER_MS) {
      await save(deps, entry, 'uncertain', 'stopped while sending').catch(() => undefined);
      report.uncertain++;
      outcomes.set(entry.id, 'uncertain');
    } else {
      report.alreadyDone++;
      outcomes.set(entry.id, 'alreadyDone');
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const entry = todo[next++]!;
      const outcome = await deliverOne(deps, entry);
      report[outcome]++;
      outcomes.set(entry.id, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 8, todo.length) }, worker));
  return { report, outcomes };
}

async function record(
  deps: Pick<FanOutDeps, 'stores' | 'clock'>,
  run: string,
  reminder: PlannedReminder<OutboxMessage>,
): Promise<Versioned<OutboxEntry>> {
  const entry = newEntry(deps, run, reminder);
  try {
    return await deps.stores.outbox.insert(entry);
  } catch (error) {
    if (!(error instanceof DuplicateRecordError)) throw error;
    const found = (await deps.stores.outbox.find({ where: { key: entry.key }, limit: 1 })).items[0];
    if (!found) throw error;
    return found;
  }
}

/** A message as the outbox stores it before it is sent: pending, under its idempotency key. */
export function newEntry(deps: Pick<FanOutDeps, 'clock'>, run: string, reminder: PlannedReminder<OutboxMessage>): Omit<OutboxEntry, 'id'> {
  const at = deps.clock.now().toISOString();
  return {
    key: reminderKey(reminder.person.id, reminder.reason, reminder.period),
    run,
    personId: reminder.person.id,
    personName: reminder.person.displayName,
    reason: reminder.reason,
    period: reminder.period,
    status: 'pending',
    message: reminder.message,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}

type Outcome = 'sent' | 'notInstalled' | 'blocked' | 'failed' | 'alreadyDone';

async function deliverOne(deps: FanOutDeps, planned: Versioned<OutboxEntry>): Promise<Outcome> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const conversation = await conversationWith(deps, planned.personId);
  if (!conversation) {
    if (planned.status !== 'notInstalled') await save(deps, planned, 'notInstalled');
    return 'notInstalled';
  }
  let entry = planned;
  for (let attempt = 1; ; attempt++) {
    let claimed: Versioned<OutboxEntry> | undefined;
    let answered = () => {};
    // Awaited by the sender at the last moment: the pace counts from when the request leaves,
    // and the message is marked as being sent just before it goes.
    const gate = async () => {
      answered = await deps.limiter.acquire(conversation.conversationId);
      claimed = await claim(deps, entry);
      return claimed !== undefined;
    };
    const result = await deps.channel.attempt(conversation, entry, gate).finally(() => answered());
    if (result.outcome === 'skipped') return 'alreadyDone';
    const current = claimed ?? entry;
    if (result.outcome === 'sent' || result.outcome === 'blocked') {
      await save(deps, current, result.outcome);
      return result.outcome;
    }
    if (result.outcome === 'failed' || attempt >= retry.maxAttempts) {
      await save(deps, current, 'failed', String(result.status ?? (result.outcome === 'failed' ? result.error : 'retries exhausted')));
      deps.log.warn(`Reminder ${current.id} could not be delivered (${result.status ?? 'error'}); the next run tries again`);
      return 'failed';
    }
    entry = await save(deps, current, 'pending', String(result.status));
    await deps.timer.sleep(delayFor(retry, attempt, result.retryAfterMs));
  }
}

/** Marks the entry as being sent, unless another run got there first (the update is conditional). */
async function claim(deps: FanOutDeps, entry: Versioned<OutboxEntry>): Promise<Versioned<OutboxEntry> | undefined> {
  try {
    return await deps.stores.outbox.update({
      ...entry,
      status: 'sending',
      attempts: entry.attempts + 1,
      updatedAt: deps.clock.now().toISOString(),
    });
  } catch (error) {
    if (error instanceof StaleRecordError) return undefined;
    throw error;
  }
}

function save(deps: FanOutDeps, entry: Versioned<OutboxEntry>, status: OutboxStatus, lastError?: string): Promise<Versioned<OutboxEntry>> {
  const { lastError: _previous, ...rest } = entry;
  return deps.stores.outbox.update({ ...rest, status, updatedAt: deps.clock.now().toISOString(), ...(lastError ? { lastError } : {}) });
}

function delayFor(retry: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, retry.maxDelayMs);
  const backoff = retry.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(backoff / 2 + Math.random() * (backoff / 2), retry.maxDelayMs);
}

/** The person's personal chat with the bot; none means they cannot be messaged yet. */
async function conversationWith(deps: Pick<FanOutDeps, 'stores' | 'directory'>, personId: string): Promise<ConversationRecord | undefined> {
  return personalConversation(deps.stores, (await deps.directory.byId(personId))?.aadObjectId);
}
