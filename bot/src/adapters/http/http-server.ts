import restify, { type Request, type Response, type Server } from 'restify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from '../../app/app-deps';
import type { IncidentDeps } from '../../app/incident-deps';
import type { Announce } from '../../app/reminders/announce';
import type { PupilImportJobs } from '../../app/pupil-import-jobs';
import type { Health } from '../../app/readiness/store-health';
import type { ApiIdentity } from './api-identity';
import { registerApiRoutes, type UserGraph } from './api-routes';
import { PUPIL_IMPORT_MAX_BYTES } from './consent-admin-routes';
import { registerJobTrigger, type JobTrigger } from './job-trigger-route';
import { registerReadinessRoutes } from './readiness-routes';
import type { ReadinessChecks } from '../../app/readiness/check-readiness';
import { registerTrainingRoutes, type TrainingRouteDeps } from './training-routes';
import { refuse, refusedInLocalMode, repliesElsewhere } from './local-mode-guard';
import { send } from './api-refusal';
import { activityProblem } from './activity-shape';
import { restifyLog } from './restify-log';
import { logValue } from '../../app/log-value';
import type { MediaServices } from '../../app/media/media-services';
import type { BackgroundTasks } from '../../app/background-tasks';
import { MEDIA_UPLOAD_PATH } from './posting-media-routes';
import { EVIDENCE_UPLOAD_PATH } from './incident-evidence-routes';
import { POLICY_UPLOAD_PATH } from './policy-library-routes';
import type { PolicyFiles } from '../../app/policies/policy-files';
import type { EvidenceServices } from '../../app/incident-evidence';

export interface HttpServerOptions {
  deps: AppDeps;
  /** What `/healthz` answers (503 when the app cannot do its work, with what to do). */
  health(): Promise<Health>;
  /** Messages through the reminders' outbox (a new takedown task for its owner). */
  announce: Announce;
  identify: ApiIdentity;
  /** Graph as the signed-in person, when Teams SSO with a client secret is configured. */
  userGraph?: UserGraph;
  localMode: boolean;
  /** The demo persona switcher (local mode without SSO only). */
  personasEnabled: boolean;
  /** When not empty, bot activities from any other tenant are refused. */
  allowedTenants: string[];
  tabDir: string;
  importJobs: PupilImportJobs;
  /** Hands a request on `/api/messages` to the Bot Framework adapter. */
  handleBotActivity(req: Request, res: Response): Promise<void>;
  /** Scheduled jobs a cloud timer may start (`POST /api/jobs/<name>`). */
  jobs?: JobTrigger;
  /** The Training tab's API. */
  training?: TrainingRouteDeps;
  /** The go-live checklist's checks (`/api/readiness`, `/healthz?detail`). */
  readiness: ReadinessChecks;
  /** The incident log's timescales: the school's working hours. */
  incidents: Pick<IncidentDeps, 'timescales'> & { evidence: EvidenceServices };
  /** The school's own store for the photos and videos attached to requests to post. */
  media: MediaServices;
  /** Where the policies' documents are kept (the policy library). */
  policyFiles: PolicyFiles;
  /** Work after an answer is sent (telling people about a change). */
  background: BackgroundTasks;
}

// Teams and Microsoft 365 hosts that may frame the tabs; nothing else may.
const FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

export function createHttpServer(options: HttpServerOptions): Server {
  const server = restify.createServer({
    name: 'online-safety-desk',
    handleUncaughtExceptions: false,
    log: restifyLog(options.deps.log),
  } as restify.ServerOptions);
  // Before routing, so that every answer carries them, a 404 or 405 included.
  server.pre((req: Request, res: Response, next) => {
    // Answers about people and concerns are never kept by a browser or proxy, nor read as another type.
    if (req.getPath().startsWith('/api/')) {
      res.header('Cache-Control', 'no-store');
      res.header('X-Content-Type-Options', 'nosniff');
    }
    // Outside local mode the app is reached over HTTPS only (App Service); browsers should never try plain HTTP.
    if (!options.localMode) res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    return next();
  });
  if (options.localMode) {
    // Before a body is read: a stranger's request is refused on its headers alone.
    server.pre((req: Request, res: Response, next) => refuseIf(refusedInLocalMode(req), res, next));
  }
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // jsonBodyParser hands its options to bodyReader, which enforces maxBodySize (missing from the types).
  // A school's MIS export is the one larger body the app takes.
  const parseBody = (maxBodySize: number) =>
    restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize } as restify.plugins.JsonBodyParserOptions);
  const [smallBodies, pupilFiles] = [parseBody(256 * 1024), parseBody(PUPIL_IMPORT_MAX_BYTES + 64 * 1024)];
  server.use((req: Request, res: Response, next) => {
    // A photo, video, evidence file or policy document is read by its route as it arrives (up to 250 MB), never parsed as JSON.
    if (req.method === 'POST' && [MEDIA_UPLOAD_PATH, EVIDENCE_UPLOAD_PATH, POLICY_UPLOAD_PATH].some((path) => path.test(req.getPath())))
      return next();
    return runChain(req.getPath() === '/api/pupils/import' ? pupilFiles : smallBodies, req, res, next);
  });
  if (options.localMode) server.use((req: Request, res: Response, next) => refuseIf(repliesElsewhere(req), res, next));

  // restify 11 insists that two-argument handlers are real async functions.
  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      send(res, 400, { error: problem });
      return;
    }
    const tenant = tenantOf(req.body);
    if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(tenant ?? '')) {
      options.deps.log.warn(`Refused a bot activity from another tenant (${logValue(tenant)})`);
      send(res, 403, { error: 'This app serves one school only.' });
      return;
    }
    await options.handleBotActivity(req, res);
  });

  registerReadinessRoutes(server, options.deps, options.identify, options.readiness, options.health, options.localMode);
  registerApiRoutes(
    server,
    { ...options.deps, ...options.incidents, announce: options.announce, policyFiles: options.policyFiles },
    options.identify,
    options.personasEnabled,
    options.importJobs,
    { ...options.media, background: options.background },
    options.userGraph,
  );
  if (options.jobs) registerJobTrigger(server, options.jobs, options.localMode, options.deps.log);
  if (options.training) registerTrainingRoutes(server, options.deps, options.identify, options.training, options.background);

  server.get('/', async (_req: Request, res: Response) => {
    res.header('Location', '/tab/');
    res.send(302);
  });
  const serveTab = restify.plugins.serveStaticFiles(options.tabDir);
  // The build names each script and style sheet after its content (a new build is a new name), so a
  // browser keeps them; `immutable` goes on to `send`, which restify's types leave out.
  const assetOptions: restify.plugins.ServeStaticFiles & { immutable: boolean } = {
    maxAge: 365 * 24 * 60 * 60 * 1000,
    immutable: true,
    setHeaders: (res: Response, path: string) => {
      res.setHeader('Vary', 'Accept-Encoding');
      if (!path.endsWith('.gz')) return;
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Type', path.endsWith('.css.gz') ? 'text/css; charset=UTF-8' : 'application/javascript; charset=UTF-8');
    },
  };
  const serveAssets = restify.plugins.serveStaticFiles(options.tabDir, assetOptions);
  server.get('/tab/*', (req: Request, res: Response, next) => {
    // teams-js is bundled; inside Teams it fetches its list of valid domains from the Office CDN.
    res.header(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' https://res.cdn.office.net; frame-ancestors ${FRAME_ANCESTORS}`,
    );
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!existsSync(options.tabDir)) {
      send(res, 503, { error: 'The tab pages have not been built: run `npm run build:tab`.' });
      return next(false);
    }
    const params = req.params as Record<string, string>;
    const wanted = params['*'] ?? '';
    if (wanted === '' || wanted.endsWith('/')) params['*'] = `${wanted}index.html`;
    if (!ASSET.test(wanted)) return serveTab(req, res, next);
    // The build writes each script and style sheet gzipped beside it (tab/vite.config.mts): sent as such to a browser that takes it.
    if (acceptsGzip(req.header('accept-encoding') ?? '') && existsSync(join(options.tabDir, `${wanted}.gz`))) params['*'] = `${wanted}.gz`;
    return serveAssets(req, res, next);
  });

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500)
      options.deps.log.error(`HTTP ${logValue(req.method, 10)} ${logValue(req.getPath())} failed`, error);
    return callback();
  });
  return server;
}

/** A script or style sheet the tab's build wrote, named after its content. */
const ASSET = /^assets\/[\w.-]+\.(js|css)$/;

/** Whether the browser takes gzip (`Accept-Encoding: gzip`, not refused with `q=0`). */
export function acceptsGzip(header: string): boolean {
  return header.split(',').some((coding) => {
    const [name = '', ...parameters] = coding.split(';').map((part) => part.trim());
    return name.toLowerCase() === 'gzip' && !parameters.some((parameter) => /^q=0(\.0{0,3})?$/i.test(parameter));
  });
}

function refuseIf(refusal: string | undefined, res: Response, next: restify.Next): void {
  if (!refusal) return next();
  refuse(res, refusal);
  return next(false);
}

/** Runs restify handlers one after another, stopping at the first that answers or fails. */
function runChain(handlers: restify.RequestHandler[], req: Request, res: Response, done: restify.Next): void {
  const step = (index: number) => (error?: unknown) => {
    if (error !== undefined && error !== null) return done(error as Error);
    const handler = handlers[index];
    if (!handler) return done();
    handler(req, res, step(index + 1) as restify.Next);
  };
  step(0)();
}

/** The tenant a Teams activity comes from (`conversation.tenantId`, or `channelData.tenant.id`). */
function tenantOf(body: unknown): string | undefined {
  const activity = body as { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } } | undefined;
  const tenant = activity?.conversation?.tenantId ?? activity?.channelData?.tenant?.id;
  return typeof tenant === 'string' ? tenant : undefined;
}
