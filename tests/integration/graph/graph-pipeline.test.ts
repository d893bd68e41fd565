/**
 * The one Graph pipeline: retries within a budget honouring Retry-After, timeouts, batches. Its
 * waits and timeouts run on a test clock: a wait of a second takes no real time, and how long the
 * pipeline waited is read from the clock, never from the wall.
 */
import { GraphApi } from '../../../bot/src/adapters/graph/graph-api';
import { GraphStandIn } from '../../fixtures/graph-stand-in';
import { silentLog } from '../../fixtures/sharepoint-site';
import { TestClock } from '../../fixtures/test-clock';

describe('the Graph pipeline', () => {
  let standIn: GraphStandIn;
  let origin: string;
  beforeAll(async () => {
    standIn = new GraphStandIn();
    origin = await standIn.start();
    await graph().post('/sites/s/lists', { displayName: 'Things', list: { template: 'genericList' } });
  });
  let clock: TestClock;
  beforeEach(() => (clock = new TestClock()));
  afterEach(() => {
    standIn.stopFailing();
    standIn.beforeAnswer = undefined;
  });
  afterAll(() => standIn.stop());

  function graph(options: { deadlineMs?: number; timeoutMs?: number } = {}): GraphApi {
    return new GraphApi(
      {
        baseUrl: origin,
        userAgent: 'NONISV|Test|OnlineSafetyDesk/0',
        retry: { maxAttempts: 4, deadlineMs: options.deadlineMs ?? 5000, attemptTimeoutMs: options.timeoutMs ?? 2000, baseDelayMs: 10 },
        token: async () => 't',
        timer: clock?.timer,
      },
      silentLog,
    );
  }
  const attemptsAt = (since: number) => standIn.requests.slice(since).map((request) => request.status);

  it('waits as long as Retry-After says, then succeeds', async () => {
    standIn.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const since = standIn.requests.length;
    const started = clock.ms;
    await graph().get('/sites/s/lists');
    expect(clock.ms - started).toBe(1000);
    expect(attemptsAt(since)).toEqual([429, 200]);
  });

  it.each([
    ['429 without Retry-After', { status: 429 }],
    ['503', { status: 503 }],
    ['504', { status: 504 }],
    ['a dropped connection', { status: 'reset' as const }],
  ])('retries %s with backoff', async (_name, failure) => {
    standIn.failNext(2, failure);
    const since = standIn.requests.length;
    await expect(graph().get('/sites/s/lists')).resolves.toBeDefined();
    expect(attemptsAt(since)).toHaveLength(3);
  });

  it('gives up at once when Retry-After is past its deadline, rather than hold the person up', async () => {
    standIn.failNext(1, { status: 429, retryAfterSeconds: 120 });
    const since = standIn.requests.length;
    const started = clock.ms;
    await expect(graph({ deadlineMs: 1000 }).get('/sites/s/lists')).rejects.toMatchObject({ statusCode: 429 });
    expect(clock.ms - started).toBe(0);
    expect(attemptsAt(since)).toEqual([429]);
  });

  it('stops after its attempts and reports the last answer', async () => {
    standIn.failNext(10, { status: 503 });
    const since = standIn.requests.length;
    await expect(graph().get('/sites/s/lists')).rejects.toMatchObject({ statusCode: 503 });
    expect(attemptsAt(since)).toHaveLength(4);
  });

  it('times out a request that hangs, tries again, and gives up within its deadline', async () => {
    // Graph never answers: each attempt runs out its time the moment it has arrived.
    standIn.beforeAnswer = () => {
      clock.runNextTimeout();
      return new Promise<void>(() => undefined);
    };
    const since = standIn.requests.length;
    const started = clock.ms;
    // The Graph client wraps the last attempt's timeout in its own error.
    await expect(graph({ timeoutMs: 100, deadlineMs: 350 }).get('/sites/s/lists')).rejects.toMatchObject({
      statusCode: -1,
      body: { name: 'TimeoutError' },
    });
    // 0–100 the first attempt, a 10 ms wait, 110–210 the second, 20 ms, 230–330 the third; a
    // fourth would end past 350.
    expect(standIn.requests.length - since).toBe(3);
    expect(clock.ms - started).toBe(330);
  });

  it('never sends a batch twice when it may have been carried out', async () => {
    standIn.failNext(1, { status: 503 });
    const since = standIn.requests.length;
    await expect(graph().batch([{ id: '1', method: 'GET', url: '/sites/s/lists' }])).rejects.toMatchObject({ statusCode: 503 });
    expect(attemptsAt(since)).toEqual([503]);
  });

  it('splits work into batches of at most 20 requests', async () => {
    const since = standIn.requests.length;
    const answers = await graph().batch(
      Array.from({ length: 45 }, (_, i) => ({ id: String(i + 1), method: 'GET' as const, url: '/sites/s/lists' })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(45).fill(200));
    expect(standIn.requests.slice(since).map((request) => request.url)).toEqual(['/v1.0/$batch', '/v1.0/$batch', '/v1.0/$batch']);
  });

  it('follows only next links to its own Graph host and version', () => {
    const api = graph();
    expect(api.pathFromNextLink(`${origin}/v1.0/sites/s/lists/l/items?$skiptoken=abc`)).toBe('/sites/s/lists/l/items?$skiptoken=abc');
    expect(api.pathFromNextLink('https://evil.example/v1.0/sites/s/lists')).toBeUndefined();
    expect(api.pathFromNextLink(`${origin}/beta/sites`)).toBeUndefined();
    expect(api.pathFromNextLink('not a url')).toBeUndefined();
  });
});
