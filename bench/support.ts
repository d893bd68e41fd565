import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Shared by the benchmarks: figures, printed lines, a Bot Connector stub and Teams activity JSON. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles: every figure printed is a latency that really happened. */
export function summarise(samplesMs: number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted[sorted.length - 1] ?? NaN };
}

export function median(values: number[]): number {
  return summarise(values).p50;
}

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`.padStart(9);
}

export function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

/** One table line: what was measured, the figures, and (when there is one) the target and verdict. */
export function row(label: string, figures: string, target?: { value: number; measured: number; text: string }): void {
  const verdict = target ? `  ${target.text.padEnd(20)} ${target.measured < target.value ? 'OK' : 'OVER TARGET'}` : '';
  console.log(`  ${label.padEnd(42)} ${figures}${verdict}`);
}

export function note(text: string): void {
  console.log(`    · ${text}`);
}

export interface StubConnector {
  /** The serviceUrl to put on activities, so the bot's replies and proactive messages land here. */
  url: string;
  calls(): number;
  close(): Promise<void>;
}

/**
 * Stands in for the Bot Connector REST API on 127.0.0.1: any request gets 200 `{"id":"x"}`.
 * The bench only needs the bot's outgoing calls to succeed quickly, not to be checked.
 */
export async function startStubConnector(): Promise<StubConnector> {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls: () => calls,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// The activity JSON Teams sends a bot in a personal chat (same shape as tests/fixtures/teams-activities.ts,
// copied because tests/ is not part of the build).
const TENANT_ID = '00000000-0000-0000-0000-0000000000001';
const BOT = { id: '28:00000000-0000-0000-0000-00000000000011', name: 'Online Safety Desk' };

export interface TeamsUser {
  teamsId: string;
  aadObjectId: string;
  name: string;
  conversationId: string;
}

export function teamsUser(name: string, aadObjectId: string): TeamsUser {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return { teamsId: `29:1${slug}`, aadObjectId, name, conversationId: `a:1personal-${slug}` };
}

let sequence = 0;

function base(user: TeamsUser, serviceUrl: string) {
  const now = new Date().toISOString();
  return {
    id: `1732${String(++sequence).padStart(9, '0')}`,
    timestamp: now,
    localTimestamp: now,
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: user.conversationId },
    recipient: { id: BOT.id, name: BOT.name },
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
    localTimezone: 'Europe/London',
  };
}

export function messageActivity(user: TeamsUser, serviceUrl: string, text: string) {
  return { ...base(user, serviceUrl), type: 'message', textFormat: 'plain', text };
}

export function cardActionInvoke(user: TeamsUser, serviceUrl: string, replyToId: string, verb: string, data: Record<string, unknown>) {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: '', verb, data }, trigger: 'manual' },
    channelData: { tenant: { id: TENANT_ID }, source: { name: 'message' }, legacy: { replyToId } },
  };
}

/** POSTs an activity to the bot and reads the whole answer (part of the round trip being timed). */
export async function postActivity(baseUrl: string, activity: object): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, text: await response.text() };
}
