import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/app-package/env-files';

/** The toolkit's project files, read as the toolkit reads them. */
export const ROOT = join(__dirname, '..', '..');

export interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

/** Each yml file and the environment it is run with. */
export const PROJECT_FILES = { 'teamsapp.yml': 'dev', 'teamsapp.local.yml': 'local', 'teamsapp.testtool.yml': 'testtool' } as const;

export function text(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function projectFile(name: string): ProjectFile {
  return parse(text(name)) as ProjectFile;
}

export function environment(name: string): Record<string, string> {
  return parseEnvFile(text(`env/.env.${name}`));
}

/**
 * The names an environment file lists under "# Written by provision": the toolkit fills them in,
 * so a step must write each one before any step reads it.
 */
export function writtenByProvision(name: string): string[] {
  const source = text(`env/.env.${name}`);
  const marker = source.indexOf('# Written by provision');
  return marker < 0 ? [] : Object.keys(parseEnvFile(source.slice(marker)));
}

export function actions(file: ProjectFile): Action[] {
  return [...(file.provision ?? []), ...(file.deploy ?? []), ...(file.publish ?? [])];
}

/** Outputs of azure.bicep: arm/deploy writes each one to the environment under its own name. */
export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+(\w+)\s/gm)].map((match) => match[1]!);
}
