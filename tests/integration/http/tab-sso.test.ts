/**
 * Teams SSO for the tabs' API: Entra ID v2 access tokens checked against keys published by a
 * local stand-in for the tenant's JWKS endpoint, so this runs offline.
 */
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { startApp, type RunningApp } from '../../../bot/src/main';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ALEX = '00000000-0000-0000-0000-0000000000020';
const STRANGER = '12345678-0000-0000-0000-000000000000';
/** The Teams desktop and mobile client, pre-authorised in the app registration. */
const TEAMS_DESKTOP = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

describe("the tabs' API with Teams SSO", () => {
  let app: RunningApp;
  let jwks: Server;
  let dir: string;
  let signingKey: KeyLike;
  let otherKey: KeyLike;
  let publishedJwk: object;

  beforeAll(async () => {
    const published = await generateKeyPair('RS256');
    signingKey = published.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    publishedJwk = jwk;
    jwks = createServer((req, res) => {
      const known = req.url === `/${TENANT}/discovery/v2.0/keys` || req.url === `/${OTHER_TENANT}/discovery/v2.0/keys`;
      res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(known ? { keys: [jwk] } : {}));
    });
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    dir = mkdtempSync(join(tmpdir(), 'osd-sso-'));
    const root = resolve(__dirname, '..', '..', '..');
    const config = loadConfig(
      {
        PORT: '0',
        DATA_DIR: dir,
        TAB_DIR: join(root, 'dist', 'tab'),
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        AAD_APP_OAUTH_AUTHORITY_HOST: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`,
      },
      root,
    );
    app = await startApp({ config, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((done) => jwks.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  interface TokenOptions {
    claims?: Record<string, unknown>;
    issuer?: string;
    audience?: string;
    expires?: string | number;
    notBefore?: string | number;
    key?: KeyLike;
    kid?: string;
  }

  function token(options: TokenOptions = {}): Promise<string> {
    const claims: Record<string, unknown> = {
      tid: TENANT,
      oid: ALEX,
      scp: 'access_as_user',
      ver: '2.0',
      azp: TEAMS_DESKTOP,
      ...options.claims,
    };
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
      .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
      .setAudience(options.audience ?? CLIENT_ID)
      .setIssuedAt(typeof claims.iat === 'number' ? claims.iat : undefined)
      .setExpirationTime(options.expires ?? '10m');
    if (options.notBefore !== undefined) jwt = jwt.setNotBefore(options.notBefore);
    return jwt.sign(options.key ?? signingKey);
  }

  const call = (authorization?: string, path = '/api/access-requests') =>
    fetch(`${app.url}${path}`, { headers: { ...(authorization ? { authorization } : {}), 'x-demo-person': '2' } });

  it('accepts a valid token and answers as the person it names (no persona switcher)', async () => {
    const response = await call(`Bearer ${await token()}`, '/api/me');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ displayName: 'Alex Wilber', localMode: false, personas: [] });
  });

  it('refuses the Application ID URI form of the audience when it is not configured', async () => {
    expect((await call(`Bearer ${await token({ audience: `api://localhost/${CLIENT_ID}` })}`)).status).toBe(401);
  });

  /** The classic algorithm-confusion forgery: an HMAC whose secret is the key everyone can download. */
  const hmacWithPublicKey = async () => {
    const publicKey = new TextEncoder().encode(JSON.stringify(publishedJwk));
    return new SignJWT({ tid: TENANT, oid: ALEX, scp: 'access_as_user', ver: '2.0', azp: TEAMS_DESKTOP })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(publicKey);
  };

  const unsigned = (claims: Record<string, unknown>) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: CLIENT_ID, tid: TENANT, oid: ALEX, scp: 'access_as_user', exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.`;
  };

  it.each<[string, () => Promise<string | undefined>]>([
    ['no token', async () => undefined],
    ['not a JWT', async () => 'Bearer not-a-token'],
    ['the wrong audience', async () => `Bearer ${await token({ audience: 'someone-else' })}`],
    ['the wrong issuer', async () => `Bearer ${await token({ issuer: 'https://sts.windows.net/x/' })}`],
    ['another tenant', async () => `Bearer ${await token({ claims: { tid: OTHER_TENANT } })}`],
    ['an expired token', async () => `Bearer ${await token({ expires: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['a token not yet valid', async () => `Bearer ${await token({ notBefore: Math.floor(Date.now() / 1000) + 3600 })}`],
    ['a missing scope', async () => `Bearer ${await token({ claims: { scp: 'User.Read' } })}`],
    ['a bad signature', async () => `Bearer ${await token({ key: otherKey })}`],
    ['alg none', async () => `Bearer ${unsigned({})}`],
    ['HS256 signed with the published public key as the secret', async () => `Bearer ${await hmacWithPublicKey()}`],
    ['an unknown key id', async () => `Bearer ${await token({ kid: 'k9' })}`],
    [
      'a token issued to a client the app registration does not pre-authorise',
      async () => `Bearer ${await token({ claims: { azp: 'bbbbbbbb-0000-0000-0000-000000000000' } })}`,
    ],
    ['a token naming no client', async () => `Bearer ${await token({ claims: { azp: undefined } })}`],
    [
      'a token issued in the future, beyond the clock skew',
      async () =>
        `Bearer ${await token({ claims: { iat: Math.floor(Date.now() / 1000) + 600 }, expires: Math.floor(Date.now() / 1000) + 1200 })}`,
    ],
  ])('refuses %s with 401 and no data', async (_name, authorization) => {
    const response = await call(await authorization());
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/scratch|bbc|Alex/);
  });

  /**
   * The Microsoft 365 clients Microsoft lists for tab SSO, written from its pages rather than from
   * the app's own table: msteams-docs tabs/how-to/authentication/tab-sso-register-aad.md ("Select
   * one of the following client IDs"), and the Teams Toolkit's list of the clients it pre-authorises
   * (msteams-docs toolkit pages: a second Office.com id and Outlook Web Access's Exchange id).
   */
  const MICROSOFT_LISTS: [string, string][] = [
    ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Teams desktop and mobile'],
    ['5e3ce6c0-2b1f-4285-8d4b-75ee78787346', 'Teams on the web'],
    ['4765445b-32c6-49b0-83e6-1d93765276ca', 'Microsoft 365 on the web'],
    ['4345a7b9-9a63-4910-a426-35363201d503', 'Office.com (Teams Toolkit)'],
    ['0ec893e0-5785-4de6-99da-4ed124e5296c', 'Microsoft 365 desktop'],
    ['d3590ed6-52b3-4102-aeff-aad2292ab01c', 'Microsoft 365 mobile and Outlook desktop'],
    ['bc59ab01-8403-45c6-8796-ac3ef710b3e3', 'Outlook on the web'],
    ['00000002-0000-0ff1-ce00-000000000000', 'Outlook Web Access (Teams Toolkit)'],
    ['27922004-5251-4030-b22d-91ecd9a37ea4', 'Outlook mobile'],
  ];

  it.each(MICROSOFT_LISTS)('accepts a token issued to %s (%s), a client Microsoft lists for tab SSO', async (client) => {
    expect((await call(`Bearer ${await token({ claims: { azp: client } })}`, '/api/me')).status).toBe(200);
  });

  it('answers 403 to a valid token for someone the school has not added', async () => {
    const response = await call(`Bearer ${await token({ claims: { oid: STRANGER } })}`);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toMatch(/scratch|bbc/);
  });
});

describe("tab sign-in when Entra ID's key endpoint is briefly unreachable", () => {
  let app: RunningApp;
  let jwks: Server;
  let dir: string;
  const keys: { jwk: object; privateKey: KeyLike }[] = [];
  let published = 1;
  let reachable = true;
  let fetches = 0;

  beforeAll(async () => {
    for (const kid of ['k1', 'k2']) {
      const pair = await generateKeyPair('RS256');
      keys.push({ jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' }, privateKey: pair.privateKey });
    }
    jwks = createServer((_req, res) => {
      fetches++;
      res.writeHead(reachable ? 200 : 503, { 'content-type': 'application/json' });
      res.end(reachable ? JSON.stringify({ keys: keys.slice(0, published).map((key) => key.jwk) }) : '{}');
    });
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    dir = mkdtempSync(join(tmpdir(), 'osd-sso-keys-'));
    const root = resolve(__dirname, '..', '..', '..');
    const config = loadConfig(
      {
        PORT: '0',
        DATA_DIR: dir,
        TAB_DIR: join(root, 'dist', 'tab'),
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        AAD_APP_OAUTH_AUTHORITY_HOST: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`,
      },
      root,
    );
    app = await startApp({ config, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    // Only the clock is moved on: the network, timers and promises run as usual.
    jest.useFakeTimers({
      now: Date.now(),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
  });
  afterAll(async () => {
    jest.useRealTimers();
    await app.close();
    await new Promise<void>((done) => jwks.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  const signedWith = (index: number) =>
    new SignJWT({ tid: TENANT, oid: ALEX, scp: 'access_as_user', ver: '2.0', azp: TEAMS_DESKTOP })
      .setProtectedHeader({ alg: 'RS256', kid: index === 0 ? 'k1' : 'k2' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(keys[index]!.privateKey);
  const me = async (index: number) =>
    (await fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${await signedWith(index)}` } })).status;

  it('keeps signing people in with the last keys that worked, and takes up a new key when Entra ID rolls them', async () => {
    expect(await me(0)).toBe(200);
    reachable = false;
    jest.setSystemTime(Date.now() + 11 * 60_000);
    expect(await me(0)).toBe(200);
    // While it is down, the endpoint is asked again at most every 30 seconds, not on every request.
    const asked = fetches;
    for (let i = 0; i < 5; i++) expect(await me(0)).toBe(200);
    expect(fetches).toBe(asked);
    jest.setSystemTime(Date.now() + 60 * 60_000);
    expect(await me(0)).toBe(200);
    // A key nobody has published is still refused while the endpoint is down.
    expect(await me(1)).toBe(401);
    reachable = true;
    published = 2;
    jest.setSystemTime(Date.now() + 60_000);
    expect(await me(1)).toBe(200);
    expect(await me(0)).toBe(200);
  });

  it('stops trusting kept keys after a day without reaching Entra ID', async () => {
    reachable = false;
    jest.setSystemTime(Date.now() + 25 * 60 * 60_000);
    expect(await me(0)).toBe(401);
    reachable = true;
    jest.setSystemTime(Date.now() + 60_000);
    expect(await me(0)).toBe(200);
  });
});
