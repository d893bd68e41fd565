import type { INetworkModule } from '@azure/msal-node';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppDeps, Logger } from './app/app-deps';
import { sendNoticesLeftPending } from './app/requests/step-notices';
import { BackgroundTasks } from './app/background-tasks';
import { FirstSeenDates } from './app/first-seen-dates';
import { PupilImportJobs } from './app/pupil-import-jobs';
import { seedDemoSchool } from './app/seed-demo-school';
import { consoleLogger } from './adapters/console-logger';
import { PeopleListDirectory } from './adapters/directory/people-list-directory';
import { CachedDirectory } from './adapters/directory/cached-directory';
import { forgettingOnWrite, keptReads } from './adapters/kept-reads';
import { localPersonaIdentity, refuseEveryone } from './adapters/http/api-identity';
import { entraSsoIdentity } from './adapters/http/entra-sso-identity';
import { onBehalfOf } from './adapters/graph/on-behalf-of';
import { createHttpServer } from './adapters/http/http-server';
import { createSqliteStores } from './adapters/sqlite/sqlite-stores';
import { botRequestHandler, createBotAdapter } from './adapters/teams/bot-adapter';
import { readOncePerClick } from './adapters/teams/click-reads';
import { OnlineSafetyBot } from './adapters/teams/online-safety-bot';
import { ProactiveSender } from './adapters/teams/proactive-sender';
import { TeamsNotifier } from './adapters/teams/teams-notifier';
import { tabLink, tabLinks } from './adapters/teams/tab-link';
import { appTokenProvider } from './adapters/graph/app-token';
import { GraphTeamsApps } from './adapters/graph/teams/graph-teams-apps';
import { installForEveryone, type InstallDeps } from './app/reach/install-app';
import { TeamsAppInCatalogue } from './app/reach/teams-app-in-catalogue';
import { RateLimiter, realTimer } from './app/reminders/rate-limiter';
import { EntraDirectory } from './adapters/graph/entra/entra-directory';
import { GraphApi } from './adapters/graph/graph-api';
import type { RetryPolicy } from './adapters/graph/graph-middleware';
import { createSharePointStores } from './adapters/graph/sharepoint/sharepoint-stores';
import { SharePointMediaStore } from './adapters/graph/sharepoint/sharepoint-media-store';
import { EVIDENCE_LIBRARY, MEDIA_LIBRARY, POLICY_LIBRARY } from './adapters/graph/sharepoint/lists';
import { GraphSiteInspector } from './adapters/graph/sharepoint/site-inspector';
import { provisionLists } from './adapters/graph/sharepoint/provision-lists';
import { StoreHealth } from './app/readiness/store-health';
import type { ReadinessChecks } from './app/readiness/check-readiness';
import { StoreUnavailableError } from './ports/collection.port';
import { ConfigError, loadConfig, type Config, type SharePointSettings, type SharePointSites } from './config';
import { systemClock, type Clock } from './ports/clock.port';
import type { Directory } from './ports/directory.port';
import type { Stores } from './ports/stores.port';
import { REMINDER_JOBS } from './app/reminders/reminder-jobs';
import { realTimers, Scheduler } from './adapters/scheduler/scheduler';
import { schoolSchedules, slotNow } from './domain/jobs/schedule';
import { JobLeases } from './app/jobs/job-leases';
import { reminderJobDeps, ReminderJobRunner } from './reminders-wiring';
import { FolderMediaStore } from './adapters/media/folder-media-store';
import { imagePreviews } from './adapters/media/image-previews';
import type { MediaServices } from './app/media/media-services';
import type { MediaStore } from './ports/media-store.port';
import { readinessChecks } from './readiness-wiring';

/** Microsoft Entra ID's global cloud: the only one the managed identity's token exchange serves here. */
const LOGIN_BASE_URL = 'https://login.microsoftonline.com';
/** The folder holding package.json: two levels up from the sources, three from the build. */
export const PROJECT_ROOT = [resolve(__dirname, '..', '..'), resolve(__dirname, '..', '..', '..')].find((dir) =>
  existsSync(resolve(dir, 'package.json')),
)!;
const APP_VERSION = (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface RunningApp {
  url: string;
  stores: Stores;
  /** The go-live checklist's checks, as the checklist page runs them (the sites only with SharePoint). */
  readiness: ReadinessChecks;
  background: BackgroundTasks;
  /** Every route the server answers, as `GET /api/incidents/:id` (for the checks that walk them all). */
  routes: { method: string; path: string }[];
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log?: Logger;
  clock?: Clock;
  /** Tests talk to a local Graph stand-in with a token of their own and quicker retries. */
  graph?: GraphOverrides;
  /** Tests answer msal-node's calls to Entra ID (the on-behalf-of exchange) with a stand-in. */
  loginNetwork?: INetworkModule;
  /** How this instance signs the job leases it holds; the host name and a random suffix unless given. */
  instanceId?: string;
}

/** Unique per start of the app, readable in the Scheduled jobs list (App Service names each instance's host). */
export function newInstanceId(): string {
  return `${hostname()}/${randomUUID().slice(0, 8)}`;
}

export interface GraphOverrides {
  token?: () => Promise<string>;
  retry?: RetryPolicy;
}

/** Calls made while a person waits for a card: all over within four seconds. */
const GRAPH_RETRY: RetryPolicy = { maxAttempts: 4, deadlineMs: 4_000, attemptTimeoutMs: 3_000, baseDelayMs: 200 };

/** The composition root: the one place where adapters are built and wired together. */
export async function startApp({
  config,
  log = consoleLogger(),
  clock = systemClock,
  graph: graphOverrides,
  loginNetwork,
  instanceId = newInstanceId(),
}: StartOptions): Promise<RunningApp> {
  // Local mode trusts every caller on this machine: it never runs on a school's real records.
  if (
    config.mode === 'local' &&
    config.store.kind === 'sharepoint' &&
    !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(config.store.graphBaseUrl)
  ) {
    throw new ConfigError(
      "Refusing to start: local mode (no BOT_ID) would open the school's SharePoint records to anyone on this machine without signing in. Use STORE=sqlite to try the app, or set BOT_ID to run it for real.",
    );
  }
  warnAboutSecrets(config, log);
  const { stores, directory, graph } = await openRecords(config, log, clock, graphOverrides, loginNetwork);
  if (config.provisionAtStart && graph && config.store.kind === 'sharepoint') await provisionAtStart(graph, config.store.sites, log);
  const inspector =
    graph && config.store.kind === 'sharepoint' ? new GraphSiteInspector(graph, config.store.sites, config.store.clientId) : undefined;
  const health = new StoreHealth(stores, inspector, clock);
  const media: MediaServices = {
    store: mediaStoreFor(config, graph),
    previews: imagePreviews,
    newId: randomUUID,
    keepDays: config.mediaKeepDays,
  };
  // The demo school is for trying the app on this machine: never in a school's SharePoint site.
  if (config.mode === 'local' && config.store.kind === 'sqlite' && (await seedDemoSchool(stores, clock.now(), log, media)))
    log.info('Empty store: the demo school was added.');
  const background = new BackgroundTasks(log);

  const adapter = createBotAdapter(config, log);
  const sender = new ProactiveSender(adapter, config.bot.appId, log);
  let url = '';
  const { teamsApps, teamsApp } = teamsAppInCatalogue(config, graph, clock, log);
  const linkTo = (view: string) => tabLink(teamsApp.idForLinks(), config.reminders.publicUrl ?? url, view);
  const links = tabLinks(
    () => teamsApp.idForLinks(),
    () => config.reminders.publicUrl ?? url,
  );
  const reminderSchedules = schoolSchedules(config.reminders.at);
  const leases = new JobLeases(stores.jobRuns, clock, instanceId, log);
  const jobs = new ReminderJobRunner(
    reminderJobDeps(
      config,
      stores,
      media.store,
      directory,
      clock,
      log,
      () => url,
      () => teamsApp.idForLinks(),
    ),
    leases,
    reminderSchedules,
    log,
  );
  const notifier = new TeamsNotifier({ stores, directory, tabLink: linkTo, links, log }, sender, jobs.deliver);
  const deps: AppDeps = { stores, directory, notifier, clock, log, background };
  const bot = new OnlineSafetyBot({
    ...deps,
    newKey: randomUUID,
    announce: jobs.announce,
    tabLink: linkTo,
    links,
    media,
    localMode: config.mode === 'local',
  });
  /** Starts a job's slot here, if no instance has; the work goes on after the caller has its answer. */
  const startSlot = async (name: string, slot: string, at: Date) => {
    const started = await jobs.start(name, slot, at);
    if (started.status === 'started') background.run(`job ${name}`, async () => void (await started.finished));
    return started;
  };
  const readiness = readinessChecks({ config, stores, directory, clock, ...(graph ? { graph } : {}), teamsApp });
  const server = createHttpServer({
    deps,
    health: () => health.check(),
    announce: jobs.announce,
    identify: config.sso
      ? entraSsoIdentity(config.sso, directory, clock)
      : config.mode === 'local'
        ? localPersonaIdentity(directory)
        : refuseEveryone,
    ...(config.sso?.onBehalfOf
      ? {
          userGraph: {
            clientId: config.sso.clientId,
            actAs: onBehalfOf({ clientId: config.sso.clientId, loginBaseUrl: LOGIN_BASE_URL, ...config.sso.onBehalfOf }, loginNetwork),
          },
        }
      : {}),
    localMode: config.mode === 'local',
    personasEnabled: config.mode === 'local' && !config.sso,
    allowedTenants: config.allowedTenants,
    tabDir: config.tabDir,
    importJobs: new PupilImportJobs(deps, background),
    handleBotActivity: botRequestHandler(adapter, bot),
    training: { announce: jobs.announce },
    incidents: {
      timescales: config.incidents,
      evidence: { store: mediaStoreFor(config, graph, 'evidence'), previews: imagePreviews, newId: randomUUID },
    },
    media,
    policyFiles: { store: mediaStoreFor(config, graph, 'policies'), newId: randomUUID },
    background,
    readiness,
    jobs: {
      names: REMINDER_JOBS,
      ...(config.reminders.jobSecret ? { secret: config.reminders.jobSecret } : {}),
      start: async (name) => {
        const now = clock.now();
        return (await startSlot(name, slotNow(jobs.scheduleOf(name), now), now)).status;
      },
    },
  });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(config.port, config.host, done);
    });
  } catch (error) {
    await stores.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new ConfigError(
        `Port ${config.port} on ${config.host} is already in use (is Online Safety Desk already running?). Stop the other program or set PORT.`,
      );
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // The app installs itself for everyone it must message, at start and every weekday morning.
  const installApp =
    teamsApps && config.mode === 'teams'
      ? appInstallation({ stores, directory, installer: teamsApps, teamsApp, clock, log }, background)
      : undefined;
  const schedules = [
    ...reminderSchedules,
    ...(installApp ? [{ job: INSTALL_APP_JOB, on: 'weekdays' as const, at: config.reminders.at }] : []),
  ];
  const runSlot = async (name: string, slot: string, at: Date) => {
    // Installing is harmless when repeated (each person is checked first): no lease.
    if (name === INSTALL_APP_JOB) return (installApp?.(), true);
    const started = await jobs.start(name, slot, at);
    if (started.status === 'started') await started.finished;
    return started.status !== 'held';
  };
  const scheduler = new Scheduler(schedules, runSlot, clock, realTimers, log, (tick) => background.run('scheduled jobs', tick));
  if (config.reminders.scheduler) scheduler.start();
  if (teamsApp.canLookUp) background.run('look up the Teams app in the catalogue', async () => void (await teamsApp.current()));
  // A step saved and its notices stored, but the app stopped before they went: they go now.
  background.run('step notices left pending', async () => void (await sendNoticesLeftPending(deps)));
  installApp?.();

  return {
    url,
    stores,
    readiness,
    background,
    routes: Object.values(server.router.getRoutes()).map((route) => ({ method: route.method, path: String(route.path) })),
    async close() {
      scheduler.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await background.idle();
      await stores.close();
    },
  };
}

/**
 * The lists before the code that needs them, with the app's own identity (in Azure its managed
 * identity). Making lists or columns needs the app granted full control of the sites; with write
 * only, a complete site is left as it is and anything missing is said, and the app starts anyway:
 * /healthz and the go-live checklist then say what to do.
 */
async function provisionAtStart(graph: GraphApi, sites: SharePointSites, log: Logger): Promise<void> {
  try {
    const changes = await provisionLists(graph, sites);
    log.info(changes.length ? `SharePoint lists: ${changes.join(' ')}` : 'SharePoint lists: every list and column is in place.');
  } catch (error) {
    log.warn(
      `The SharePoint lists could not be created or completed at start (${error instanceof Error ? error.message : 'error'}): grant the app full control of both sites while it starts once (docs/sharepoint-sites-and-hosting.md).`,
    );
  }
}

const INSTALL_APP_JOB = 'install-app';

/**
 * One installation run at a time, in the background, paced at two people a second: up to four
 * Graph calls each, well under Graph's 30 requests a second per app for Teams calls
 * (https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits).
 */
function appInstallation(deps: Omit<InstallDeps, 'pace'>, background: BackgroundTasks): () => void {
  const limiter = new RateLimiter([{ count: 2, ms: 1_000 }], [], realTimer);
  let running: Promise<unknown> | undefined;
  return () => {
    if (running) return;
    running = installForEveryone({ ...deps, pace: async () => (await limiter.acquire('graph'))() }).finally(() => (running = undefined));
    background.run('install the Teams app for everyone', async () => void (await running));
  };
}

/**
 * How long the term dates, once read from SharePoint, answer again. They are read on every request
 * to open a site whose last day is left empty (it ends at the end of the term) and change a few
 * times a year; a change made in the app's settings is seen at once on the instance that made it,
 * elsewhere within ten minutes (the request's card shows the last day it was given).
 */
const TERM_DATES_KEPT_MS = 10 * 60_000;

/**
 * The school's records and who is who, as configured, and the Graph client they are reached
 * through (none with records in SQLite): for the server, `npm run job` and `npm run readiness`.
 */
export async function openRecords(
  config: Config,
  log: Logger,
  clock: Clock,
  graphOverrides?: GraphOverrides,
  loginNetwork?: INetworkModule,
): Promise<{ stores: Stores; directory: Directory; graph?: GraphApi }> {
  const graph = config.store.kind === 'sharepoint' ? createGraphApi(config.store, log, graphOverrides, loginNetwork) : undefined;
  const opened =
    graph && config.store.kind === 'sharepoint' ? createSharePointStores(graph, config.store.sites) : createSqliteStores(config.dataDir);
  // A click asks for the same conversation record and sent-cards list several times: once from the store.
  const stores: Stores = {
    ...opened,
    conversations: readOncePerClick('conversations', opened.conversations),
    cardMessages: readOncePerClick('cardMessages', opened.cardMessages),
    ...(graph ? { termDates: keptReads(opened.termDates, clock, TERM_DATES_KEPT_MS) } : {}),
  };
  if (!graph) return { stores, directory: new PeopleListDirectory(stores.people) };
  if (config.directory.kind === 'entra')
    return {
      stores,
      directory: new EntraDirectory(graph, config.directory.roleGroups, clock, new FirstSeenDates(stores.firstSeen, log)),
      graph,
    };
  // The People list on SharePoint: read once a minute, forgotten whenever the app changes it.
  const directory = new CachedDirectory(new PeopleListDirectory(stores.people), clock);
  return { stores: { ...stores, people: forgettingOnWrite(stores.people, () => directory.forget()) }, directory, graph };
}

/** The Teams app in the organisation's catalogue (found through Graph when the records are on SharePoint). */
export function teamsAppInCatalogue(
  config: Config,
  graph: GraphApi | undefined,
  clock: Clock,
  log: Logger,
): { teamsApps?: GraphTeamsApps; teamsApp: TeamsAppInCatalogue } {
  const teamsApps = graph && config.store.kind === 'sharepoint' ? new GraphTeamsApps(graph, config.store.graphBaseUrl) : undefined;
  return { ...(teamsApps ? { teamsApps } : {}), teamsApp: new TeamsAppInCatalogue(config.teamsAppId, teamsApps, clock, log) };
}

/**
 * The school's own store for photos and videos, incidents' evidence or the policies' documents: a folder in the data
 * folder on SQLite, a document library on SharePoint.
 */
export function mediaStoreFor(config: Config, graph: GraphApi | undefined, kind: 'media' | 'evidence' | 'policies' = 'media'): MediaStore {
  if (graph && config.store.kind === 'sharepoint') {
    // Policies are not confidential: their library is on the working site.
    if (kind === 'policies') return new SharePointMediaStore(graph, config.store.sites.working, POLICY_LIBRARY);
    return new SharePointMediaStore(graph, config.store.sites.records, kind === 'media' ? MEDIA_LIBRARY : EVIDENCE_LIBRARY);
  }
  return new FolderMediaStore(join(config.dataDir, kind));
}

/** The Graph client with the app's pipeline: retries within a budget, timeouts, User-Agent. */
export function createGraphApi(
  settings: SharePointSettings,
  log: Logger,
  overrides: GraphOverrides = {},
  loginNetwork?: INetworkModule,
): GraphApi {
  return new GraphApi(
    {
      baseUrl: settings.graphBaseUrl,
      userAgent: `NONISV|${settings.organisation}|OnlineSafetyDesk/${APP_VERSION}`,
      retry: overrides.retry ?? GRAPH_RETRY,
      token:
        overrides.token ??
        appTokenProvider({
          clientId: settings.clientId,
          tenantId: settings.tenantId,
          credential: settings.credential,
          loginBaseUrl: LOGIN_BASE_URL,
          ...(loginNetwork ? { networkClient: loginNetwork } : {}),
        }),
    },
    log,
  );
}

/**
 * A client secret expires (the toolkit gives it 180 days) and then the app stops reaching
 * Microsoft 365: fine in a developer's own tenant, never for a school. Said at every start.
 */
function warnAboutSecrets(config: Config, log: Logger): void {
  const secrets = [config.store.kind === 'sharepoint' ? config.store.credential : undefined, config.sso?.onBehalfOf?.credential].filter(
    (credential) => credential?.kind === 'secret',
  );
  if (secrets.length === 0) return;
  log.warn(
    "The app signs in to Microsoft Graph with a client secret, which expires (180 days when the Teams Toolkit made it): use it only in a developer's own tenant. In Azure use the managed identity, elsewhere a certificate (docs/credentials-and-reach.md).",
  );
}

async function main(): Promise<void> {
  const log = consoleLogger();
  let config: Config;
  try {
    config = loadConfig(process.env, PROJECT_ROOT);
  } catch (error) {
    if (error instanceof ConfigError) {
      log.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let app: RunningApp;
  try {
    app = await startApp({ config, log });
  } catch (error) {
    log.error(
      error instanceof ConfigError ? error.message : 'Online Safety Desk could not start',
      error instanceof ConfigError ? undefined : error,
    );
    process.exit(1);
  }
  if (config.mode === 'local') {
    log.warn('LOCAL MODE: the bot accepts unsigned requests (no BOT_ID), so it listens on this machine only. Never expose it.');
  } else {
    log.info(`Teams mode: every bot request must be signed for app ${config.bot.appId}.`);
  }
  log.info(`Bot endpoint: ${app.url}/api/messages`);
  log.info(`Tabs:         ${app.url}/tab/`);
  log.info(`Health:       ${app.url}/healthz`);
  log.info(`Data folder:  ${config.dataDir}`);
  const stop = () => {
    log.info('Stopping…');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  void main();
}
