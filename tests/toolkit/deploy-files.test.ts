/**
 * What `atk deploy` uploads to App Service: the toolkit walks the project folder and skips every
 * file or folder its `ignore` matcher rejects (.webappignore). Only the build, package.json and
 * the lockfile may go: never sources, tests, secrets, local data or node_modules.
 */
import ignore from 'ignore';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, text } from './toolkit-files';

/** The toolkit's own reading of the ignore file (baseDeployImpl.handleIgnore, zipFolderAsync). */
function uploaded(path: string): boolean {
  const matcher = ignore().add('.deployment');
  for (const line of text('.webappignore').split('\n')) matcher.add(line.trim());
  const parts = path.split('/');
  // A folder the matcher rejects is not walked into, so every ancestor must pass too.
  return parts.every((_, index) => !matcher.test(parts.slice(0, index + 1).join('/')).ignored);
}

describe('the files deployed to App Service', () => {
  it.each([
    'dist/bot/src/main.js',
    'dist/bot/src/adapters/teams/bot-adapter.js',
    'dist/tab/index.html',
    'dist/tab/assets/index-abc.js',
    'package.json',
    'package-lock.json',
  ])('include %s', (path) => {
    expect(uploaded(path)).toBe(true);
  });

  it.each([
    'bot/src/main.ts',
    'tests/e2e/consent-tab.test.ts',
    'node_modules/restify/package.json',
    'env/.env.dev',
    'env/.env.dev.user',
    '.localConfigs',
    'data/online-safety.sqlite',
    'appPackage/manifest.json',
    'infra/azure.bicep',
    '.git/config',
    '.deployment/deployment.zip',
  ])('leave out %s', (path) => {
    expect(uploaded(path)).toBe(false);
  });
});

describe('the commands an administrator runs on App Service (SSH console)', () => {
  const scripts = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts;

  // App Service has the build and the production dependencies only: no TypeScript, no Vite.
  it.each(['job', 'provision:lists', 'readiness'])('npm run %s runs the built JavaScript that is deployed, and nothing else', (name) => {
    const command = /^node (dist\/\S+\.js)$/.exec(scripts[name]!);
    expect({ name, command: scripts[name] }).toEqual({ name, command: expect.stringMatching(/^node dist\//) });
    const built = command![1]!;
    expect(uploaded(built)).toBe(true);
    // The build makes it from its source (tsconfig.build.json compiles bot/ into dist/).
    expect(existsSync(join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });
});
