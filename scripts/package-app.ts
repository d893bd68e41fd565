import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readEnvironment } from './app-package/env-files';
import { iconProblems } from './app-package/icon-rules';
import { appRuleProblems } from './app-package/manifest-rules';
import { schemaProblems } from './app-package/manifest-schema';
import { resolvePlaceholders } from './app-package/placeholders';
import { projectRoot } from './project-root';

/**
 * `npm run package -- <env>`: the Teams app package for one environment, as the toolkit's
 * teamsApp/zipAppPackage builds it (manifest with placeholders filled from env/.env.<env> and
 * env/.env.<env>.user, and the two icons), checked offline before it is written.
 */
export interface PackageOptions {
  env: string;
  root?: string;
  envDir?: string;
  outDir?: string;
}

export class PackageError extends Error {}

/** Where each value comes from, for the message when one is missing. */
const HINTS: Record<string, string> = {
  TEAMS_APP_ID: 'written by provision (teamsApp/create)',
  BOT_ID: 'written by provision (arm/deploy, or aadApp/create for a local run)',
  AAD_APP_CLIENT_ID: 'written by provision (aadApp/create)',
  TAB_DOMAIN: 'written by provision (arm/deploy), or the dev tunnel host for a local run',
  TAB_ENDPOINT: 'written by provision (arm/deploy), or the dev tunnel URL for a local run',
  SCHOOL_NAME: "the school's name, shown as the app's publisher (at most 32 characters)",
  SCHOOL_WEBSITE_URL: "the school's website",
  SCHOOL_PRIVACY_URL: "the school's privacy notice for staff",
  SCHOOL_TERMS_URL: "the school's acceptable use agreement for staff",
};

export async function packageApp({
  env,
  root = projectRoot(),
  envDir = join(root, 'env'),
  outDir = join(root, 'appPackage', 'build'),
}: PackageOptions): Promise<{ zip: string; manifest: Record<string, unknown> }> {
  const environment = readEnvironment(envDir, env);
  const template = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
  const { text, missing } = resolvePlaceholders(template, environment.values, { json: true });
  if (missing.length) {
    const lines = missing.map((name) => `  ${name}${HINTS[name] ? `: ${HINTS[name]}` : ''}`);
    const files = environment.files.map((file) => relative(root, file)).join(' or ');
    throw new PackageError(
      `appPackage/manifest.json needs values for:\n${lines.join('\n')}\nRun \`atk provision --env ${env}\` for the ones provision writes; set the others in ${files}.`,
    );
  }
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const problems = [
    ...(await schemaProblems(manifest)),
    ...appRuleProblems(manifest),
    ...iconProblems(manifest.icons as { color?: string; outline?: string }, join(root, 'appPackage')),
  ];
  if (problems.length)
    throw new PackageError(`The app manifest for "${env}" is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `manifest.${env}.json`), JSON.stringify(manifest, null, 2));
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  const icons = manifest.icons as { color: string; outline: string };
  for (const icon of [icons.color, icons.outline]) zip.addFile(icon, readFileSync(join(root, 'appPackage', icon)));
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  zip.writeZip(zipPath);
  return { zip: zipPath, manifest };
}

async function main(): Promise<void> {
  const env = process.argv[2];
  if (!env) {
    console.error('Which environment? For example: npm run package -- dev   (reads env/.env.dev and env/.env.dev.user)');
    process.exit(2);
  }
  try {
    const { zip } = await packageApp({ env });
    console.log(`Valid against the bundled Teams schema and the app's own rules. Wrote ${relative(process.cwd(), zip)}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (require.main === module) void main();
