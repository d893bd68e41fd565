// @ts-check
/**
 * `npm run playground` builds only what changed since the last build, so switching person with
 * `--as` starts in a few seconds. Plain JavaScript: it runs before anything is compiled.
 * A part is rebuilt when any of its sources (or the lock file) is newer than its last build.
 */
const { execSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** What each part is built from, and the npm script that builds it. */
const PARTS = [
  {
    name: 'server',
    script: 'build:server',
    sources: ['bot/src', 'scripts', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
  },
  { name: 'tab', script: 'build:tab', sources: ['tab', 'package-lock.json'] },
];

/** The newest modification time of the files under a file or folder (0 when there are none). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function stampOf(root, part) {
  return join(root, 'dist', `.${part.name}-built`);
}

/** The parts whose sources changed since they were last built (all of them before the first build). */
function staleParts(root) {
  return PARTS.filter((part) => {
    const stamp = stampOf(root, part);
    if (!existsSync(stamp)) return true;
    const built = statSync(stamp).mtimeMs;
    return part.sources.some((source) => newest(join(root, source)) > built);
  });
}

function buildIfChanged(root) {
  const stale = staleParts(root);
  if (stale.length === 0) console.log('Nothing changed since the last build: starting at once.');
  for (const part of stale) {
    const started = Date.now();
    execSync(`npm run --silent ${part.script}`, { cwd: root, stdio: 'inherit' });
    mkdirSync(join(root, 'dist'), { recursive: true });
    // The stamp is the time the build started: a file saved during the build is built next time.
    writeFileSync(stampOf(root, part), '');
    utimesSync(stampOf(root, part), started / 1000, started / 1000);
  }
}

module.exports = { staleParts, PARTS };

if (require.main === module) buildIfChanged(join(__dirname, '..'));
