import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Teams Toolkit's environment files: `env/.env.<name>` (committed, no secrets) and
 * `env/.env.<name>.user` (git-ignored, secrets), in dotenv syntax. Later files win.
 */
export interface Environment {
  name: string;
  values: Record<string, string>;
  files: string[];
}

export function environmentNames(envDir: string): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .map((file) => /^\.env\.([\w-]+)$/.exec(file)?.[1])
    .filter((name): name is string => Boolean(name))
    .sort();
}

export function readEnvironment(envDir: string, name: string): Environment {
  const files = [`.env.${name}`, `.env.${name}.user`].map((file) => join(envDir, file)).filter((file) => existsSync(file));
  if (!files[0]?.endsWith(`.env.${name}`)) {
    const known = environmentNames(envDir);
    throw new Error(
      `There is no environment "${name}": ${join(envDir, `.env.${name}`)} does not exist. Environments: ${known.join(', ') || 'none'}.`,
    );
  }
  const values: Record<string, string> = {};
  for (const file of files) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  return { name, values, files };
}

/** KEY=value lines; blank lines and # comments ignored; quotes keep spaces; ` # note` ends an unquoted value. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const raw = match[2]!;
    const quoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(raw);
    values[match[1]!] = quoted ? quoted[2]! : raw.replace(/\s+#.*$/, '').trim();
  }
  return values;
}
