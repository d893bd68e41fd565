/**
 * A registered bot accepts only activities signed the Bot Framework way: a JWT from
 * https://api.botframework.com for this app id, whose serviceurl claim matches the activity.
 * The signing keys come from a local stand-in for the OpenID metadata, so this runs offline.
 */
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { startApp, type RunningApp } from '../../../bot/src/main';
import { cardActionInvoke, teamsUser, TENANT_ID } from '../../fixtures/teams-activities';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

describe('the bot endpoint of a registered bot', () => {
  let app: RunningApp;
  let metadata: Server;
  let dir: string;
  let key: KeyLike;
  let strangerKey: KeyLike;
  const logged: string[] = [];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'bf-1', use: 'sig', endorsements: ['msteams'] };
    metadata = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
      const body =
        req.url === '/keys'
          ? { keys: [jwk] }
          : { issuer: 'https://api.botframework.com', jwks_uri: `${origin}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((done) => metadata.listen(0, '127.0.0.1', done));
    dir = mkdtempSync(join(tmpdir(), 'osd-botauth-'));
    const root = resolve(__dirname, '..', '..', '..');
    const config = loadConfig(
      {
        PORT: '0',
        DATA_DIR: dir,
        TAB_DIR: join(root, 'dist', 'tab'),
        BOT_ID: APP_ID,
        BOT_PASSWORD: 'not-used-offline',
        BOT_TENANT_ID: TENANT_ID,
        BOT_OPENID_METADATA_URL: `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`,
      },
      root,
    );
    app = await startApp({
      config: { ...config, host: '127.0.0.1' },
      log: { info: (line) => logged.push(line), warn: (line) => logged.push(line), error: (line) => logged.push(line) },
    });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((done) => metadata.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  const activity = () =>
    cardActionInvoke(teamsUser('Priya Shah', '00000000-0000-0000-0000-000000000102'), SERVICE_URL, 'm', 'refreshAccessRequest', {
      requestId: '1',
    });

  function token(
    options: { audience?: string; issuer?: string; serviceUrl?: string; signWith?: KeyLike; expires?: number } = {},
  ): Promise<string> {
    return new SignJWT({ serviceurl: options.serviceUrl ?? SERVICE_URL })
      .setProtectedHeader({ alg: 'RS256', kid: 'bf-1' })
      .setIssuer(options.issuer ?? 'https://api.botframework.com')
      .setAudience(options.audience ?? APP_ID)
      .setIssuedAt()
      .setNotBefore(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(options.expires ?? Math.floor(Date.now() / 1000) + 600)
      .sign(options.signWith ?? key);
  }

  const post = (authorization?: string) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity()),
    });

  it('answers a properly signed activity', async () => {
    const response = await post(`Bearer ${await token()}`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toMatch(/I don't know you yet/);
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ['no token', async () => undefined],
    ['a token for another bot', async () => `Bearer ${await token({ audience: 'another-app' })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ issuer: 'https://evil.example' })}`],
    ['a token for another service URL', async () => `Bearer ${await token({ serviceUrl: 'https://evil.example/' })}`],
    ['an expired token', async () => `Bearer ${await token({ expires: Math.floor(Date.now() / 1000) - 3600 })}`],
  ])('refuses %s with 401', async (_name, authorization) => {
    const botbuilderLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await post(await authorization())).status).toBe(401);
    } finally {
      botbuilderLog.mockRestore();
    }
  });

  it('refuses a token signed with another key with 401, says nothing of why, and does nothing with the activity', async () => {
    const botbuilderLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = (await app.stores.conversations.find({ limit: 100 })).items.length;
      const response = await post(`Bearer ${await token({ signWith: strangerKey })}`);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toMatch(/signature/);
      expect((await app.stores.conversations.find({ limit: 100 })).items).toHaveLength(before);
    } finally {
      botbuilderLog.mockRestore();
    }
  });

  it('writes a tenant id sent in an unsigned activity into the log escaped, so a line break cannot forge a log line', async () => {
    const forged = 'evil\n2026-11-30T09:00:00.000Z info  Audit log exported by the headteacher';
    const body = {
      ...activity(),
      conversation: { conversationType: 'personal', tenantId: forged, id: 'a:1x' },
      channelData: { tenant: { id: forged } },
    };
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(403);
    const line = logged.find((entry) => entry.includes('another tenant'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toContain('evil\\n2026');
  });
});
