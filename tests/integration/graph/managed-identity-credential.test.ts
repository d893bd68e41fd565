/**
 * No secret that expires: in Azure the app proves itself to Entra ID with its App Service managed
 * identity's token as the client assertion (workload identity federation). msal-node really runs;
 * Entra ID's token endpoint and App Service's managed identity endpoint are stand-ins.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appTokenProvider } from '../../../bot/src/adapters/graph/app-token';
import { onBehalfOf } from '../../../bot/src/adapters/graph/on-behalf-of';
import { loadConfig, type GraphCredential } from '../../../bot/src/config';
import { startApp } from '../../../bot/src/main';
import { EntraStandIn, issued, type TokenRequest } from '../../fixtures/entra-stand-in';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { IDENTITY_HEADER, ManagedIdentityStandIn } from '../../fixtures/managed-identity-stand-in';
import { provisionedSite, RECORDS_SITE_ID, SITE_ID } from '../../fixtures/sharepoint-site';
import type { LogLine } from '../../fixtures/test-app';

const TENANT = '11111111-2222-3333-4444-555555555555';
const APP = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const IDENTITY = '99999999-8888-7777-6666-555555555555';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe("the managed identity as the app's credential", () => {
  let now = Date.parse('2026-11-24T09:00:00Z');
  const identity = new ManagedIdentityStandIn(() => now);
  let endpoint: string;
  const credential = (): GraphCredential => ({
    kind: 'managedIdentity',
    managedIdentityClientId: IDENTITY,
    identityEndpoint: endpoint,
    identityHeader: IDENTITY_HEADER,
  });

  beforeAll(async () => {
    endpoint = await identity.start();
  });
  afterAll(() => identity.stop());

  it("asks Entra ID for a Graph token with the identity's token as the client assertion, and no secret", async () => {
    // Short-lived tokens: msal-node goes back to Entra ID every time instead of answering from its cache.
    const entra = new EntraStandIn(() => issued('graph-app-token', 60));
    const token = appTokenProvider({ clientId: APP, tenantId: TENANT, credential: credential(), networkClient: entra, now: () => now });

    expect(await token()).toBe('graph-app-token');
    const sent = entra.requests.at(-1)!;
    expect(sent.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(Object.fromEntries(sent.form)).toMatchObject({
      grant_type: 'client_credentials',
      client_id: APP,
      client_assertion_type: JWT_BEARER,
      client_assertion: 'mi-token-1',
      scope: expect.stringContaining('https://graph.microsoft.com/.default'),
    });
    expect(sent.form.has('client_secret')).toBe(false);
    expect(identity.requests.at(-1)).toEqual({
      resource: 'api://AzureADTokenExchange',
      apiVersion: '2019-08-01',
      clientId: IDENTITY,
      header: IDENTITY_HEADER,
    });
  });

  it("keeps the identity's token while it is valid, and fetches a new one when it expires", async () => {
    const entra = new EntraStandIn(() => issued('graph-app-token', 60));
    const token = appTokenProvider({ clientId: APP, tenantId: TENANT, credential: credential(), networkClient: entra, now: () => now });
    const before = identity.requests.length;

    await token();
    now += 50 * 60_000;
    await token();
    expect(identity.requests.length - before).toBe(1);
    const [first, second] = entra.requests.map((request) => request.form.get('client_assertion'));
    expect(second).toBe(first);

    // 56 minutes after it was issued (within five minutes of its end) it is fetched again.
    now += 6 * 60_000;
    await token();
    expect(identity.requests.length - before).toBe(2);
    expect(entra.requests.at(-1)!.form.get('client_assertion')).toMatch(/^mi-token-\d+$/);
    expect(entra.requests.at(-1)!.form.get('client_assertion')).not.toBe(first);
  });

  it('says what went wrong when the identity is not on the App Service, and sends nothing to Entra ID', async () => {
    const entra = new EntraStandIn(() => issued('never'));
    const token = appTokenProvider({
      clientId: APP,
      tenantId: TENANT,
      credential: { ...credential(), identityHeader: 'wrong' } as GraphCredential,
      networkClient: entra,
    });
    await expect(token()).rejects.toThrow(/managed identity endpoint answered 400: check that the user-assigned identity 9999/);
    expect(entra.requests).toEqual([]);
  });

  it("exchanges a person's SSO token (on-behalf-of) with the same assertion, and no secret", async () => {
    const entra = new EntraStandIn((request: TokenRequest) =>
      request.form.get('requested_token_use') === 'on_behalf_of' ? issued('graph-token-as-person') : issued('unexpected'),
    );
    const graph = new GraphStandIn();
    const graphBaseUrl = await graph.start();
    graph.addUser({ id: 'u1', displayName: 'Office', mail: 'office@school.example' });
    try {
      const asPerson = onBehalfOf(
        { clientId: APP, tenantId: TENANT, credential: credential(), loginBaseUrl: 'https://login.microsoftonline.com', graphBaseUrl },
        entra,
        () => now,
      )('sso-token-of-the-dsl');
      expect(await asPerson.mailboxExists('office@school.example')).toBe(true);
      const sent = entra.requests.at(-1)!;
      expect(Object.fromEntries(sent.form)).toMatchObject({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        assertion: 'sso-token-of-the-dsl',
        client_assertion_type: JWT_BEARER,
        client_assertion: expect.stringMatching(/^mi-token-\d+$/),
      });
      expect(sent.form.has('client_secret')).toBe(false);
    } finally {
      await graph.stop();
    }
  });

  it('runs the whole app on SharePoint in Azure with no secret in its settings', async () => {
    const { standIn, settings } = await provisionedSite();
    const entra = new EntraStandIn(() => issued('graph-app-token'));
    const dir = mkdtempSync(join(tmpdir(), 'osd-mi-'));
    const logs: LogLine[] = [];
    const root = resolve(__dirname, '..', '..', '..');
    const config = loadConfig(
      {
        PORT: '0',
        DATA_DIR: dir,
        SCHEDULER: 'off',
        STORE: 'sharepoint',
        SHAREPOINT_SITE_ID: SITE_ID,
        SHAREPOINT_RECORDS_SITE_ID: RECORDS_SITE_ID,
        GRAPH_BASE_URL: settings.graphBaseUrl,
        GRAPH_TENANT_ID: TENANT,
        GRAPH_CLIENT_ID: APP,
        GRAPH_CREDENTIAL: 'managedIdentity',
        GRAPH_MANAGED_IDENTITY_CLIENT_ID: IDENTITY,
        IDENTITY_ENDPOINT: endpoint,
        IDENTITY_HEADER,
      },
      root,
    );
    const app = await startApp({
      config,
      loginNetwork: entra,
      log: {
        info: (message) => logs.push({ level: 'info', message }),
        warn: (message) => logs.push({ level: 'warn', message }),
        error: (message) => logs.push({ level: 'error', message }),
      },
    });
    try {
      // The app finds its lists when first asked: the health check asks.
      const before = standIn.countBy('GET', /\/sites\/.+\/lists/);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect(standIn.countBy('GET', /\/sites\/.+\/lists/)).toBeGreaterThan(before);
      expect(entra.requests.length).toBeGreaterThan(0);
      expect(
        entra.requests.every((request) => request.form.get('client_assertion_type') === JWT_BEARER && !request.form.has('client_secret')),
      ).toBe(true);
      expect(logs.filter((line) => line.level === 'warn' && /client secret/.test(line.message))).toEqual([]);
    } finally {
      await app.close();
      await standIn.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
