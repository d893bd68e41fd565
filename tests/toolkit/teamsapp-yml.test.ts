/**
 * teamsapp.yml, teamsapp.local.yml and teamsapp.testtool.yml: valid against the toolkit's own YAML
 * schema (tests/fixtures/toolkit), doing the lifecycle the README describes, and never reading a
 * value that no environment file declares and no earlier step writes.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholdersIn } from '../../scripts/app-package/placeholders';
import { actions, bicepOutputs, environment, PROJECT_FILES, projectFile, text, writtenByProvision, type Action } from './toolkit-files';

const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'toolkit', 'yaml.schema.v1.11.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const uses = (list: Action[] | undefined) => (list ?? []).map((action) => action.uses);

describe.each(Object.entries(PROJECT_FILES))('%s', (file, env) => {
  const project = projectFile(file);

  it("is valid against the toolkit's YAML schema for its version", () => {
    expect(project.version).toBe('v1.11');
    expect(text(file)).toContain('# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    validate(project);
    expect(validate.errors ?? []).toEqual([]);
  });

  it(`reads only values that env/.env.${env} sets or an earlier step writes`, () => {
    const generated = new Set(writtenByProvision(env));
    const known = new Set([...Object.keys(environment(env)).filter((name) => !generated.has(name)), 'TEAMSFX_ENV']);
    for (const action of actions(project)) {
      const read = [
        ...placeholdersIn(JSON.stringify(action.with ?? {})),
        ...filesReadBy(action).flatMap((path) => placeholdersIn(text(path))),
      ];
      // aadApp/update makes up the access_as_user scope's id when the environment has none yet.
      if (action.uses === 'aadApp/update') known.add('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
      expect({ action: action.uses, unknown: read.filter((name) => !known.has(name)) }).toEqual({ action: action.uses, unknown: [] });
      for (const written of writtenBy(action)) known.add(written);
    }
  });

  it(`writes every value env/.env.${env} leaves to provision`, () => {
    const written = new Set(actions(project).flatMap(writtenBy));
    expect(writtenByProvision(env).filter((name) => !written.has(name))).toEqual([]);
  });
});

/** Files an action fills placeholders in before using them. */
function filesReadBy(action: Action): string[] {
  const withs = action.with ?? {};
  if (action.uses === 'arm/deploy') return (withs.templates as { parameters: string }[]).map((template) => template.parameters);
  if (action.uses === 'aadApp/update') return [String(withs.manifestPath)];
  if (/^teamsApp\/(zipAppPackage|validateManifest)$/.test(action.uses)) return [String(withs.manifestPath)];
  return [];
}

function writtenBy(action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy') {
    for (const template of action.with!.templates as { path: string }[]) written.push(...bicepOutputs(text(template.path)));
  }
  if (action.uses === 'teamsApp/create') written.push('TEAMS_APP_TENANT_ID');
  if (action.uses === 'aadApp/update') written.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  if (action.uses === 'script')
    written.push(...[...String(action.with!.run).matchAll(/::set-teamsfx-env (\w+)=/g)].map((match) => match[1]!));
  return written;
}

describe("the school's environment (teamsapp.yml)", () => {
  const project = projectFile('teamsapp.yml');

  it('provisions the Teams app, the SSO Entra app, the Azure resources, then validates and uploads the package', () => {
    expect(uses(project.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('creates a single-tenant SSO app with no client secret (the managed identity proves the app in Azure)', () => {
    const create = project.provision!.find((action) => action.uses === 'aadApp/create')!;
    expect(create.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateClientSecret: false });
    expect(create.writeToEnvironmentFile).toEqual({
      clientId: 'AAD_APP_CLIENT_ID',
      objectId: 'AAD_APP_OBJECT_ID',
      tenantId: 'AAD_APP_TENANT_ID',
      authority: 'AAD_APP_OAUTH_AUTHORITY',
      authorityHost: 'AAD_APP_OAUTH_AUTHORITY_HOST',
    });
    const update = project.provision!.find((action) => action.uses === 'aadApp/update')!;
    expect(update.with!.manifestPath).toBe('./aad.manifest.json');
  });

  it('deploys by building, then zip-deploying to the App Service that provision made', () => {
    expect(uses(project.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(project.deploy!.map((action) => action.with!.args)).toEqual(['ci --no-audit --no-fund', 'run build', undefined]);
    expect(project.deploy![2]!.with).toMatchObject({
      artifactFolder: '.',
      ignoreFile: '.webappignore',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
  });

  it('publishes to the Teams admin centre for the school to approve', () => {
    expect(uses(project.publish)).toContain('teamsApp/publishAppPackage');
  });
});

describe('a run in a developer tenant (teamsapp.local.yml)', () => {
  const project = projectFile('teamsapp.local.yml');

  it('registers a single-tenant bot on the tunnel and gives the server its settings', () => {
    const botApp = project.provision!.find((action) => action.writeToEnvironmentFile?.clientId === 'BOT_ID')!;
    expect(botApp.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true });
    expect(project.provision!.find((action) => action.uses === 'botFramework/create')!.with).toMatchObject({
      messagingEndpoint: '${{BOT_ENDPOINT}}/api/messages',
      channels: [{ name: 'msteams' }],
    });
    const settings = project.deploy!.find((action) => action.uses === 'file/createOrUpdateEnvironmentFile')!.with as {
      target: string;
      envs: Record<string, string>;
    };
    expect(settings.target).toBe('./.localConfigs');
    expect(settings.envs).toMatchObject({ BOT_ID: '${{BOT_ID}}', BOT_TYPE: 'SingleTenant', AAD_APP_CLIENT_ID: '${{AAD_APP_CLIENT_ID}}' });
  });
});

describe('the Agents Playground (teamsapp.testtool.yml)', () => {
  it('runs the server in local mode: no bot id, this computer only', () => {
    const project = projectFile('teamsapp.testtool.yml');
    expect(project.provision).toBeUndefined();
    const settings = project.deploy!.find((action) => action.uses === 'file/createOrUpdateEnvironmentFile')!.with as {
      envs: Record<string, unknown>;
    };
    expect(settings.envs).toEqual({ PORT: 3978, HOST: '127.0.0.1' });
  });
});

describe("the toolkit's YAML schema", () => {
  it('catches a misspelt action or a missing input, so the checks above mean something', () => {
    const broken = projectFile('teamsapp.yml');
    broken.provision![0] = { uses: 'teamsApp/crate', with: { name: 'x' } };
    expect(validate(broken)).toBe(false);
    const missing = projectFile('teamsapp.yml');
    delete missing.deploy![2]!.with!.resourceId;
    expect(validate(missing)).toBe(false);
  });
});

describe('secrets', () => {
  it('never sit in the committed environment files, and the .user files and local settings are git-ignored', () => {
    for (const env of Object.values(PROJECT_FILES)) {
      const values = environment(env);
      expect(Object.entries(values).filter(([name, value]) => /^SECRET_|PASSWORD/.test(name) && value !== '')).toEqual([]);
    }
    const ignored = text('.gitignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['env/.env.*.user', '.localConfigs', '.localConfigs.*', 'appPackage/build/']));
  });
});
