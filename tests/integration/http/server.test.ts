/** The one HTTP server: health, the tabs' API, the built tab pages, and the modes it runs in. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip } from '../../../bot/src/adapters/http/http-server';
import { startApp, type RunningApp } from '../../../bot/src/main';
import { testConfig } from '../../fixtures/test-app';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Me {
  displayName: string;
  personas: { id: string; displayName: string }[];
}
interface RequestList {
  items: { requesterName: string }[];
}

describe('in local mode', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-http-'));
    app = await startApp({ config: testConfig(dir), log: quiet });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, persona?: string) =>
    fetch(`${app.url}${path}`, { headers: persona ? { 'x-demo-person': persona } : {}, redirect: 'manual' });
  /** The answer's bytes as sent (fetch would undo the gzip), and its headers. */
  const rawGet = (path: string, headers: Record<string, string>) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      request(`${app.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  it('is healthy and says which mode it is in', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', mode: 'local' });
  });

  it('serves the demo school with the Agents Playground user as the first persona', async () => {
    const me = (await (await get('/api/me')).json()) as Me;
    expect(me).toMatchObject({ displayName: 'Alex Wilber', roles: ['Staff member'], localMode: true });
    expect(me.personas.map((p) => p.displayName)).toEqual(
      expect.arrayContaining(['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Linda Davis']),
    );
  });

  it('shows staff only their own requests, and the online safety lead all of them', async () => {
    const mine = (await (await get('/api/access-requests')).json()) as RequestList;
    expect(mine.items.map((r) => r.requesterName)).toEqual(['Alex Wilber']);
    const me = (await (await get('/api/me')).json()) as Me;
    const lead = me.personas.find((p) => p.displayName === 'Megan Bowen')!.id;
    const all = (await (await get('/api/access-requests', lead)).json()) as RequestList;
    expect(all.items.map((r) => r.requesterName)).toEqual(['Alex Wilber', 'Priya Shah']);
    expect(all.items[0]).not.toHaveProperty('submissionKey');
  });

  it('ignores a malformed persona header and falls back to the default persona', async () => {
    const response = await get('/api/me', '1 OR 1=1');
    expect(response.status).toBe(200);
    expect(((await response.json()) as Me).displayName).toBe('Alex Wilber');
  });

  it('serves the built tab with security headers that only let Teams frame it', async () => {
    const response = await get('/tab/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/')).headers.get('location')).toBe('/tab/');
  });

  it("sends the tab's scripts gzipped to a browser that takes gzip, and lets it keep them, as their names change with their content", async () => {
    const script = /src="\/tab\/(assets\/main-[\w-]+\.js)"/.exec(await (await get('/tab/')).text())![1]!;
    const onDisk = readFileSync(join(testConfig(dir).tabDir, script));
    const zipped = await rawGet(`/tab/${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers).toMatchObject({
      'content-encoding': 'gzip',
      'content-type': 'application/javascript; charset=UTF-8',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    expect(gunzipSync(zipped.body).equals(onDisk)).toBe(true);
    expect(zipped.body.length).toBeLessThan(onDisk.length / 2);
    const takesNoGzip: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip;q=0, identity' }];
    for (const refused of takesNoGzip) {
      const plain = await rawGet(`/tab/${script}`, refused);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(onDisk)).toBe(true);
    }
    // The page itself names this build's scripts: the browser asks again each time.
    expect((await rawGet('/tab/', { 'accept-encoding': 'gzip' })).headers['cache-control']).toBe('public, max-age=0');
  });

  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['gzip;Q=0', false],
    ['deflate, br', false],
    ['x-gzip', false],
    ['', false],
  ])('Accept-Encoding "%s" takes gzip: %s', (header, takes) => {
    expect(acceptsGzip(header)).toBe(takes);
  });

  it('marks every API answer (data, refusal, not found, bad input, download) as never to be cached or sniffed', async () => {
    const dsl = ((await (await get('/api/me')).json()) as Me).personas.find((p) => p.displayName === 'Patti Fernandez')!.id;
    const answers = [
      ...(await Promise.all(
        app.routes
          .filter((route) => route.method === 'GET' && route.path.startsWith('/api/'))
          .map(async (route) => get(route.path.replace(/:\w+/g, '1'), dsl)),
      )),
      await get('/api/audit.csv'),
      await get('/api/incidents?status=lost', dsl),
      await fetch(`${app.url}/api/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await get('/api/no-such-route'),
      await fetch(`${app.url}/api/incidents`, { method: 'DELETE' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual(expect.arrayContaining([200, 403, 404, 400, 405]));
    for (const answer of answers) {
      expect({ url: answer.url, cache: answer.headers.get('cache-control'), sniff: answer.headers.get('x-content-type-options') }).toEqual({
        url: answer.url,
        cache: 'no-store',
        sniff: 'nosniff',
      });
    }
  });

  it('sends no HSTS header in local mode, which is plain HTTP on this machine', async () => {
    expect((await get('/healthz')).headers.get('strict-transport-security')).toBeNull();
  });

  it('answers 404 for unknown tab files and rejects oversized bot requests', async () => {
    expect((await get('/tab/nope.js')).status).toBe(404);
    const huge = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });

  it('says plainly when its port is already taken', async () => {
    const port = Number(new URL(app.url).port);
    const other = mkdtempSync(join(tmpdir(), 'osd-http-busy-'));
    await expect(startApp({ config: { ...testConfig(other), port }, log: quiet })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use`,
    );
    rmSync(other, { recursive: true, force: true });
  });

  it('never seeds over existing data: a restart keeps the same records', async () => {
    const before = (await app.stores.people.find({ limit: 100 })).items.length;
    await app.close();
    app = await startApp({ config: testConfig(dir), log: quiet });
    expect((await app.stores.people.find({ limit: 100 })).items).toHaveLength(before);
  });
});

describe('outside local mode (a registered bot)', () => {
  let app: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-http-teams-'));
    const config = {
      ...testConfig(dir),
      mode: 'teams' as const,
      bot: {
        appId: '11111111-2222-3333-4444-555555555555',
        appPassword: 'not-a-real-secret',
        appType: 'SingleTenant' as const,
        tenantId: 'tenant',
      },
      allowedTenants: ['tenant'],
    };
    app = await startApp({ config, log: quiet });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unsigned bot activity', async () => {
    // botbuilder reports the refusal on console.error itself; keep the test output clean.
    const botbuilderLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        serviceUrl: 'http://127.0.0.1:1/',
        channelId: 'msteams',
        from: { id: '29:x' },
        conversation: { id: 'a:1', tenantId: 'tenant' },
        recipient: { id: '28:bot' },
      }),
    });
    expect(response.status).toBe(401);
    botbuilderLog.mockRestore();
  });

  it('keeps the go-live checklist behind sign-in: /healthz?detail without a token is refused, plain /healthz answers', async () => {
    const detail = await fetch(`${app.url}/healthz?detail`);
    expect([detail.status, detail.headers.get('cache-control')]).toEqual([401, 'no-store']);
    expect(JSON.stringify(await detail.json())).not.toMatch(/school|Riverside/i);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('refuses an activity from another tenant', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        serviceUrl: 'http://127.0.0.1:1/',
        channelId: 'msteams',
        from: { id: '29:x' },
        conversation: { id: 'a:1', tenantId: 'another-school' },
        channelData: { tenant: { id: 'another-school' } },
      }),
    });
    expect(response.status).toBe(403);
  });

  it('tells browsers to use HTTPS only (HSTS), and keeps API answers out of caches', async () => {
    for (const path of ['/healthz', '/tab/', '/api/access-requests']) {
      const response = await fetch(`${app.url}${path}`);
      expect({ path, hsts: response.headers.get('strict-transport-security') }).toEqual({
        path,
        hsts: 'max-age=31536000; includeSubDomains',
      });
    }
    const refused = await fetch(`${app.url}/api/access-requests`);
    expect([refused.status, refused.headers.get('cache-control'), refused.headers.get('x-content-type-options')]).toEqual([
      401,
      'no-store',
      'nosniff',
    ]);
    const unknown = await fetch(`${app.url}/api/no-such-route`);
    expect([unknown.status, unknown.headers.get('strict-transport-security')]).toEqual([404, 'max-age=31536000; includeSubDomains']);
  });

  it("adds no demo school to a real school's store", async () => {
    expect(await app.stores.isEmpty()).toBe(true);
  });

  it("refuses the tabs' API without sign-in and offers no personas", async () => {
    const response = await fetch(`${app.url}/api/access-requests`, { headers: { 'x-demo-person': '1' } });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Alex');
  });
});
