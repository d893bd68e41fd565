/**
 * The go-live checklist through the tabs' API, `/healthz?detail` and `npm run readiness`: only the
 * people who set the school up see it, and a school that is not ready is told what to fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readinessCommand } from '../../../bot/src/readiness-cli';
import { TestApp } from '../../fixtures/test-app';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the go-live checklist', () => {
  const t = new TestApp();
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  const as = async (name: string, path: string) => {
    const person = (await t.app.stores.people.find({ limit: 100 })).items.find((p) => p.displayName === name)!;
    return fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': person.id } });
  };

  it("shows the headteacher each item with what was found, in the installation guide's order", async () => {
    const response = await as('Adele Vance', '/api/readiness');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { overall: string; mode: string; items: { id: string; level: string; found: string }[] };
    expect(body.mode).toBe('local');
    expect(body.items.find((item) => item.id === 'school')).toMatchObject({
      level: 'green',
      found: expect.stringContaining('Riverside Community Primary School'),
    });
    expect(body.items.find((item) => item.id === 'role-groups')).toMatchObject({
      level: 'green',
      found: expect.stringContaining("the app's People list"),
    });
    // Nobody in the demo school has opened the bot yet: the check says who cannot be reached.
    expect(body.items.find((item) => item.id === 'reach')).toMatchObject({
      level: 'red',
      found: expect.stringMatching(/^The bot can message 0 of \d+ staff.*Nobody can be reached who is: Online safety lead/),
    });
    // Microsoft 365 items do not apply to a copy on this machine with its records in SQLite.
    expect(body.items.map((item) => item.id)).not.toEqual(expect.arrayContaining(['credential']));
    expect(body.overall).toBe(
      body.items.some((item) => item.level === 'red') ? 'red' : body.items.some((item) => item.level === 'amber') ? 'amber' : 'green',
    );
  });

  it('refuses a teacher, on the API and on /healthz?detail, without saying anything about the school', async () => {
    for (const path of ['/api/readiness', '/healthz?detail']) {
      const response = await as('Alex Wilber', path);
      expect(response.status).toBe(403);
      expect(JSON.stringify(await response.json())).not.toMatch(/Riverside/);
    }
  });
});

describe('npm run readiness', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'osd-readiness-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each item with the fix and exits 2 when the school is not set up', async () => {
    const { lines, exitCode } = await readinessCommand({ DATA_DIR: dir }, quiet);
    expect(exitCode).toBe(2);
    expect(lines.join('\n')).toMatch(
      /\[RED {2}\] The school's name and contact\n\s+The school has no name yet[^\n]*\n\s+Fix: Enter the school's name/,
    );
    expect(lines.at(-1)).toMatch(/^Not ready yet: \d+ item\(s\) to fix\.$/);
  });

  it('says plainly when the settings are wrong, and exits 2', async () => {
    const errors: string[] = [];
    const { exitCode } = await readinessCommand(
      { DATA_DIR: dir, STORE: 'dropbox' },
      { ...quiet, error: (message: string) => void errors.push(message) },
    );
    expect(exitCode).toBe(2);
    expect(errors).toEqual([expect.stringContaining('STORE must be sqlite or sharepoint')]);
  });
});
