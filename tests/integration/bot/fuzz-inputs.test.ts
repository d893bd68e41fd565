/**
 * Hostile and broken card data (wrong types, missing fields, huge strings, unicode tricks,
 * markdown/HTML, prototype-pollution keys): always a clear answer, never a crash, never a write.
 */
import { cardActionInvoke, submitFallbackActivity, teamsUser } from '../../fixtures/teams-activities';
import { mulberry32 } from '../../fixtures/graph-stand-in/faults';
import { TestApp } from '../../fixtures/test-app';

const priya = teamsUser('Priya Shah', '00000000-0000-0000-0000-000000000102'); // staff, no other role
const VERBS = [
  'submitAccessRequest',
  'resubmitAccessRequest',
  'editAccessRequest',
  'forwardAccessRequest',
  'returnAccessRequest',
  'approveAccessRequest',
  'refuseAccessRequest',
  'markAccessRequestDone',
  'withdrawAccessRequest',
  'refreshAccessRequest',
  'openAccessRequest',
  'newAccessRequest',
  'noSuchVerb',
];

const NASTY: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  [],
  {},
  '',
  ' ',
  'x'.repeat(100_000),
  '1',
  '2',
  '999999999999',
  '-1',
  '1 OR 1=1',
  '../../etc/passwd',
  '**bold** [x](javascript:alert(1))',
  '<script>alert(1)</script>',
  '{{DATE(2026-01-01T00:00:00Z)}}',
  '\u202Egpj.exe',
  '\u0000\u0007',
  '🧒🏽‍🏫',
  'https://example.org/ok',
  'javascript:alert(1)',
  'data:text/html,x',
  { toString: 'x' },
  ['https://example.org'],
];

function payload(next: () => number): Record<string, unknown> {
  const pick = () => NASTY[Math.floor(next() * NASTY.length)];
  const data: Record<string, unknown> = {};
  for (const field of [
    'requestId',
    'submissionKey',
    'version',
    'url',
    'siteContent',
    'reasons',
    'risksAndControls',
    'note',
    'addedRisksAndControls',
  ]) {
    if (next() < 0.7) data[field] = pick();
  }
  if (next() < 0.2) Object.assign(data, JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'));
  return data;
}

describe('hostile card data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp().start();
    await t.install(priya);
  });
  afterAll(() => t.stop());

  it('always answers clearly and never writes for someone who may not act', async () => {
    const before = JSON.stringify((await t.app.stores.accessRequests.find({ limit: 100 })).items);
    const next = mulberry32(2026);
    for (let i = 0; i < 300; i++) {
      const verb = VERBS[Math.floor(next() * VERBS.length)]!;
      const data = payload(next);
      // Submits carry an invalid form (the URL is never both a string and valid here), steps come from a plain staff member.
      if (verb === 'submitAccessRequest' || verb === 'resubmitAccessRequest') data.url = 'javascript:alert(1)';
      const response = await t.post(cardActionInvoke(priya, t.serviceUrl, `m-${i}`, verb, data));
      expect({ i, verb, status: response.status }).toEqual({ i, verb, status: 200 });
      const body = response.body as { statusCode: number; type: string };
      expect({ i, verb, statusCode: body.statusCode }).toEqual({ i, verb, statusCode: 200 });
      expect(['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.activity.message']).toContain(body.type);
    }
    await t.app.background.idle();
    expect(JSON.stringify((await t.app.stores.accessRequests.find({ limit: 100 })).items)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(t.logs.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers malformed invokes and fallback submits without crashing', async () => {
    const broken = {
      ...cardActionInvoke(priya, t.serviceUrl, 'm', 'approveAccessRequest', {}),
      value: { action: { type: 'Action.Execute', verb: 'approveAccessRequest', data: 'not an object' } },
    };
    expect((await t.post(broken)).status).toBe(200);
    expect(
      (await t.post(submitFallbackActivity(priya, t.serviceUrl, 'm', { verb: 'approveAccessRequest', requestId: { $gt: '' } }))).status,
    ).toBe(200);
    expect((await t.post({ type: 'message' })).status).toBe(400);
    expect((await t.post({ ...submitFallbackActivity(priya, t.serviceUrl, 'm', {}), conversation: 'a string' })).status).toBe(400);
  });

  it('answers hostile API queries and headers with 2xx or 4xx, never 5xx', async () => {
    const next = mulberry32(7);
    const values = [
      '',
      '0',
      '-1',
      '99999999999999999999',
      'abc',
      '%00',
      '../',
      '1 OR 1=1',
      'x'.repeat(5000),
      '__proto__',
      '🧒',
      '<script>',
    ];
    for (let i = 0; i < 120; i++) {
      const pick = () => values[Math.floor(next() * values.length)]!;
      const path = ['/api/me', '/api/access-requests', '/api/audit.csv'][i % 3]!;
      const response = await fetch(`${t.app.url}${path}?cursor=${encodeURIComponent(pick())}&__proto__[x]=1`, {
        headers: { 'x-demo-person': encodeURIComponent(pick()), authorization: `Bearer ${encodeURIComponent(pick())}` },
      });
      expect({ i, path, ok: response.status < 500 }).toEqual({ i, path, ok: true });
    }
  });
});
