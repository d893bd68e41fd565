/**
 * Nothing secret reaches the log: every route the server answers is called (as people who may and
 * may not use it, and with the records down) carrying a bearer token, a cookie, the job secret and
 * a concern's text, and whatever the process printed must hold none of them.
 */
import { captureOutput } from '../../fixtures/captured-output';
import { messageActivity, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const JOB_SECRET = 'job-secret-0123456789abcdef0123456789abcdef';
const BEARER = 'eyJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b2tlbi1tYXJrZXIifQ.c2lnbmF0dXJlLW1hcmtlcg';
const COOKIE = 'session=cookie-marker-5f2a';
const CONCERN = 'Concern text marker: a pupil was groomed online';
/** A caller who guessed at the job secret: what they sent must not be logged either. */
const GUESSED_SECRET = 'guessed-secret-marker-77aa';
const SECRETS = [JOB_SECRET, GUESSED_SECRET, BEARER, 'cookie-marker-5f2a', 'Concern text marker'];

const headers = (personId: string, jobSecret: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${BEARER}`,
  cookie: COOKIE,
  'x-job-secret': jobSecret,
  'x-demo-person': personId,
});

/** A body that fits most routes well enough to reach their use cases, carrying the concern's text. */
const BODY = {
  type: 'action',
  text: CONCERN,
  whatHappened: CONCERN,
  evidence: CONCERN,
  completedOn: '2026-11-20',
  note: CONCERN,
  csv: `UPN,Name\n1,${CONCERN}`,
};

describe('what the server logs', () => {
  let t: TestApp;
  let output: ReturnType<typeof captureOutput>;
  const people: Record<'dsl' | 'headteacher' | 'admin' | 'staff', string> = { dsl: '', headteacher: '', admin: '', staff: '' };
  let incidentId = '';

  beforeAll(async () => {
    t = await new TestApp('sqlite', { JOB_SECRET }).start();
    const everyone = (await t.app.stores.people.find({ limit: 50 })).items;
    for (const role of Object.keys(people) as (keyof typeof people)[])
      people[role] = everyone.find((person) => person.roles.includes(role) && (role !== 'staff' || person.roles.length === 1))!.id;
    incidentId = (await t.app.stores.incidents.find({ limit: 1 })).items[0]!.id;
    output = captureOutput();
  });
  afterAll(async () => {
    output.restore();
    await t.stop();
  });

  const concrete = (path: string) =>
    path
      .replace(':id', incidentId)
      .replace(':name', 'policy-reviews')
      .replace(':jobId', 'no-such-job')
      .replace(':subjectId', people.staff)
      .replace('*', 'index.html');

  /** Every route, as each person, once with the job secret and once with a wrong one. */
  async function callEveryRoute(as: string[]): Promise<number[]> {
    const statuses: number[] = [];
    for (const { method, path } of t.app.routes) {
      for (const [personId, jobSecret] of as.flatMap(
        (id) =>
          [
            [id, JOB_SECRET],
            [id, GUESSED_SECRET],
          ] as const,
      )) {
        const url = `${t.app.url}${concrete(path)}`;
        const body =
          path === '/api/messages'
            ? messageActivity(
                teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020'),
                t.serviceUrl,
                `report a concern ${CONCERN}`,
              )
            : BODY;
        const response = await fetch(url, {
          method,
          headers: headers(personId, jobSecret),
          ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
        });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    }
    await t.app.background.idle();
    return statuses;
  }

  it('holds no token, cookie, secret or concern after every route is called by people who may and may not use it', async () => {
    const statuses = await callEveryRoute(Object.values(people));
    // Both outcomes were reached: answers and refusals.
    expect(statuses.some((status) => status < 300)).toBe(true);
    expect(statuses.some((status) => status === 401)).toBe(true);
    expect(statuses.some((status) => status === 403 || status === 404)).toBe(true);
    const printed = `${output.text()}\n${t.logs.map((line) => line.message).join('\n')}`;
    for (const secret of SECRETS) expect({ secret, found: printed.includes(secret) }).toEqual({ secret, found: false });
    // restify logs whatever an async handler returns (the response, with the request's headers).
    expect(printed).not.toMatch(/Discarded returned value/);
  });

  it('holds none of them when the records cannot be reached either', async () => {
    const failure = Object.assign(new Error('The database could not be reached.'), { name: 'StoreUnavailableError' });
    const stores = t.app.stores as unknown as Record<string, Record<string, unknown>>;
    const spies = Object.values(stores).flatMap((store) =>
      store && typeof store === 'object'
        ? ['get', 'find', 'insert', 'update', 'search', 'append', 'page', 'forIncident', 'forRecord']
            .filter((method) => typeof store[method] === 'function')
            .map((method) => jest.spyOn(store as Record<string, () => Promise<unknown>>, method).mockRejectedValue(failure))
        : [],
    );
    try {
      const statuses = await callEveryRoute([people.dsl, people.admin]);
      expect(statuses.some((status) => status === 503)).toBe(true);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    const printed = `${output.text()}\n${t.logs.map((line) => line.message).join('\n')}`;
    for (const secret of SECRETS) expect({ secret, found: printed.includes(secret) }).toEqual({ secret, found: false });
  });
});
