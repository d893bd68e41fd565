import type { Clock } from '../../ports/clock.port';
import type { CatalogueApp, TeamsAppCatalogue } from '../../ports/teams-apps.port';
import type { Logger } from '../app-deps';

/** Once found, the catalogue's answer is kept a day; while missing, asked again every hour. */
const FOUND_FOR_MS = 24 * 3_600_000;
const MISSING_FOR_MS = 3_600_000;
/** After a failed lookup the last answer stands and the catalogue is asked again soon. */
const FAILED_FOR_MS = 5 * 60_000;

/**
 * The Teams app as the organisation's catalogue lists it. An app published to the organisation
 * gets a catalogue id of its own, and links into Teams (`/l/entity/<id>/…`) must use it
 * (msteams-docs `deep-link-application`); Graph lists it 24–48 hours after publishing at the
 * earliest, so a missing app is looked for again every hour.
 */
export class TeamsAppInCatalogue {
  private known: { app: CatalogueApp | undefined; until: number } | undefined;
  private looking: Promise<CatalogueApp | undefined> | undefined;

  constructor(
    /** TEAMS_APP_ID, the manifest's id. */
    readonly manifestId: string | undefined,
    /** Undefined when the app has no Graph to ask (records in SQLite). */
    private readonly catalogue: TeamsAppCatalogue | undefined,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Whether the catalogue can be asked at all. */
  get canLookUp(): boolean {
    return this.manifestId !== undefined && this.catalogue !== undefined;
  }

  /** The app as listed now (undefined when it is not, or cannot be looked up). */
  async current(): Promise<CatalogueApp | undefined> {
    if (!this.manifestId || !this.catalogue) return undefined;
    if (this.known && this.known.until > this.clock.now().getTime()) return this.known.app;
    this.looking ??= this.lookUp(this.manifestId, this.catalogue).finally(() => (this.looking = undefined));
    return this.looking;
  }

  /**
   * The id for links, without waiting: the catalogue's id once known; the manifest's id when there
   * is no catalogue to ask (an app uploaded by hand keeps it); undefined while the catalogue does
   * not list the app, so that links open the tab on the web instead. A stale answer starts a new lookup.
   */
  idForLinks(): string | undefined {
    if (!this.manifestId) return undefined;
    if (!this.catalogue) return this.manifestId;
    if (!this.known || this.known.until <= this.clock.now().getTime()) void this.current();
    return this.known?.app?.catalogueId;
  }

  private async lookUp(manifestId: string, catalogue: TeamsAppCatalogue): Promise<CatalogueApp | undefined> {
    const now = this.clock.now().getTime();
    try {
      const app = await catalogue.find(manifestId);
      this.known = { app, until: now + (app ? FOUND_FOR_MS : MISSING_FOR_MS) };
      return app;
    } catch (error) {
      this.log.warn(
        `The Teams app catalogue could not be read (${error instanceof Error ? error.name : 'unknown error'}); links keep their last form.`,
      );
      this.known = { app: this.known?.app, until: now + FAILED_FOR_MS };
      return this.known.app;
    }
  }
}
