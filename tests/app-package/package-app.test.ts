/**
 * `npm run package -- <env>`: the zip Teams takes, built from env/.env.<env> (+ .user), checked
 * offline, and refused with a clear message when a value is missing or the result is invalid.
 */
import AdmZip from 'adm-zip';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentNames, parseEnvFile } from '../../scripts/app-package/env-files';
import { packageApp } from '../../scripts/package-app';
import { envFileText, SAMPLE_VALUES } from './sample-environment';

const ENV_DIR = join(__dirname, '..', '..', 'env');

describe.each(environmentNames(ENV_DIR))('the committed environment "%s"', (name) => {
  it('packages into a manifest valid against the Teams schema, once provision has written its ids and hosts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osd-package-env-'));
    mkdirSync(join(dir, 'env'));
    // The file's own values as committed (the school's name, its links…); sample values only where it leaves one to provision or to the
    // school.
    const committed = Object.fromEntries(
      Object.entries(parseEnvFile(readFileSync(join(ENV_DIR, `.env.${name}`), 'utf8'))).filter(([, value]) => value !== ''),
    );
    writeFileSync(join(dir, 'env', `.env.${name}`), envFileText({ ...SAMPLE_VALUES, ...committed }));
    try {
      const { manifest } = await packageApp({ env: name, envDir: join(dir, 'env'), outDir: join(dir, 'build') });
      expect((manifest.developer as { name: string }).name).toBe(committed.SCHOOL_NAME ?? SAMPLE_VALUES.SCHOOL_NAME);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('packaging the app', () => {
  let dir: string;
  let envDir: string;
  let outDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'osd-package-'));
    envDir = join(dir, 'env');
    outDir = join(dir, 'build');
    mkdirSync(envDir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeEnv = (name: string, values: Record<string, string>) => writeFileSync(join(envDir, name), envFileText(values));

  it('zips the filled-in manifest with both icons, as Teams expects', async () => {
    writeEnv('.env.dev', SAMPLE_VALUES);
    const { zip } = await packageApp({ env: 'dev', envDir, outDir });
    expect(zip).toBe(join(outDir, 'appPackage.dev.zip'));
    const entries = new AdmZip(zip).getEntries();
    expect(entries.map((entry) => entry.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(
      entries
        .find((entry) => entry.entryName === 'manifest.json')!
        .getData()
        .toString('utf8'),
    ) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(SAMPLE_VALUES.TEAMS_APP_ID);
    expect(existsSync(join(outDir, 'manifest.dev.json'))).toBe(true);
  });

  it('takes secrets and overrides from the git-ignored .user file, and keeps quotes in values intact', async () => {
    writeEnv('.env.dev', { ...SAMPLE_VALUES, SCHOOL_NAME: '' });
    writeEnv('.env.dev.user', { SCHOOL_NAME: 'St Mary\'s "Juniors" School' });
    const { manifest } = await packageApp({ env: 'dev', envDir, outDir });
    expect((manifest.developer as { name: string }).name).toBe('St Mary\'s "Juniors" School');
  });

  it('refuses, naming each missing value and where it comes from, and writes nothing', async () => {
    writeEnv('.env.dev', { ...SAMPLE_VALUES, TEAMS_APP_ID: '', SCHOOL_PRIVACY_URL: '' });
    await expect(packageApp({ env: 'dev', envDir, outDir })).rejects.toThrow(
      /needs values for:\n {2}TEAMS_APP_ID: written by provision \(teamsApp\/create\)\n {2}SCHOOL_PRIVACY_URL: the school's privacy notice for staff\nRun `atk provision --env dev`/,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('refuses an environment that does not exist, listing those that do', async () => {
    writeEnv('.env.dev', SAMPLE_VALUES);
    writeEnv('.env.local', SAMPLE_VALUES);
    await expect(packageApp({ env: 'prod', envDir, outDir })).rejects.toThrow(/There is no environment "prod".*Environments: dev, local\./);
  });

  it('refuses a manifest that the values make invalid, saying why', async () => {
    writeEnv('.env.dev', {
      ...SAMPLE_VALUES,
      TAB_DOMAIN: '*.azurewebsites.net',
      SCHOOL_NAME: 'The Federation of Riverside and Meadow Primary Schools',
    });
    const failure = packageApp({ env: 'dev', envDir, outDir });
    await expect(failure).rejects.toThrow(/developer\/name must NOT have more than 32 characters/);
    await expect(failure).rejects.toThrow(/validDomains must be plain host names/);
    expect(existsSync(join(outDir, 'appPackage.dev.zip'))).toBe(false);
  });
});

describe('environment files', () => {
  it('read as the toolkit writes them: comments, blanks, quotes and empty values', () => {
    expect(
      parseEnvFile(
        '# a comment\n\nTEAMSFX_ENV=dev\nAPP_NAME_SUFFIX=" (local)"\nEMPTY=\nNOTE=value # why\nURL=https://x.example.org/#top\n',
      ),
    ).toEqual({
      TEAMSFX_ENV: 'dev',
      APP_NAME_SUFFIX: ' (local)',
      EMPTY: '',
      NOTE: 'value',
      URL: 'https://x.example.org/#top',
    });
  });
});
