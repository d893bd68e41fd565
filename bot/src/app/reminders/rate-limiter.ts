/** At most `count` sends in any `ms` milliseconds. */
export interface RateWindow {
  count: number;
  ms: number;
}

/**
 * Teams' limits per bot per conversation (msteams-docs, bots/how-to/rate-limit): 7 per second,
 * 8 per 2 s, 60 per 30 s, 1,800 per hour.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

/** Teams allows 50 per second per app per tenant (30 on an older page): 25 leaves room for the app's other traffic. */
export const DEFAULT_GLOBAL_RATE_PER_SECOND = 25;

export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Sliding-window limits for the whole app and for each conversation, as Teams counts them: by
 * when each request arrived. That moment is not known here, only that it lies between the request
 * leaving (the sender asks at the last moment) and its answer coming back. So a send counts from
 * when it was allowed until it is answered, and from the time of its answer after that: a request
 * that was slow on its way cannot let the next second's requests arrive less than a second after
 * it. The margin only covers the clock's granularity.
 */
export class RateLimiter {
  private readonly globalLog: Sent[] = [];
  private readonly logs = new Map<string, Sent[]>();
  private readonly keepMs: number;
  private acquired = 0;

  constructor(
    private readonly global: readonly RateWindow[],
    private readonly perConversation: readonly RateWindow[],
    private readonly timer: Timer = realTimer,
    private readonly marginMs = 5,
  ) {
    this.keepMs = Math.max(...[...global, ...perConversation].map((window) => window.ms)) + marginMs;
  }

  /**
   * Waits until one more send to `conversationId` stays within every limit, and counts it. Call
   * the function it answers when Teams has answered (or the attempt ended).
   */
  async acquire(conversationId: string): Promise<() => void> {
    for (;;) {
      const now = this.timer.now();
      const log = this.logs.get(conversationId) ?? [];
      const wait = Math.max(this.waitFor(this.globalLog, this.global, now), this.waitFor(log, this.perConversation, now));
      if (wait <= 0) {
        const sent: Sent = { at: now };
        this.globalLog.push(sent);
        log.push(sent);
        this.logs.set(conversationId, log);
        this.prune(now);
        return () => {
          sent.at = Math.max(sent.at, this.timer.now());
        };
      }
      await this.timer.sleep(wait);
    }
  }

  private waitFor(log: Sent[], windows: readonly RateWindow[], now: number): number {
    let wait = 0;
    const times = log.map((sent) => sent.at).sort((a, b) => a - b);
    for (const window of windows) {
      if (times.length < window.count) continue;
      const oldestCounted = times[times.length - window.count]!;
      wait = Math.max(wait, oldestCounted + window.ms + this.marginMs - now);
    }
    return wait;
  }

  private prune(now: number): void {
    const globalKeep = Math.max(...this.global.map((window) => window.ms)) + this.marginMs;
    dropOlder(this.globalLog, now - globalKeep);
    // Conversations not written to for an hour are forgotten, checked now and then.
    if (++this.acquired % 1_000 !== 0) return;
    for (const [key, log] of this.logs) {
      dropOlder(log, now - this.keepMs);
      if (log.length === 0) this.logs.delete(key);
    }
  }
}

interface Sent {
  at: number;
}

function dropOlder(log: Sent[], before: number): void {
  let kept = 0;
  for (const sent of log) if (sent.at > before) log[kept++] = sent;
  log.length = kept;
}
