import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chattingAs, parsePlaygroundConfig, playgroundConfigText } from './playground-config';
import { projectRoot } from './project-root';
import { SERVER_NODE_OPTIONS } from './server-node-options';

/**
 * `npm run playground [-- --as megan]`: the app in local mode (the demo school, no tenant) and the
 * Microsoft 365 Agents Playground talking to it, at http://localhost:56150. Ctrl+C stops both.
 */
const root = projectRoot();
const port = Number(process.env.PORT ?? 3978);
const endpoint = `http://127.0.0.1:${port}`;

function configFor(who: string | undefined): string {
  const file = join(root, '.m365agentsplayground.yml');
  if (!who) return file;
  const folder = join(root, 'devTools', 'playground');
  mkdirSync(folder, { recursive: true });
  const config = chattingAs(parsePlaygroundConfig(readFileSync(file, 'utf8')), who);
  const target = join(folder, `${config.currentUser.givenName.toLowerCase()}.yml`);
  writeFileSync(target, playgroundConfigText(config));
  return target;
}

async function healthy(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${endpoint}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`The app did not answer on ${endpoint}/healthz within 60 seconds.`);
}

const children: ChildProcess[] = [];

/** The first to stop sets the exit code; the other is stopped with it. */
function stopAll(code: number): void {
  process.exitCode ??= code;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

async function main(): Promise<void> {
  const asIndex = process.argv.indexOf('--as');
  const configPath = configFor(asIndex >= 0 ? (process.argv[asIndex + 1] ?? '') : undefined);
  // Local mode whatever this shell holds: the Playground does not sign its requests.
  const appEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', BOT_ID: '', AAD_APP_CLIENT_ID: '' };
  const app = spawn(process.execPath, [...SERVER_NODE_OPTIONS, join(root, 'dist', 'bot', 'src', 'main.js')], {
    cwd: root,
    env: appEnv,
    stdio: 'inherit',
  });
  children.push(app);
  app.on('exit', (code) => stopAll(code ?? 1));
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  await healthy(Date.now() + 60_000);

  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const playground = spawn(process.execPath, [cli, '-e', `${endpoint}/api/messages`, '-c', 'msteams', '--disable-telemetry'], {
    cwd: root,
    env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
    stdio: 'inherit',
  });
  children.push(playground);
  playground.on('exit', (code) => stopAll(code ?? 1));
  console.log(`Agents Playground: http://localhost:${process.env.TEAMSAPPTESTER_PORT ?? 56150} (people: ${configPath})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
