import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/;

/**
 * Validates a resolved manifest against the Teams schema that `@microsoft/app-manifest` ships for
 * the manifest's `$schema` version. The schema is read from the package, never downloaded, so
 * packaging works offline and a schema the package lacks is an error rather than a fetch.
 */
export async function schemaProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const url = String(manifest.$schema ?? '');
  const version = SCHEMA_URL.exec(url)?.[1];
  if (!version)
    return [
      `$schema must be a Teams manifest schema URL (https://developer.microsoft.com/json-schemas/teams/v1.xx/MicrosoftTeams.schema.json); it is "${url}".`,
    ];
  if (manifest.manifestVersion !== version.slice(1) && version !== 'vDevPreview') {
    return [`manifestVersion "${String(manifest.manifestVersion)}" does not match the $schema's ${version}.`];
  }
  const file = join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    version,
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(file))
    return [`@microsoft/app-manifest does not ship the ${version} schema: update the package or use a schema version it has.`];
  // The same clean-up the package applies to Microsoft's schema files (regex escapes JSON cannot hold).
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Parameters<
    typeof AppManifestUtils.validateAgainstSchema
  >[1];
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
  return errors.map((error) => `schema ${version}: ${error.trim()}`);
}
