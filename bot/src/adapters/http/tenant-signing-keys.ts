import { createLocalJWKSet, type JSONWebKeySet, type JWTHeaderParameters, type KeyLike } from 'jose';
import type { Clock } from '../../ports/clock.port';

/** Keys are fetched again after this long, as jose's own cache does. */
const REFRESH_AFTER_MS = 10 * 60_000;
/** Keys are not fetched more often than this: a stranger's tokens, or an outage, must not hammer Entra ID or slow every request. */
const COOLDOWN_MS = 30_000;
/** Kept keys are trusted this long without a successful fetch; after that, sign-in waits for Entra ID. */
const KEEP_AT_MOST_MS = 24 * 60 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * A tenant's published signing keys. They are fetched again every ten minutes and whenever a token
 * names a key id not yet known (Entra ID rolls its keys), at most every 30 seconds. When a fetch
 * fails, the last keys that worked are kept (for a day at most), so a short outage of Entra ID's key
 * endpoint neither signs everybody out nor makes every request wait for it.
 */
export class TenantSigningKeys {
  private current?: { keys: ReturnType<typeof createLocalJWKSet>; ids: Set<string>; fetchedAt: number };
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private inFlight?: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly clock: Clock,
  ) {}

  async keyFor(header: JWTHeaderParameters): Promise<KeyLike | Uint8Array> {
    const now = this.clock.now().getTime();
    const stale = !this.current || now - this.current.fetchedAt >= REFRESH_AFTER_MS;
    const unknownId = header.kid !== undefined && this.current !== undefined && !this.current.ids.has(header.kid);
    if (!this.current || ((stale || unknownId) && now - this.lastAttempt >= COOLDOWN_MS)) {
      try {
        await (this.inFlight ??= this.fetchKeys(now).finally(() => (this.inFlight = undefined)));
      } catch (error) {
        if (!this.current) throw error;
      }
    }
    if (!this.current || now - this.current.fetchedAt >= KEEP_AT_MOST_MS) throw new Error('No signing keys');
    return this.current.keys(header);
  }

  private async fetchKeys(now: number): Promise<void> {
    this.lastAttempt = now;
    const response = await fetch(this.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`The signing keys answered ${response.status}`);
    const set = (await response.json()) as JSONWebKeySet;
    if (!Array.isArray(set?.keys)) throw new Error('The signing keys were not a key set');
    this.current = {
      keys: createLocalJWKSet(set),
      ids: new Set(set.keys.map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string')),
      fetchedAt: now,
    };
  }
}
