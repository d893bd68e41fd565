/**
 * infra/: no Bicep compiler can be installed on this network, so the templates are checked here
 * by structure: every parameter used and given, every output the toolkit reads present, the
 * module called with what it declares, no secret anywhere (the managed identity is the Graph
 * credential), and App Service settings that the server reads and that start it in the right mode.
 */
import { resolve } from 'node:path';
import { loadConfig, roleGroupVariable } from '../../bot/src/config';
import { ROLES } from '../../bot/src/domain/people/role';
import { placeholdersIn, resolvePlaceholders } from '../../scripts/app-package/placeholders';
import { SERVER_NODE_OPTIONS } from '../../scripts/server-node-options';
import { block, bodyWithoutDeclarations, objectEntries, parameters } from './bicep-reader';
import { bicepOutputs, ROOT, text } from './toolkit-files';

const main = text('infra/azure.bicep');
const bot = text('infra/botRegistration/azurebot.bicep');
const parameterFile = JSON.parse(text('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
const settings = objectEntries(block(block(main, /resource webAppSettings /), /properties:/));

/** Settings App Service itself reads (build, monitoring), not the server. */
const PLATFORM_SETTINGS = [
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'CUSTOM_BUILD_COMMAND',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
];

/** Every environment variable bot/src/config.ts reads. */
function variablesTheServerReads(): string[] {
  const config = text('bot/src/config.ts');
  return [
    ...new Set(
      [...config.matchAll(/env\.([A-Z_]+)/g), ...config.matchAll(/value\('([A-Z_]+)'\)/g)]
        .map((match) => match[1]!)
        .concat(ROLES.map(roleGroupVariable)),
    ),
  ];
}

describe.each([
  ['infra/azure.bicep', main],
  ['infra/botRegistration/azurebot.bicep', bot],
])('%s', (_, template) => {
  it('uses every parameter it declares', () => {
    const body = bodyWithoutDeclarations(template);
    expect(
      parameters(template)
        .filter((parameter) => !new RegExp(`\\b${parameter.name}\\b`).test(body))
        .map((parameter) => parameter.name),
    ).toEqual([]);
  });
});

describe('the ARM parameters file', () => {
  it('gives only parameters azure.bicep declares, and every one without a default', () => {
    const declared = parameters(main);
    expect(Object.keys(parameterFile.parameters).filter((name) => !declared.some((parameter) => parameter.name === name))).toEqual([]);
    expect(
      declared
        .filter((parameter) => parameter.defaultValue === undefined && !(parameter.name in parameterFile.parameters))
        .map((parameter) => parameter.name),
    ).toEqual([]);
  });

  it('holds no secret, and asks for none: the app proves itself with its managed identity', () => {
    expect(
      parameters(main).filter((parameter) => parameter.decorators.includes('@secure()') || /secret|password/i.test(parameter.name)),
    ).toEqual([]);
    expect(
      Object.values(parameterFile.parameters)
        .flatMap(({ value }) => placeholdersIn(JSON.stringify(value)))
        .filter((name) => name.startsWith('SECRET_')),
    ).toEqual([]);
  });
});

describe('the bot registration module', () => {
  const args = objectEntries(block(block(main, /module azureBotRegistration /), /params:/));

  it('is called with exactly the parameters it declares, all required ones given', () => {
    const declared = parameters(bot);
    expect(Object.keys(args).filter((name) => !declared.some((parameter) => parameter.name === name))).toEqual([]);
    expect(
      declared.filter((parameter) => parameter.defaultValue === undefined && !(parameter.name in args)).map((parameter) => parameter.name),
    ).toEqual([]);
  });

  it("registers a single-tenant bot signed in as the App Service's managed identity, with Teams on", () => {
    const properties = objectEntries(block(block(bot, /resource botService /), /properties:/));
    expect(properties).toMatchObject({
      msaAppType: "'UserAssignedMSI'",
      msaAppId: 'identityClientId',
      msaAppMSIResourceId: 'identityResourceId',
      msaAppTenantId: 'identityTenantId',
      endpoint: "'https://${botAppDomain}/api/messages'",
    });
    expect(args).toMatchObject({
      identityClientId: 'identity.properties.clientId',
      identityResourceId: 'identity.id',
      botAppDomain: 'webApp.properties.defaultHostName',
    });
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
  });
});

describe('App Service', () => {
  it('runs Node 22 LTS on Linux, HTTPS only, with a user-assigned identity', () => {
    expect(parameters(main).find((parameter) => parameter.name === 'linuxFxVersion')!.defaultValue).toBe("'NODE|22-lts'");
    const site = block(main, /resource webApp /);
    expect(site).toMatch(/type: 'UserAssigned'/);
    expect(site).toMatch(/httpsOnly: true/);
    expect(site).toMatch(/healthCheckPath: '\/healthz'/);
    expect(main).toMatch(/resource insights 'Microsoft\.Insights\/components@/);
  });

  it('starts the server with the Node options the bench measures it with, as npm start does', () => {
    const server = `node ${SERVER_NODE_OPTIONS.join(' ')} dist/bot/src/main.js`;
    expect(block(main, /resource webApp /)).toContain(`appCommandLine: '${server}'`);
    const scripts = (JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`npm run build && ${server}`);
    expect(scripts['start:local']).toBe(`npm run build && ${server.replace(' dist/', ' --env-file=.localConfigs dist/')}`);
    // What the options do: V8's young generation capped at 4 MiB a semi-space.
    expect(SERVER_NODE_OPTIONS).toEqual(['--max-semi-space-size=4']);
  });

  it('deploys the Node version package.json allows, which also allows the Node 20 the tests run on here', () => {
    const engines = (JSON.parse(text('package.json')) as { engines: { node: string } }).engines.node;
    // The one form used: ">=20.19 <23". A build that picks the highest version allowed gets 22, the runtime's.
    const [, minMajor, minMinor, below] = /^>=(\d+)\.(\d+) <(\d+)$/.exec(engines)!.map(Number) as [unknown, number, number, number];
    const allows = (version: string) => {
      const [major, minor] = version.split('.').map(Number) as [number, number];
      return (major > minMajor || (major === minMajor && minor >= minMinor)) && major < below;
    };
    const runtime = /'NODE\|(\d+)-lts'/.exec(parameters(main).find((parameter) => parameter.name === 'linuxFxVersion')!.defaultValue!)![1]!;
    expect({
      runtime: allows(`${runtime}.0`),
      highestAllowed: below - 1,
      here: allows(process.versions.node),
      node24: allows('24.0'),
    }).toEqual({ runtime: true, highestAllowed: Number(runtime), here: true, node24: false });
  });

  it("sets only variables the server reads, besides App Service's own", () => {
    const known = new Set([...variablesTheServerReads(), ...PLATFORM_SETTINGS]);
    expect(Object.keys(settings).filter((name) => !known.has(name))).toEqual([]);
    for (const role of ROLES) expect(settings).toHaveProperty(roleGroupVariable(role));
  });

  it("signs in to Graph with the App Service's managed identity, and sets no secret at all", () => {
    expect(settings).toMatchObject({
      GRAPH_CREDENTIAL: "'managedIdentity'",
      GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'identity.properties.clientId',
    });
    expect(Object.keys(settings).filter((name) => /SECRET|PASSWORD/.test(name))).toEqual([]);
    expect(main).not.toMatch(/Microsoft\.KeyVault/);
  });

  it('starts the server as a registered bot on SharePoint with SSO and roles from Entra groups', () => {
    // App Service sets these two for an app with a managed identity (https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference).
    const env = {
      PORT: '8080',
      IDENTITY_ENDPOINT: 'http://169.254.129.5:8081/msi/token',
      IDENTITY_HEADER: 'rotated-by-app-service',
      ...evaluateSettings(),
    };
    const config = loadConfig(env, ROOT);
    expect(config).toMatchObject({
      mode: 'teams',
      host: '0.0.0.0',
      port: 8080,
      bot: { appId: 'msi-client-id', appType: 'UserAssignedMSI', tenantId: 'school-tenant-id' },
      store: {
        kind: 'sharepoint',
        sites: { working: 'riverside.sharepoint.com,site-guid,web-guid', records: 'riverside.sharepoint.com,records-guid,web-guid' },
        clientId: SAMPLE.AAD_APP_CLIENT_ID,
        credential: { kind: 'managedIdentity', managedIdentityClientId: 'msi-client-id' },
      },
      directory: { kind: 'entra' },
      sso: {
        clientId: SAMPLE.AAD_APP_CLIENT_ID,
        applicationIdUri: `api://osdeskk3x9q2.azurewebsites.net/${SAMPLE.AAD_APP_CLIENT_ID}`,
        onBehalfOf: { credential: { kind: 'managedIdentity' } },
      },
      dataDir: resolve('/home/data'),
      // The lists are made by the app's own identity before it serves: no secret on anyone's computer.
      provisionAtStart: true,
    });
  });
});

describe('outputs', () => {
  it('include every Azure value the app manifest and teamsapp.yml read', () => {
    const outputs = bicepOutputs(main);
    expect(outputs).toEqual(
      expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'TAB_DOMAIN', 'TAB_ENDPOINT']),
    );
    // The federated credential's subject is the identity's object (principal) id.
    expect(main).toMatch(/output AZURE_IDENTITY_PRINCIPAL_ID string = identity\.properties\.principalId/);
  });
});

const SAMPLE: Record<string, string> = {
  RESOURCE_SUFFIX: 'k3x9q2',
  SCHOOL_NAME: 'Riverside Primary School',
  STORE: 'sharepoint',
  SHAREPOINT_SITE_ID: 'riverside.sharepoint.com,site-guid,web-guid',
  SHAREPOINT_RECORDS_SITE_ID: 'riverside.sharepoint.com,records-guid,web-guid',
  AAD_APP_CLIENT_ID: '8b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e',
  AAD_APP_TENANT_ID: 'school-tenant-id',
  AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  ...Object.fromEntries(ROLES.map((role) => [roleGroupVariable(role), `${role}-group-id`])),
};

/** What App Service would hand the server: each setting's Bicep expression, worked out for a sample school. */
function evaluateSettings(): Record<string, string> {
  const parameterValues: Record<string, string> = {};
  for (const parameter of parameters(main))
    if (parameter.defaultValue?.startsWith("'")) parameterValues[parameter.name] = parameter.defaultValue.slice(1, -1);
  const filled = JSON.parse(resolvePlaceholders(JSON.stringify(parameterFile), SAMPLE).text) as typeof parameterFile;
  for (const [name, { value }] of Object.entries(filled.parameters)) parameterValues[name] = String(value);
  const references: Record<string, string> = {
    'identity.properties.clientId': 'msi-client-id',
    'identity.properties.tenantId': 'school-tenant-id',
    'webApp.properties.defaultHostName': `osdesk${SAMPLE.RESOURCE_SUFFIX}.azurewebsites.net`,
    'insights.properties.ConnectionString': 'InstrumentationKey=…',
  };
  const evaluate = (expression: string): string => {
    const ternary = /^empty\((\w+)\) \? '' : (.+)$/.exec(expression);
    if (ternary) return parameterValues[ternary[1]!] ? evaluate(ternary[2]!) : '';
    if (expression.startsWith("'")) return expression.slice(1, -1).replace(/\$\{([^}]+)\}/g, (_, inner: string) => evaluate(inner));
    const value = parameterValues[expression] ?? references[expression];
    if (value === undefined) throw new Error(`Add a sample value for "${expression}" to this test`);
    return value;
  };
  return Object.fromEntries(Object.entries(settings).map(([name, expression]) => [name, evaluate(expression)]));
}
