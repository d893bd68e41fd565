import type { Clock } from '../../ports/clock.port';
import type { SchemaProblem, SiteInspector, SiteRole } from '../../ports/site-inspection.port';
import type { Stores } from '../../ports/stores.port';

/** What `/healthz` answers: unhealthy (503) only when the app cannot do its work. */
export type Health =
  | { healthy: true; status: 'ok' }
  | { healthy: false; status: 'lists missing'; missing: string[]; fix: string }
  | { healthy: false; status: 'site unreachable'; site: SiteRole; fix: string }
  | { healthy: false; status: 'store unavailable' };

/** While something is missing, look again this often (provisioning may have just run). */
const WHILE_MISSING_MS = 30_000;
/** Once everything was there, look again now and then (someone may delete a list). */
const WHILE_COMPLETE_MS = 30 * 60_000;

/**
 * The app starts even when its SharePoint lists do not exist yet (the first deploy runs before
 * provisioning), and says so here instead of crash-looping. An index the app does not filter on
 * is not a reason to be unhealthy; the go-live checklist reports it.
 */
export class StoreHealth {
  private lists: { health: Health; at: number } | undefined;

  constructor(
    private readonly stores: Stores,
    /** Undefined for SQLite, which has no lists to check. */
    private readonly inspector: SiteInspector | undefined,
    private readonly clock: Clock,
  ) {}

  async check(): Promise<Health> {
    const lists = await this.listHealth();
    if (!lists.healthy) return lists;
    try {
      await this.stores.isEmpty();
      return lists;
    } catch {
      return { healthy: false, status: 'store unavailable' };
    }
  }

  private async listHealth(): Promise<Health> {
    if (!this.inspector) return { healthy: true, status: 'ok' };
    const now = this.clock.now().getTime();
    const fresh = this.lists && now - this.lists.at < (this.lists.health.healthy ? WHILE_COMPLETE_MS : WHILE_MISSING_MS);
    if (!fresh) {
      // An answer Graph could not give is not cached: the next call asks again.
      const health = await this.inspect(this.inspector);
      if (health.status === 'store unavailable') return health;
      this.lists = { health, at: now };
    }
    return this.lists!.health;
  }

  private async inspect(inspector: SiteInspector): Promise<Health> {
    const missing: SchemaProblem[] = [];
    for (const site of inspector.oneSite ? (['working'] as const) : (['working', 'records'] as const)) {
      let schema;
      try {
        schema = await inspector.schema(site);
      } catch {
        return { healthy: false, status: 'store unavailable' };
      }
      if (!schema.reachable)
        return {
          healthy: false,
          status: 'site unreachable',
          site,
          fix: `Check the ${site} site's id and that the app was granted the site.`,
        };
      missing.push(...schema.problems.filter((problem) => problem.required && problem.kind !== 'safeguarding list on the working site'));
    }
    if (!missing.length) return { healthy: true, status: 'ok' };
    return {
      healthy: false,
      status: 'lists missing',
      missing: missing.map((problem) => (problem.column ? `${problem.list}: ${problem.column} (${problem.kind})` : problem.list)),
      fix: 'Run provisioning: grant the app full control of the sites and restart it (in Azure it provisions as it starts), or npm run provision:lists.',
    };
  }
}
