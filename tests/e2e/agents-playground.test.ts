/**
 * The Microsoft 365 Agents Playground (the devDependency `npm run playground` starts) against the
 * running app, in real Chromium: it loads the demo school's people from .m365agentsplayground.yml
 * and the bot answers the person chatting, here the headteacher, by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/src/main';
import { chattingAs, parsePlaygroundConfig, playgroundConfigText } from '../../scripts/playground-config';
import { describeInBrowser, launchChromium } from '../fixtures/browser';
import { testConfig } from '../fixtures/test-app';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Settles when the Playground prints `Listening on <port>` (its own line once its server is up). */
function listening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((done, fail) => {
    let printed = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      if (printed.includes(`Listening on ${port}`)) done();
    });
    child.on('exit', (code) => fail(new Error(`The Playground stopped (exit ${code}) before it was listening: ${printed.slice(-300)}`)));
  });
}

describeInBrowser('the Agents Playground', () => {
  let dir: string;
  let app: RunningApp;
  let playground: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-playground-'));
    app = await startApp({
      config: testConfig(join(dir, 'data')),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const people = join(dir, 'people.yml');
    writeFileSync(
      people,
      playgroundConfigText(
        chattingAs(parsePlaygroundConfig(readFileSync(join(__dirname, '..', '..', '.m365agentsplayground.yml'), 'utf8')), 'adele'),
      ),
    );
    const port = await freePort();
    url = `http://localhost:${port}`;
    const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
    playground = spawn(
      process.execPath,
      [cli, '-e', `${app.url}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
      {
        cwd: dir,
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: people },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    await listening(playground, port);
    expect((await fetch(url)).ok).toBe(true);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the school's team and chats, and the bot answers the headteacher by name", async () => {
    await page.goto(url);
    await page.getByText('Riverside staff').first().waitFor();
    const box = page.getByRole('textbox').last();
    await box.fill('help');
    await box.press('Enter');
    await page.getByText('Hello Adele — this is Online Safety Desk').first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('Year 4 team').count()).toBeGreaterThan(0);
  });
});
