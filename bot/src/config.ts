import { resolve } from 'node:path';
import { DEFAULT_MEDIA_KEEP_DAYS } from './domain/media/posting-attachment';
import { ROLES, ROLES_EVERY_SCHOOL_NEEDS, type Role } from './domain/people/role';
import { DEFAULT_TIMESCALES, type TimescaleSettings } from './domain/incidents/incident-timescales';

/**
 * Environment → typed settings. With no bot app id the app runs in local mode: the Bot
 * Framework's anonymous mode, which accepts unsigned requests and so may only listen on this
 * machine. Anything else needs the bot's registration.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  tabDir: string;
  mode: 'local' | 'teams';
  bot: { appId: string; appPassword: string; appType: 'SingleTenant' | 'UserAssignedMSI'; tenantId: string; openIdMetadataUrl?: string };
  store: SqliteSettings | SharePointSettings;
  /** Where people and roles come from: the store's people list, or Entra ID security groups. */
  directory: { kind: 'store' } | { kind: 'entra'; roleGroups: Partial<Record<Role, string>> };
  /** The school's tenant(s): activities and tokens from anywhere else are refused. Empty in local mode. */
  allowedTenants: string[];
  /** Teams SSO for the tabs; when set, the local persona switcher is off. */
  sso?: SsoSettings;
  /** How long a leaver's photo and video consent is kept before it is reviewed. */
  consentMonthsAfterLeaving: number;
  /**
   * The Teams app's id (manifest `id`): the app finds its id in the organisation's catalogue by it,
   * for links into its static tabs and for installing itself; unset = links to the local tab.
   */
  teamsAppId?: string;
  reminders: ReminderSettings;
  /** When an unopened concern is escalated, and the working day it counts in. */
  incidents: TimescaleSettings;
  /** Days a request's photos and videos are kept after the post is registered or the request is refused or withdrawn. */
  mediaKeepDays: number;
  /**
   * Create or complete the SharePoint lists before serving (PROVISION_AT_START=true, set in Azure):
   * the app's own identity does it, so a deploy never starts new code on lists it does not know.
   */
  provisionAtStart: boolean;
}

/** The reminder jobs. */
export interface ReminderSettings {
  /** Local school time (Europe/London) the jobs run at, `HH:MM`. */
  at: string;
  /** Off when several instances run: a cloud timer calls the job trigger instead. */
  scheduler: boolean;
  /** The app's global pace for proactive messages (Teams allows 50/s per app per tenant). */
  perSecond: number;
  /** The shared secret a cloud timer sends in `X-Job-Secret`; without it the trigger is off outside local mode. */
  jobSecret?: string;
  /** Where reminder cards link to (`<publicUrl>/tab/?view=…`). */
  publicUrl?: string;
}

export interface SsoSettings {
  clientId: string;
  applicationIdUri?: string;
  allowedTenants: string[];
  loginBaseUrl: string;
  /**
   * How the app registration proves itself when it exchanges a person's SSO token for Graph
   * (on-behalf-of). Without it the app never acts as a person; the checks that need it are skipped.
   */
  onBehalfOf?: { credential: GraphCredential; tenantId: string; graphBaseUrl: string };
}

/**
 * How the app proves itself to Microsoft Entra ID (docs/credentials-and-reach.md):
 * - managedIdentity: a token of the App Service's user-assigned managed identity, trusted by a
 *   federated identity credential on the app registration; nothing is stored and nothing expires;
 * - certificate: a private key in a PEM file (schools hosting the app elsewhere);
 * - secret: a client secret, for a developer's own tenant only (it expires).
 */
export type GraphCredential =
  | { kind: 'managedIdentity'; managedIdentityClientId: string; identityEndpoint: string; identityHeader: string }
  | { kind: 'certificate'; privateKeyPath: string; thumbprintSha256: string }
  | { kind: 'secret'; clientSecret: string; expiresOn?: string };

export const GRAPH_CREDENTIAL_KINDS = ['managedIdentity', 'certificate', 'secret'] as const;

export interface SqliteSettings {
  kind: 'sqlite';
}

/**
 * The two SharePoint sites: the school's working site (consent, training, requests, settings…)
 * and the records site holding the safeguarding records (incidents, their chronology, the audit
 * log), which only the DSL, the deputies and the app can open.
 */
export interface SharePointSites {
  working: string;
  records: string;
}

export interface SharePointSettings {
  kind: 'sharepoint';
  sites: SharePointSites;
  /** `https://graph.microsoft.com`, or a local stand-in in tests. */
  graphBaseUrl: string;
  /** Named in the User-Agent SharePoint asks for: NONISV|<organisation>|OnlineSafetyDesk/<version>. */
  organisation: string;
  tenantId: string;
  clientId: string;
  credential: GraphCredential;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function loadConfig(env: NodeJS.ProcessEnv, projectRoot: string): Config {
  const appId = (env.BOT_ID ?? '').trim();
  const mode = appId ? 'teams' : 'local';
  const host = (env.HOST ?? '127.0.0.1').trim();
  const port = parsePort(env.PORT);

  if (mode === 'local' && !LOOPBACK.has(host)) {
    throw new ConfigError(
      `Refusing to start: local mode (no BOT_ID) accepts unsigned Teams traffic, so it only listens on this machine. HOST is "${host}"; use 127.0.0.1, or set BOT_ID and BOT_PASSWORD to run for real.`,
    );
  }
  const appType = (env.BOT_TYPE ?? 'SingleTenant').trim();
  if (appType !== 'SingleTenant' && appType !== 'UserAssignedMSI') {
    throw new ConfigError(
      `BOT_TYPE must be SingleTenant or UserAssignedMSI (new multi-tenant bots can no longer be registered); it is "${appType}".`,
    );
  }
  const openIdMetadataUrl = (env.BOT_OPENID_METADATA_URL ?? '').trim();
  // Where the keys that sign Teams' requests are published: the Bot Framework's own, or a stand-in on this machine (tests).
  if (openIdMetadataUrl && !/^(https:\/\/login\.botframework\.com\/|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/)/.test(openIdMetadataUrl)) {
    throw new ConfigError(`BOT_OPENID_METADATA_URL must be on https://login.botframework.com; it is "${openIdMetadataUrl}".`);
  }
  const bot = {
    appId,
    appPassword: env.BOT_PASSWORD ?? '',
    appType,
    tenantId: (env.BOT_TENANT_ID ?? '').trim(),
    ...(openIdMetadataUrl ? { openIdMetadataUrl } : {}),
  } as const;
  const store = loadStoreSettings(env, bot.tenantId);
  if (mode === 'teams') refuseOneSiteForEverything(env, store);
  if (mode === 'teams') {
    const missing = [
      ...(bot.tenantId ? [] : ['BOT_TENANT_ID']),
      ...(appType === 'SingleTenant' && !bot.appPassword ? ['BOT_PASSWORD'] : []),
    ];
    if (missing.length) throw new ConfigError(`BOT_ID is set, so the bot runs for real and also needs: ${missing.join(', ')}.`);
  }
  const allowedTenants = [
    ...new Set([bot.tenantId, ...(env.ALLOWED_TENANT_IDS ?? '').split(',')].map((tenant) => tenant.trim()).filter(Boolean)),
  ];
  return {
    port,
    host,
    dataDir: resolve(projectRoot, env.DATA_DIR ?? 'data'),
    tabDir: resolve(projectRoot, env.TAB_DIR ?? 'dist/tab'),
    mode,
    bot,
    store,
    directory: loadDirectorySettings(env, store),
    allowedTenants: mode === 'local' ? [] : allowedTenants,
    consentMonthsAfterLeaving: wholeNumber(env.CONSENT_RETENTION_MONTHS, 12, 'CONSENT_RETENTION_MONTHS'),
    ...(env.TEAMS_APP_ID?.trim() ? { teamsAppId: env.TEAMS_APP_ID.trim() } : {}),
    reminders: loadReminderSettings(env),
    incidents: loadTimescales(env),
    mediaKeepDays: mediaKeepDays(env.MEDIA_KEEP_DAYS),
    provisionAtStart: onOff(env.PROVISION_AT_START, 'PROVISION_AT_START'),
    ...loadSsoSettings(env, allowedTenants),
  };
}

/** Teams SSO settings, named as the Teams Toolkit's aadApp/create writes them. */
function loadSsoSettings(env: NodeJS.ProcessEnv, allowedTenants: string[]): { sso?: SsoSettings } {
  const clientId = (env.AAD_APP_CLIENT_ID ?? '').trim();
  if (!clientId) return {};
  const tenants = [...new Set([...allowedTenants, (env.AAD_APP_TENANT_ID ?? '').trim()].filter(Boolean))];
  if (tenants.length === 0)
    throw new ConfigError('AAD_APP_CLIENT_ID is set, so Teams SSO is on: set AAD_APP_TENANT_ID (the school tenant) too.');
  const loginBaseUrl = (env.AAD_APP_OAUTH_AUTHORITY_HOST ?? 'https://login.microsoftonline.com').trim().replace(/\/$/, '');
  // The signing keys are fetched from here: only Entra ID itself, or a stand-in on this machine.
  if (!/^(https:\/\/login\.microsoftonline\.com|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)$/.test(loginBaseUrl)) {
    throw new ConfigError(`AAD_APP_OAUTH_AUTHORITY_HOST must be https://login.microsoftonline.com; it is "${loginBaseUrl}".`);
  }
  const applicationIdUri = (env.AAD_APP_ID_URI ?? '').trim();
  const credential = onBehalfOfCredential(env, clientId);
  const homeTenant = (env.AAD_APP_TENANT_ID ?? '').trim() || tenants[0]!;
  const graphBaseUrl = (env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com').trim().replace(/\/$/, '');
  // The person's Graph token goes there: only Microsoft Graph itself, or a stand-in on this machine.
  if (credential && !/^(https:\/\/graph\.microsoft\.com|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)$/.test(graphBaseUrl)) {
    throw new ConfigError(`GRAPH_BASE_URL must be https://graph.microsoft.com; it is "${graphBaseUrl}".`);
  }
  const onBehalfOf = credential ? { onBehalfOf: { credential, tenantId: homeTenant, graphBaseUrl } } : {};
  return { sso: { clientId, allowedTenants: tenants, loginBaseUrl, ...(applicationIdUri ? { applicationIdUri } : {}), ...onBehalfOf } };
}

/**
 * The SSO app's own secret when one is set (the toolkit writes it as SECRET_AAD_APP_CLIENT_SECRET
 * into .env.*.user; the app setting is AAD_APP_CLIENT_SECRET); otherwise the Graph credential,
 * when it belongs to the same app registration (as in Azure, where there is no secret at all).
 */
function onBehalfOfCredential(env: NodeJS.ProcessEnv, ssoClientId: string): GraphCredential | undefined {
  const clientSecret = (env.AAD_APP_CLIENT_SECRET ?? env.SECRET_AAD_APP_CLIENT_SECRET ?? '').trim();
  if (clientSecret) return { kind: 'secret', clientSecret };
  const graphClientId = (env.GRAPH_CLIENT_ID ?? '').trim();
  if (graphClientId && graphClientId !== ssoClientId) return undefined;
  return loadGraphCredential(env);
}

export function roleGroupVariable(role: Role): string {
  return `ROLE_GROUP_${role.replace(/([A-Z])/g, '_$1').toUpperCase()}`;
}

function loadDirectorySettings(env: NodeJS.ProcessEnv, store: Config['store']): Config['directory'] {
  const roleGroups: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const group = (env[roleGroupVariable(role)] ?? '').trim();
    if (group) roleGroups[role] = group;
  }
  if (Object.keys(roleGroups).length === 0) return { kind: 'store' };
  if (store.kind !== 'sharepoint')
    throw new ConfigError('ROLE_GROUP_* settings need STORE=sharepoint: the same Microsoft Graph app reads the groups.');
  const missing = ROLES_EVERY_SCHOOL_NEEDS.filter((role) => !roleGroups[role]).map(roleGroupVariable);
  if (missing.length) throw new ConfigError(`Roles come from Entra ID groups, so these are needed too: ${missing.join(', ')}.`);
  return { kind: 'entra', roleGroups };
}

export function loadStoreSettings(env: NodeJS.ProcessEnv, botTenantId = ''): SqliteSettings | SharePointSettings {
  const kind = (env.STORE ?? 'sqlite').trim();
  if (kind === 'sqlite') return { kind };
  if (kind !== 'sharepoint') throw new ConfigError(`STORE must be sqlite or sharepoint; it is "${kind}".`);
  const value = (name: string) => (env[name] ?? '').trim();
  const tenantId = value('GRAPH_TENANT_ID') || botTenantId;
  const credential = loadGraphCredential(env);
  const missing = [
    ...(value('SHAREPOINT_SITE_ID') ? [] : ['SHAREPOINT_SITE_ID']),
    ...(value('SHAREPOINT_RECORDS_SITE_ID') ? [] : ['SHAREPOINT_RECORDS_SITE_ID']),
    ...(tenantId ? [] : ['GRAPH_TENANT_ID']),
    ...(value('GRAPH_CLIENT_ID') ? [] : ['GRAPH_CLIENT_ID']),
    ...(credential ? [] : ['a credential (GRAPH_MANAGED_IDENTITY_CLIENT_ID in Azure, or GRAPH_CERTIFICATE_PATH, or GRAPH_CLIENT_SECRET)']),
  ];
  if (missing.length) throw new ConfigError(`STORE=sharepoint also needs: ${missing.join(', ')}.`);
  const graphBaseUrl = value('GRAPH_BASE_URL') || 'https://graph.microsoft.com';
  // The app's Graph token goes wherever this points: only Microsoft Graph, or this machine (tests).
  if (!/^(https:\/\/graph\.microsoft\.com|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)\/?$/.test(graphBaseUrl)) {
    throw new ConfigError(
      `GRAPH_BASE_URL must be https://graph.microsoft.com (or a local stand-in on this machine); it is "${graphBaseUrl}".`,
    );
  }
  return {
    kind,
    sites: { working: value('SHAREPOINT_SITE_ID'), records: value('SHAREPOINT_RECORDS_SITE_ID') },
    graphBaseUrl,
    organisation: (value('SCHOOL_ORGANISATION') || 'School').replace(/[|\r\n]/g, ' '),
    tenantId,
    clientId: value('GRAPH_CLIENT_ID'),
    credential: credential!,
  };
}

/** The setting that lets a developer tenant keep everything on one site, and the only value it takes. */
export const ONE_SITE_ACKNOWLEDGEMENT = { name: 'SHAREPOINT_ONE_SITE_FOR_DEVELOPER_TENANT', value: 'true' } as const;

/**
 * A school's safeguarding records must not sit on the working site, where the headteacher, the
 * admin team and IT can browse them. Only a developer's own tenant may say, in so many words,
 * that one site is fine.
 */
export function refuseOneSiteForEverything(env: NodeJS.ProcessEnv, store: SqliteSettings | SharePointSettings): void {
  if (store.kind !== 'sharepoint' || !sameSite(store.sites.working, store.sites.records)) return;
  if ((env[ONE_SITE_ACKNOWLEDGEMENT.name] ?? '').trim() === ONE_SITE_ACKNOWLEDGEMENT.value) return;
  throw new ConfigError(
    `Refusing to start: SHAREPOINT_RECORDS_SITE_ID is the working site (SHAREPOINT_SITE_ID), so the incidents and the audit log would be open to everyone who can open that site, the headteacher included. Give the safeguarding records their own site (docs/sharepoint-sites-and-hosting.md). Only in a developer's own tenant, set ${ONE_SITE_ACKNOWLEDGEMENT.name}=${ONE_SITE_ACKNOWLEDGEMENT.value}.`,
  );
}

/** Site ids compare without regard to case: SharePoint host names and GUIDs are case-insensitive. */
export function sameSite(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The credential GRAPH_CREDENTIAL names; without it, the one whose settings are present
 * (certificate, then secret, then managed identity). Undefined when none is configured.
 */
export function loadGraphCredential(env: NodeJS.ProcessEnv): GraphCredential | undefined {
  const value = (name: string) => (env[name] ?? '').trim();
  const named = value('GRAPH_CREDENTIAL');
  if (named && !(GRAPH_CREDENTIAL_KINDS as readonly string[]).includes(named)) {
    throw new ConfigError(`GRAPH_CREDENTIAL must be managedIdentity, certificate or secret; it is "${named}".`);
  }
  const kind =
    named ||
    (value('GRAPH_CERTIFICATE_PATH')
      ? 'certificate'
      : value('GRAPH_CLIENT_SECRET')
        ? 'secret'
        : value('GRAPH_MANAGED_IDENTITY_CLIENT_ID')
          ? 'managedIdentity'
          : '');
  const need = (names: string[], why: string) => {
    const missing = names.filter((name) => !value(name));
    if (missing.length) throw new ConfigError(`${why} also needs: ${missing.join(', ')}.`);
  };
  switch (kind) {
    case 'managedIdentity':
      need(['GRAPH_MANAGED_IDENTITY_CLIENT_ID'], 'GRAPH_CREDENTIAL=managedIdentity');
      // App Service sets these two for an app with a managed identity; elsewhere there is none.
      need(['IDENTITY_ENDPOINT', 'IDENTITY_HEADER'], 'GRAPH_CREDENTIAL=managedIdentity (only in Azure App Service, which sets them)');
      if (!/^https?:\/\/[^\s]+$/.test(value('IDENTITY_ENDPOINT')))
        throw new ConfigError(`IDENTITY_ENDPOINT must be the managed identity endpoint's address; it is "${value('IDENTITY_ENDPOINT')}".`);
      return {
        kind,
        managedIdentityClientId: value('GRAPH_MANAGED_IDENTITY_CLIENT_ID'),
        identityEndpoint: value('IDENTITY_ENDPOINT'),
        identityHeader: value('IDENTITY_HEADER'),
      };
    case 'certificate':
      need(['GRAPH_CERTIFICATE_PATH', 'GRAPH_CERTIFICATE_THUMBPRINT'], 'GRAPH_CREDENTIAL=certificate');
      return { kind, privateKeyPath: value('GRAPH_CERTIFICATE_PATH'), thumbprintSha256: value('GRAPH_CERTIFICATE_THUMBPRINT') };
    case 'secret': {
      need(['GRAPH_CLIENT_SECRET'], 'GRAPH_CREDENTIAL=secret');
      const expiresOn = value('GRAPH_CLIENT_SECRET_EXPIRES_ON');
      if (expiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(expiresOn))
        throw new ConfigError(
          `GRAPH_CLIENT_SECRET_EXPIRES_ON must be a date such as 2027-05-31 (the "Expires" column in Entra ID); it is "${expiresOn}".`,
        );
      return { kind, clientSecret: value('GRAPH_CLIENT_SECRET'), ...(expiresOn ? { expiresOn } : {}) };
    }
    default:
      return undefined;
  }
}

function loadReminderSettings(env: NodeJS.ProcessEnv): ReminderSettings {
  const at = (env.SCHEDULE_TIME ?? '07:30').trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new ConfigError(`SCHEDULE_TIME must be a local time such as 07:30; it is "${at}".`);
  const scheduler = (env.SCHEDULER ?? 'on').trim();
  if (scheduler !== 'on' && scheduler !== 'off') throw new ConfigError(`SCHEDULER must be on or off; it is "${scheduler}".`);
  const perSecond = Number((env.REMINDER_RATE_PER_SECOND ?? '25').trim());
  if (!Number.isInteger(perSecond) || perSecond < 1 || perSecond > 50)
    throw new ConfigError(
      `REMINDER_RATE_PER_SECOND must be a whole number from 1 to 50 (Teams allows 50 per second per app); it is "${env.REMINDER_RATE_PER_SECOND}".`,
    );
  const jobSecret = (env.JOB_SECRET ?? '').trim();
  if (jobSecret && jobSecret.length < 32)
    throw new ConfigError('JOB_SECRET must be at least 32 characters (a random value, e.g. `openssl rand -hex 32`).');
  const publicUrl = (env.PUBLIC_URL ?? '').trim().replace(/\/$/, '');
  if (publicUrl && !/^https?:\/\/[^\s]+$/.test(publicUrl))
    throw new ConfigError(`PUBLIC_URL must be the app's address, such as https://osd.example.org; it is "${publicUrl}".`);
  return { at, scheduler: scheduler === 'on', perSecond, ...(jobSecret ? { jobSecret } : {}), ...(publicUrl ? { publicUrl } : {}) };
}

/** INCIDENT_ESCALATION_HOURS (working hours, default 4) and WORKING_HOURS (school time, default 08:00-17:00). */
function loadTimescales(env: NodeJS.ProcessEnv): TimescaleSettings {
  const hours = (env.INCIDENT_ESCALATION_HOURS ?? '').trim();
  const escalateAfterWorkingHours = hours === '' ? DEFAULT_TIMESCALES.escalateAfterWorkingHours : Number(hours);
  if (!Number.isInteger(escalateAfterWorkingHours) || escalateAfterWorkingHours < 1 || escalateAfterWorkingHours > 40) {
    throw new ConfigError(`INCIDENT_ESCALATION_HOURS must be a whole number of working hours from 1 to 40; it is "${hours}".`);
  }
  const day = (env.WORKING_HOURS ?? '').trim();
  if (day === '') return { escalateAfterWorkingHours, workingDay: DEFAULT_TIMESCALES.workingDay };
  const match = /^(([01]\d|2[0-3]):[0-5]\d)-(([01]\d|2[0-3]):[0-5]\d)$/.exec(day);
  if (!match || match[1]! >= match[3]!)
    throw new ConfigError(`WORKING_HOURS must be the school's working day as HH:MM-HH:MM, such as 08:00-17:00; it is "${day}".`);
  return { escalateAfterWorkingHours, workingDay: { start: match[1]!, end: match[3]! } };
}

/** Data minimisation: the files go soon after the request ends, but not before a question about it can be answered. */
function mediaKeepDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_MEDIA_KEEP_DAYS;
  const days = Number(value.trim());
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new ConfigError(`MEDIA_KEEP_DAYS must be a whole number of days from 1 to 365; it is "${value}".`);
  return days;
}

function onOff(value: string | undefined, name: string): boolean {
  const setting = (value ?? '').trim();
  if (setting !== '' && setting !== 'true' && setting !== 'false')
    throw new ConfigError(`${name} must be true or false; it is "${setting}".`);
  return setting === 'true';
}

function wholeNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 1200)
    throw new ConfigError(`${name} must be a whole number of months; it is "${value}".`);
  return number;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3978;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number; it is "${value}".`);
  return port;
}
