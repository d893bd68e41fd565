import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../app/app-deps';

/**
 * The cross-cutting work of every Graph call, done once (as pnpjs does with its behaviours):
 * retries honouring Retry-After within a deadline, a timeout per attempt, the bearer token, and
 * the User-Agent SharePoint asks for.
 */
abstract class Link implements Middleware {
  protected next!: Middleware;

  setNext(next: Middleware): void {
    this.next = next;
  }

  abstract execute(context: Context): Promise<void>;
}

export interface RetryPolicy {
  maxAttempts: number;
  /**
   * The whole call, attempts and waits, ends by then: a card click must be answered within about
   * five seconds, so a person hears "not saved" rather than "Unable to reach the app".
   */
  deadlineMs: number;
  /** The longest one attempt may take (never past the deadline). */
  attemptTimeoutMs: number;
  /** The first wait when Graph gives no Retry-After; doubled each time. */
  baseDelayMs: number;
}

/** The time the pipeline waits by: the real one, or a test's clock that needs no real waiting. */
export interface RetryTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A signal that aborts `ms` from now (an attempt's timeout). */
  timeout(ms: number): AbortSignal;
}

export const realRetryTimer: RetryTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeout: (ms) => AbortSignal.timeout(ms),
};

const RETRIABLE = new Set([429, 503, 504]);
/** A retry needs at least this long before the deadline to be worth sending. */
export const MIN_ATTEMPT_MS = 50;

export class RetryLink extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly log: Logger,
    private readonly timer: RetryTimer = realRetryTimer,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const deadline = this.timer.now() + this.policy.deadlineMs;
    const options = context.options;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      context.options = {
        ...options,
        signal: this.timer.timeout(Math.max(1, Math.min(this.policy.attemptTimeoutMs, deadline - this.timer.now()))),
      };
      try {
        await this.next.execute(context);
      } catch (error) {
        failure = error;
      }
      const status = context.response?.status;
      // A batch that may have been carried out is not sent again: items in it have no key to
      // catch a second copy. A 429 means Graph refused it untouched, so that one is retried.
      const maybeDone = failure !== undefined || status === 503 || status === 504;
      const retriable =
        isBatch(context) && maybeDone
          ? false
          : failure !== undefined
            ? isNetworkError(failure)
            : status !== undefined && RETRIABLE.has(status);
      if (!retriable) {
        if (failure !== undefined) throw failure;
        return;
      }
      const wait =
        failure === undefined ? (retryAfterMs(context.response!, this.timer.now()) ?? this.backoff(attempt)) : this.backoff(attempt);
      // A retry needs time left for the wait and a useful attempt after it.
      if (attempt >= this.policy.maxAttempts || this.timer.now() + wait + MIN_ATTEMPT_MS > deadline) {
        if (failure !== undefined) throw failure;
        return;
      }
      this.log.warn(`Graph ${failure !== undefined ? 'connection failed' : `answered ${status}`}; retry ${attempt} in ${wait} ms`);
      context.response = undefined;
      await this.timer.sleep(wait);
    }
  }

  private backoff(attempt: number): number {
    return this.policy.baseDelayMs * 2 ** (attempt - 1);
  }
}

export class AuthLink extends Link {
  constructor(private readonly token: () => Promise<string>) {
    super();
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.token()}`);
    await this.next.execute(context);
  }
}

/** SharePoint asks apps to identify their traffic: NONISV|Organisation|App/version. */
export class UserAgentLink extends Link {
  constructor(private readonly userAgent: string) {
    super();
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'User-Agent', this.userAgent);
    await this.next.execute(context);
  }
}

function isBatch(context: Context): boolean {
  return /\/\$batch(\?|$)/.test(typeof context.request === 'string' ? context.request : context.request.url);
}

function setHeader(context: Context, name: string, value: string): void {
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

function retryAfterMs(response: Response, now: number): number | undefined {
  return retryAfterHeaderMs(response.headers.get('retry-after'), now);
}

/** A `Retry-After` value (seconds, or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function retryAfterHeaderMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** A reset connection or a timeout: the request may not have arrived, so it is worth another try. */
function isNetworkError(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'TypeError' || name === 'TimeoutError' || name === 'AbortError' || name === 'FetchError';
}
