import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createSqliteStores } from '../bot/src/adapters/sqlite/sqlite-stores';
import { loadConfig } from '../bot/src/config';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, INVOLVED, type Incident } from '../bot/src/domain/incidents/incident';
import { routeIncident } from '../bot/src/domain/incidents/incident-routing';
import { startApp } from '../bot/src/main';
import { elapsedMs, median, ms, note, row, summarise, tempDir } from './support';

const INCIDENTS = 20_000;
const SAMPLES = 200;
const TARGET_LIST_P95_MS = 30;
const PAGE_LOADS = 5;
const ROOT = resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The list queries a DSL makes most: the first page (50) with the tab's filters, newest first unless sorted. */
const QUERIES: [string, string][] = [
  ['no filter', ''],
  ['status', 'status=new'],
  ['status + category', 'status=inProgress&category=cyberbullying'],
  ['routed to + dates', 'routedTo=headteacher&from=2025-01-01&to=2025-12-31'],
  ['text search', 'q=snapchat'],
  ['sort by category', 'sort=category&dir=asc'],
];

/** `npm run bench`: the incident log with 20,000 incidents in SQLite. */
export async function incidentsBench(): Promise<void> {
  console.log(`\nIncident log (${INCIDENTS.toLocaleString('en-GB')} incidents in SQLite)`);
  const dir = tempDir('osd-bench-incidents-');
  const seeded = seedIncidents(dir);
  note(`${INCIDENTS.toLocaleString('en-GB')} incidents written in ${ms(seeded).trim()} (one transaction, straight into the table)`);
  const app = await startApp({
    config: loadConfig({ PORT: '0', DATA_DIR: dir, TAB_DIR: join(ROOT, 'dist', 'tab') }, ROOT),
    log: { info: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
  });
  try {
    const people = (await app.stores.people.find({ limit: 50 })).items;
    const dsl = people.find((person) => person.roles.includes('dsl'))!;
    const head = people.find((person) => person.roles.includes('headteacher'))!;
    console.log('  the list API, first page of 50 (GET /api/incidents):');
    const all: number[] = [];
    for (const [label, query] of [...QUERIES, ['as the headteacher (a narrower scope)', ''] as [string, string]]) {
      const personId = label.startsWith('as the headteacher') ? head.id : dsl.id;
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES + 10; i++) {
        const start = process.hrtime.bigint();
        const response = await fetch(`${app.url}/api/incidents?${query}`, { headers: { 'x-demo-person': personId } });
        await response.json();
        if (response.status !== 200) throw new Error(`GET /api/incidents?${query} answered ${response.status}`);
        if (i >= 10) samples.push(elapsedMs(start));
      }
      all.push(...samples);
      const figures = summarise(samples);
      row(`  ${label}`, `p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}`);
    }
    const overall = summarise(all);
    row('the list API, every query above', `p95 ${ms(overall.p95)}`, {
      value: TARGET_LIST_P95_MS,
      measured: overall.p95,
      text: `target < ${TARGET_LIST_P95_MS} ms`,
    });
    bundleSize();
    await timeToList(app.url, dsl.id);
  } finally {
    await app.close();
  }
}

function seedIncidents(dir: string): number {
  createSqliteStores(dir)
    .close()
    .catch(() => undefined);
  const db = new Database(join(dir, 'online-safety-desk.sqlite'));
  const insert = db.prepare(
    'INSERT INTO incidents (version, data, "status", "category", "routedTo", "submissionKey", "assigneeId") VALUES (1, ?, ?, ?, ?, ?, ?)',
  );
  const platforms = ['Snapchat', 'TikTok', 'WhatsApp', 'Instagram', 'Roblox', 'a school laptop', 'YouTube'];
  const start = process.hrtime.bigint();
  db.transaction(() => {
    for (let i = 0; i < INCIDENTS; i++) {
      const category = INCIDENT_CATEGORIES[i % INCIDENT_CATEGORIES.length]!;
      const involved = INVOLVED[(i * 7) % INVOLVED.length]!;
      const routedTo = routeIncident(category, involved).routedTo;
      const reportedAt = new Date(Date.UTC(2024, 0, 1) + ((i * 4_733_117) % (3 * 365 * 86_400_000))).toISOString();
      const incident: Omit<Incident, 'id'> = {
        whatHappened: `Bench incident ${i}: messages on ${platforms[i % platforms.length]} that upset a pupil, reported by a class teacher.`,
        occurredOn: reportedAt.slice(0, 10),
        where: 'platform',
        platform: platforms[i % platforms.length]!,
        involved,
        category,
        submissionKey: `bench-${i}`,
        reporterId: '8',
        reporterName: 'Priya Shah',
        reportedAt,
        routedTo,
        aboutHeadteacher: involved === 'headteacher',
        assigneeId: '5',
        assigneeName: 'Patti Fernandez',
        status: INCIDENT_STATUSES[(i * 3) % INCIDENT_STATUSES.length]!,
        updatedAt: reportedAt,
      };
      insert.run(JSON.stringify(incident), incident.status, category, routedTo, incident.submissionKey, incident.assigneeId ?? null);
    }
  })();
  const took = elapsedMs(start);
  db.close();
  return took;
}

/**
 * Every view's code added up, reported without a target. The target of 250 KB was set when the tab
 * was one bundle, which every person loaded whole on opening it; since the tab is split per page
 * (issue 20), nobody loads all of it: what a person's first page loads is held to 120 KB by the tab's
 * first-page bench (bench/tab-load-bench.ts), and the other views load only when opened.
 */
function bundleSize(): void {
  const assets = join(ROOT, 'dist', 'tab', 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const gzipped = scripts.map((name) => gzipSync(readFileSync(join(assets, name))).length);
  const totalKb = gzipped.reduce((sum, size) => sum + size, 0) / 1024;
  row("the tab's JavaScript, every view, gzipped", `${totalKb.toFixed(1)} KB`.padStart(9));
  note(`${scripts.length} file(s), teams-js included; each view loads only its own part (the first page: below, ≤ 120 KB)`);
}

/** From navigation to the first row of the log on screen, in headless Chromium, as the DSL. */
async function timeToList(url: string, personId: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    note(`no Chromium at ${CHROMIUM}: time to list not measured (apt-get install chromium)`);
    return;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < PAGE_LOADS + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(`sessionStorage.setItem('persona', ${JSON.stringify(personId)})`);
      const start = process.hrtime.bigint();
      await page.goto(`${url}/tab/?view=incidents`);
      await page.getByTestId('incident-row').first().waitFor();
      if (i > 0) times.push(elapsedMs(start)); // the first load warms the browser's cache of nothing: a cold start
      await page.close();
    }
    row('navigation → incident list rendered (Chromium)', `median ${ms(median(times))}  max ${ms(Math.max(...times))}`);
  } finally {
    await browser.close();
  }
}
