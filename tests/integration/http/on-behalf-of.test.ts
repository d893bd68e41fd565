/**
 * Microsoft Graph as the signed-in person (the on-behalf-of flow): the school email of a school
 * account (policy s.5) is checked in the school's directory as the DSL saving it, whatever form of
 * the address they type. msal-node really runs; its calls to Entra ID are answered by a stand-in
 * network client, and Graph by the Graph stand-in, so this runs offline. Missing consent and a
 * sign-in policy's challenge are told apart: each has its own answer.
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPair, exportJWK, SignJWT, type KeyLike } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../bot/src/config';
import { startApp, type RunningApp } from '../../../bot/src/main';
import { EntraStandIn, issued, refused, subjectOf } from '../../fixtures/entra-stand-in';
import { GraphStandIn } from '../../fixtures/graph-stand-in';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const PATTI = '00000000-0000-0000-0000-0000000000024'; // DSL in the demo school
const TOM = '00000000-0000-0000-0000-000000000103'; // designated social media staff; has not consented
const MFA_CLAIMS = '{"access_token":{"polids":{"essential":true,"values":["9ab03e19-ed42-4168-b6b7-7001fb3e933a"]}}}';

describe('Graph as the signed-in person (on-behalf-of)', () => {
  let app: RunningApp;
  let jwks: Server;
  const graph = new GraphStandIn();
  let dir: string;
  let key: KeyLike;
  /** People the school's Conditional Access asks to sign in again (multifactor authentication). */
  const challenged = new Set<string>();
  const entra = new EntraStandIn(({ path, form }) => {
    if (
      path !== `/${TENANT}/oauth2/v2.0/token` ||
      form.get('client_secret') !== 'not-a-real-secret' ||
      form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
      form.get('requested_token_use') !== 'on_behalf_of'
    ) {
      return refused('invalid_request', 'AADSTS900144: unexpected request');
    }
    const oid = subjectOf(form.get('assertion')!);
    if (oid === TOM)
      return refused('invalid_grant', 'AADSTS65001: The user or administrator has not consented to use the application.', {
        error_codes: [65001],
        suberror: 'consent_required',
      });
    // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#error-response-example
    if (challenged.has(oid))
      return refused(
        'interaction_required',
        'AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multifactor authentication.',
        { error_codes: [50079], claims: MFA_CLAIMS },
      );
    return issued(`graph-token-for-${oid}`);
  });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((req, res) => {
      res.writeHead(req.url === `/${TENANT}/discovery/v2.0/keys` ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    const graphBaseUrl = await graph.start();
    graph.addUser({
      id: 'm-office',
      displayName: 'School office',
      mail: 'office@riverside.example',
      userPrincipalName: 'office@riversideprimary.onmicrosoft.com',
    });
    graph.addUser({
      id: 'm-art',
      displayName: 'Art department',
      mail: 'art.department@riverside.example',
      proxyAddresses: ['SMTP:art.department@riverside.example', 'smtp:Art@Riverside.example'],
    });
    graph.addUser({ id: 'm-pta', displayName: 'PTA', mail: 'pta@riverside.example', otherMails: ['friends@riverside.example'] });
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
        GRAPH_BASE_URL: graphBaseUrl,
      },
      root,
    );
    app = await startApp({ config, log: { info: () => undefined, warn: () => undefined, error: () => undefined }, loginNetwork: entra });
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((done) => jwks.close(() => done()));
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // A new token each time (its own jti), as after a sign-in: msal-node keeps on-behalf-of answers per token.
  const token = (oid: string) =>
    new SignJWT({ tid: TENANT, oid, scp: 'access_as_user', ver: '2.0', azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  let handles = 0;
  async function register(oid: string, schoolEmail: string) {
    const people = (await app.stores.people.find({ limit: 50 })).items;
    const owner = people.find((person) => person.aadObjectId === TOM)!;
    return fetch(`${app.url}/api/social-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(oid)}` },
      body: JSON.stringify({
        platform: 'Instagram',
        handle: `@riverside-${++handles}`,
        purpose: 'Art gallery',
        reason: "Pupils' art for parents",
        ownerId: owner.id,
        schoolEmail,
        successMeasure: 'Parent survey',
      }),
    });
  }

  it('checks the school email in the directory as the person saving, and saves when it exists', async () => {
    const response = await register(PATTI, 'office@riverside.example');
    expect(response.status).toBe(201);
    expect(entra.requests.at(-1)!.form.get('scope')).toContain('https://graph.microsoft.com/User.ReadBasic.All');
    expect(subjectOf(entra.requests.at(-1)!.form.get('assertion')!)).toBe(PATTI);
    expect(graph.requests.at(-1)).toMatchObject({ method: 'GET', url: expect.stringMatching(/^\/v1\.0\/users\?\$filter=/), status: 200 });
  });

  it.each([
    ['the sign-in name', 'office@riversideprimary.onmicrosoft.com'],
    ['an alias (smtp: among its proxy addresses), typed in another case', 'ART@riverside.example'],
    ['the primary address in capitals', 'Art.Department@Riverside.Example'],
    ['another email of the account (otherMails)', 'friends@riverside.example'],
  ])('finds the mailbox by %s', async (_, address) => {
    expect((await register(PATTI, address)).status).toBe(201);
  });

  it('still finds a mailbox by its address when the directory refuses alias searches to the person', async () => {
    graph.refuseAliasFilters(true);
    try {
      expect((await register(PATTI, 'office@riverside.example')).status).toBe(201);
      expect((await register(PATTI, 'art@riverside.example')).status).toBe(422);
    } finally {
      graph.refuseAliasFilters(false);
    }
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
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/needs your permission/),
      consentRequired: true,
      scopes: ['https://graph.microsoft.com/User.ReadBasic.All'],
      clientId: CLIENT_ID,
    });
    expect((await app.stores.socialAccounts.find({ limit: 50 })).items).toHaveLength(before);
  });

  it('answers 401 "sign in again" with the claims challenge when the school asks for multifactor authentication, never a consent prompt', async () => {
    const before = (await app.stores.socialAccounts.find({ limit: 50 })).items.length;
    challenged.add(PATTI);
    try {
      const response = await register(PATTI, 'office@riverside.example');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        `Bearer error="insufficient_claims", claims="${Buffer.from(MFA_CLAIMS).toString('base64')}"`,
      );
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ error: expect.stringMatching(/sign in again/), signInAgain: true, claims: MFA_CLAIMS });
      expect(body).not.toHaveProperty('consentRequired');
    } finally {
      challenged.delete(PATTI);
    }
    expect((await app.stores.socialAccounts.find({ limit: 50 })).items).toHaveLength(before);
  });
});
