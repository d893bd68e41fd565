import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Shared by the benchmarks: figures, printed lines, temp folders and a Bot Connector stub. */

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

const tempDirs = new Set<string>();

/** A fresh data folder (on the real disk under the OS temp dir), removed when the bench ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

// A bench stopped half way (Ctrl-C, a crash, a closed pipe) still removes its folders: Ctrl-C
// becomes an ordinary exit so that this 'exit' handler runs.
process.once('exit', () => tempDirs.forEach(removeTempDir));
process.once('SIGINT', () => process.exit(130));

export const sleep = (msToWait: number) => new Promise((done) => setTimeout(done, msToWait));

/** A port nobody is using, for a child process that must be told its port up front (so not 0). */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
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
