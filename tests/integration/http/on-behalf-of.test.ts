/**
 * Microsoft Graph as the signed-in person (the on-behalf-of flow): the school email of a
 * school account (policy s.5) is checked in the school's directory as the DSL saving it. msal-node
 * really runs; its calls to Entra ID are answered by a stand-in network client, and Graph by a
 * local stand-in, so this runs offline.
 */
import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { generateKeyPair, exportJWK, SignJWT, type KeyLike } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { startApp, type RunningApp } from '../../../bot/src/main';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const PATTI = '00000000-0000-0000-0000-0000000000024'; // DSL in the demo school
const TOM = '00000000-0000-0000-0000-000000000103'; // designated social media staff; has not consented
const MAILBOXES = ['office@riverside.example'];

/** Entra ID's token endpoint as msal-node sees it: OBO succeeds, except for people who never consented. */
class EntraStandIn implements INetworkModule {
  readonly exchanges: { assertionSubject: string; scope: string }[] = [];
  async sendGetRequestAsync<T>(): Promise<NetworkResponse<T>> {
    return { status: 404, headers: {}, body: {} as T };
  }
  async sendPostRequestAsync<T>(url: string, options?: { body?: string }): Promise<NetworkResponse<T>> {
    const form = new URLSearchParams(options?.body ?? '');
    if (new URL(url).pathname !== `/${TENANT}/oauth2/v2.0/token` || form.get('client_secret') !== 'not-a-real-secret' || form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || form.get('requested_token_use') !== 'on_behalf_of') {
      return { status: 400, headers: {}, body: { error: 'invalid_request' } as T };
    }
    const oid = JSON.parse(Buffer.from(form.get('assertion')!.split('.')[1]!, 'base64url').toString()).oid as string;
    this.exchanges.push({ assertionSubject: oid, scope: form.get('scope') ?? '' });
    if (oid === TOM) {
      return { status: 400, headers: {}, body: { error: 'invalid_grant', error_description: 'AADSTS65001: The user or administrator has not consented to use the application.', error_codes: [65001], suberror: 'consent_required' } as T };
    }
    return { status: 200, headers: {}, body: { token_type: 'Bearer', scope: 'https://graph.microsoft.com/User.ReadBasic.All', expires_in: 3600, ext_expires_in: 3600, access_token: `graph-token-for-${oid}` } as T };
  }
}

describe('Graph as the signed-in person (on-behalf-of)', () => {
  let app: RunningApp;
  let jwks: Server;
  let graph: Server;
  let dir: string;
  let key: KeyLike;
  const entra = new EntraStandIn();
  const graphCalls: { path: string; authorization: string }[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((req, res) => {
      res.writeHead(req.url === `/${TENANT}/discovery/v2.0/keys` ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    graph = createServer((req, res) => {
      graphCalls.push({ path: req.url ?? '', authorization: String(req.headers.authorization ?? '') });
      const email = decodeURIComponent(/^\/v1\.0\/users\/([^?]+)/.exec(req.url ?? '')?.[1] ?? '');
      const found = req.headers.authorization?.startsWith('Bearer graph-token-for-') && MAILBOXES.includes(email);
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ? { id: 'mailbox-1' } : { error: { code: 'Request_ResourceNotFound' } }));
    });
    await Promise.all([jwks, graph].map((server) => new Promise<void>((done) => server.listen(0, '127.0.0.1', done))));
    dir = mkdtempSync(join(tmpdir(), 'osd-obo-'));
    const root = resolve(__dirname, '..', '..', '..');
    const config = loadConfig(
      {
        PORT: '0',
        DATA_DIR: dir,
        TAB_DIR: join(root, 'dist', 'tab'),
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        AAD_APP_CLIENT_SECRET: 'not-a-real-secret',
        AAD_APP_OAUTH_AUTHORITY_HOST: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`,
        GRAPH_BASE_URL: `http://127.0.0.1:${(graph.address() as AddressInfo).port}`,
      },
      root,
    );
    app = await startApp({ config, log: { info: () => undefined, warn: () => undefined, error: () => undefined }, loginNetwork: entra });
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([jwks, graph].map((server) => new Promise<void>((done) => server.close(() => done()))));
    rmSync(dir, { recursive: true, force: true });
  });

  const token = (oid: string) =>
    new SignJWT({ tid: TENANT, oid, scp: 'access_as_user', ver: '2.0', azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  async function register(oid: string, schoolEmail: string) {
    const people = (await app.stores.people.find({ limit: 50 })).items;
    const owner = people.find((person) => person.aadObjectId === TOM)!;
    return fetch(`${app.url}/api/social-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(oid)}` },
      body: JSON.stringify({ platform: 'Instagram', handle: `@riverside-${schoolEmail.length}`, purpose: 'Art gallery', reason: 'Pupils\' art for parents', ownerId: owner.id, schoolEmail, successMeasure: 'Parent survey' }),
    });
  }

  it('checks the school email in the directory as the person saving, and saves when it exists', async () => {
    const response = await register(PATTI, 'office@riverside.example');
    expect(response.status).toBe(201);
    expect(entra.exchanges.at(-1)).toEqual({ assertionSubject: PATTI, scope: expect.stringContaining('https://graph.microsoft.com/User.ReadBasic.All') });
    expect(graphCalls.at(-1)).toEqual({ path: '/v1.0/users/office%40riverside.example?$select=id', authorization: `Bearer graph-token-for-${PATTI}` });
  });

  it('refuses an address with no mailbox in the school, with the field marked', async () => {
    const response = await register(PATTI, 'nobody@riverside.example');
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Record<string, string> }).errors.schoolEmail).toMatch(/no mailbox with this address/);
  });

  it('answers 403 with consentRequired (not an error) when the person has not consented, and saves nothing', async () => {
    const before = (await app.stores.socialAccounts.find({ limit: 50 })).items.length;
    const response = await register(TOM, 'office@riverside.example');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/needs your permission/), consentRequired: true, scopes: ['https://graph.microsoft.com/User.ReadBasic.All'], clientId: CLIENT_ID });
    expect((await app.stores.socialAccounts.find({ limit: 50 })).items).toHaveLength(before);
  });
});
