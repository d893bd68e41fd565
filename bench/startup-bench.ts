import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_PEOPLE } from '../bot/src/app/demo-school';
import {
  elapsedMs,
  freePort,
  median,
  ms,
  note,
  removeTempDir,
  row,
  sleep,
  startStubConnector,
  tempDir,
  type StubConnector,
  postActivity,
} from './support';
import { messageActivity, teamsUser } from '../tests/fixtures/teams-activities';
import { SERVER_NODE_OPTIONS } from '../scripts/server-node-options';

const ROUNDS = 3;
const MESSAGES = 200;
const TARGET_START_MS = 2_000;
const TARGET_RSS_MB = 150;
const POLL_EVERY_MS = 20;
const START_DEADLINE_MS = 20_000;

const ROOT = resolve(__dirname, '..', '..');
/** Servers still running, so a failing or interrupted bench never leaves one behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

interface Server {
  child: ChildProcess;
  url: string;
  startMs: number;
}

/** Spawns the built server and times it from spawn to the first 200 on /healthz. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, join(ROOT, 'dist', 'bot', 'src', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BOT_ID: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  // Kept (capped) only to explain a failed start; reading it also stops the pipes filling up.
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => keep(Buffer.from(`\n${String(error)}`)));

  while (elapsedMs(start) < START_DEADLINE_MS) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return { child, url, startMs: elapsedMs(start) };
      await response.body?.cancel();
    } catch {
      // Not listening yet: poll again.
    }
    await sleep(POLL_EVERY_MS);
  }
  throw new Error(`The server was not healthy within ${START_DEADLINE_MS} ms:\n${output}`);
}

/** SIGTERM, as a service manager would; returns how long the server took to exit. */
async function stopServer(child: ChildProcess): Promise<number> {
  const start = process.hrtime.bigint();
  const exited = new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  return elapsedMs(start);
}

/** Resident and peak memory in MB from /proc (Linux only). */
function memoryMb(pid: number | undefined): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

function mbRow(label: string, memory: { rss: number; peak: number } | undefined): void {
  if (!memory) return row(label, 'n/a (no /proc on this system)');
  row(label, `RSS ${memory.rss.toFixed(1).padStart(6)} MB  (peak ${memory.peak.toFixed(1)} MB)`, {
    value: TARGET_RSS_MB,
    measured: memory.rss,
    text: `target < ${TARGET_RSS_MB} MB`,
  });
}

/** Memory of a running server: after ~1 s idle, then after some chat traffic through the bot. */
async function measureMemory(server: Server, connector: StubConnector): Promise<void> {
  await sleep(1_000);
  mbRow('memory, idle 1 s after start', memoryMb(server.child.pid));
  const person = DEMO_PEOPLE[0];
  if (!person?.aadObjectId) throw new Error('The demo school has no people.');
  const user = teamsUser(person.displayName, person.aadObjectId);
  const start = process.hrtime.bigint();
  for (let i = 0; i < MESSAGES; i++) {
    const response = await postActivity(server.url, messageActivity(user, connector.url, 'help'));
    if (response.status !== 200) throw new Error(`Message ${i} answered ${response.status}: ${response.text.slice(0, 200)}`);
  }
  const took = elapsedMs(start);
  mbRow(`memory, after ${MESSAGES} "help" messages`, memoryMb(server.child.pid));
  note(
    `the ${MESSAGES} messages took ${ms(took).trim()} in all (one at a time); the stub Bot Connector received ${connector.calls()} replies`,
  );
}

export async function startupBench(): Promise<void> {
  console.log(
    `\nServer start-up (node ${SERVER_NODE_OPTIONS.join(' ')} dist/bot/src/main.js until GET /healthz answers 200, polled every ${POLL_EVERY_MS} ms), ${ROUNDS} rounds`,
  );
  const cold: number[] = [];
  const warm: number[] = [];
  const stops: number[] = [];
  const dirs: string[] = [];
  const connector = await startStubConnector();
  let memoryServer: Server | undefined;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const dir = tempDir('osd-bench-start-');
      dirs.push(dir);
      // Cold: an empty data folder, so the schema is created and the demo school seeded.
      const first = await startServer(dir);
      cold.push(first.startMs);
      stops.push(await stopServer(first.child));
      // Warm: the same folder again, as after a restart.
      const again = await startServer(dir);
      warm.push(again.startMs);
      if (round < ROUNDS) stops.push(await stopServer(again.child));
      else memoryServer = again; // the last one stays up for the memory figures
    }
    const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
    const startRow = (label: string, values: number[]) =>
      row(label, `${ms(median(values))}  [${list(values)}]`, {
        value: TARGET_START_MS,
        measured: median(values),
        text: `target < ${TARGET_START_MS} ms`,
      });
    startRow('cold start, empty data folder (median)', cold);
    startRow('warm start, same folder again (median)', warm);
    row('shutdown on SIGTERM (median, no target)', ms(median(stops)));
    note('"cold" means a fresh data folder, not a cold OS file cache: node_modules is already cached after the build');
    if (memoryServer) {
      await measureMemory(memoryServer, connector);
      await stopServer(memoryServer.child);
    }
  } finally {
    for (const child of running) child.kill('SIGKILL');
    await connector.close();
    dirs.forEach(removeTempDir);
  }
}

if (require.main === module) {
  startupBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
