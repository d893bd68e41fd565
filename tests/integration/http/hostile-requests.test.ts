/**
 * Requests only an attacker would send get a clear refusal, never a file from outside the tab's
 * folder, never a crash: path traversal on /tab/, JSON nested thousands deep, bodies over the limit.
 */
import { request as httpRequest } from 'node:http';
import { TestApp } from '../../fixtures/test-app';

describe('hostile requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
  });
  afterAll(() => t.stop());

  /** A raw request, so the path reaches the server exactly as written (fetch would tidy `..` away). */
  function raw(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
    const { port } = new URL(t.app.url);
    return new Promise((done, fail) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            host: `127.0.0.1:${port}`,
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
          response.on('end', () => done({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', fail);
      request.end(body);
    });
  }

  it.each([
    '/tab/../package.json',
    '/tab/../../package.json',
    '/tab/%2e%2e/%2e%2e/package.json',
    '/tab/..%2f..%2fpackage.json',
    '/tab/%2e%2e%5c%2e%2e%5cpackage.json',
    '/tab/....//....//package.json',
    '/tab/../data/online-safety-desk.sqlite',
  ])('serves nothing outside the tab folder for %s', async (path) => {
    const answer = await raw('GET', path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).not.toMatch(/"dependencies"|SQLite format/);
  });

  it.each(['/api/messages', '/api/consent', '/api/incidents/1/steps'])(
    'answers JSON nested 50,000 deep at %s with a refusal, and keeps serving',
    async (path) => {
      const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
      const answer = await raw('POST', path, `{"type":"message","value":${deep}}`);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    },
  );

  it('refuses a body over the limit before reading it all', async () => {
    const answer = await raw('POST', '/api/consent', JSON.stringify({ pupilId: '1', filler: 'x'.repeat(300 * 1024) }));
    expect(answer.status).toBe(413);
  });
});
