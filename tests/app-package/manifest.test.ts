/**
 * The Teams app manifest (appPackage/manifest.json): valid against the Teams schema bundled in
 * @microsoft/app-manifest once its placeholders are filled, and saying what the app really does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRuleProblems } from '../../scripts/app-package/manifest-rules';
import { schemaProblems } from '../../scripts/app-package/manifest-schema';
import { placeholdersIn, resolvePlaceholders } from '../../scripts/app-package/placeholders';
import { SAMPLE_VALUES } from './sample-environment';

const ROOT = join(__dirname, '..', '..');
const TEMPLATE = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  manifestVersion: string;
  $schema: string;
  developer: { name: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  composeExtensions: { botId: string; commands: { id: string; type: string; title: string; context: string[]; fetchTask: boolean }[] }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  description: { short: string; full: string };
}

function resolved(values = SAMPLE_VALUES): Manifest {
  return JSON.parse(resolvePlaceholders(TEMPLATE, values, { json: true }).text) as Manifest;
}

/** What staff can type: the command menu Teams shows in the personal chat. */
const PERSONAL_COMMANDS = [
  'waiting for me',
  'request access',
  'request to post',
  'consent',
  'report a concern',
  'my requests',
  'my training',
  'help',
];

describe('the app manifest', () => {
  it('is on Teams manifest schema 1.29 or later, with $schema set', () => {
    const manifest = resolved();
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.29);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('uses only placeholders that the toolkit writes or the environment files declare', () => {
    const declared = readFileSync(join(ROOT, 'env', '.env.dev'), 'utf8');
    for (const name of placeholdersIn(TEMPLATE)) expect(declared).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(resolvePlaceholders(TEMPLATE, SAMPLE_VALUES).missing).toEqual([]);
  });

  it('is valid against the bundled Teams schema once filled in, and by the app rules', async () => {
    const manifest = resolved();
    expect(await schemaProblems(manifest as unknown as Record<string, unknown>)).toEqual([]);
    expect(appRuleProblems(manifest)).toEqual([]);
  });

  it('fails schema validation when something is wrong, so the check above means something', async () => {
    const tooLong = resolved({ ...SAMPLE_VALUES, SCHOOL_NAME: 'St Bartholomew-the-Great Church of England Primary' });
    expect(await schemaProblems(tooLong as unknown as Record<string, unknown>)).toEqual([
      expect.stringContaining('/developer/name must NOT have more than 32 characters'),
    ]);
    const notAGuid = resolved({ ...SAMPLE_VALUES, BOT_ID: 'not-a-guid' });
    expect((await schemaProblems(notAGuid as unknown as Record<string, unknown>)).join('\n')).toContain('/bots/0/botId');
  });

  it('offers the bot in personal chats, teams and group chats with the commands staff type', () => {
    const [bot] = resolved().bots;
    expect(bot!.scopes).toEqual(['personal', 'team', 'groupChat']);
    const personal = bot!.commandLists.find((list) => list.scopes.includes('personal'))!;
    expect(personal.commands.map((command) => command.title)).toEqual(PERSONAL_COMMANDS);
    for (const command of personal.commands) expect(command.description.length).toBeLessThanOrEqual(128);
  });

  it('keeps requests and concerns out of shared chats: there the menu offers only help', () => {
    const [bot] = resolved().bots;
    const shared = bot!.commandLists.find((list) => list.scopes.includes('team'))!;
    expect(shared.scopes).toEqual(['team', 'groupChat']);
    expect(shared.commands.map((command) => command.title)).toEqual(['help']);
  });

  it('has a personal tab for each view, served by the app itself under /tab/', () => {
    const tabs = resolved().staticTabs.filter((tab) => tab.contentUrl);
    expect(tabs.map((tab) => [tab.name, tab.contentUrl])).toEqual([
      ['Waiting for me', `${SAMPLE_VALUES.TAB_ENDPOINT}/tab/?view=waiting`],
      ['My requests', `${SAMPLE_VALUES.TAB_ENDPOINT}/tab/?view=requests`],
      ['Incidents', `${SAMPLE_VALUES.TAB_ENDPOINT}/tab/?view=incidents`],
      ['Consent', `${SAMPLE_VALUES.TAB_ENDPOINT}/tab/?view=consent`],
      ['Training', `${SAMPLE_VALUES.TAB_ENDPOINT}/tab/?view=training`],
      ['Governance', `${SAMPLE_VALUES.TAB_ENDPOINT}/tab/?view=governance`],
    ]);
    for (const tab of tabs) expect(tab.scopes).toEqual(['personal']);
  });

  it('adds "Report as a concern" to a message\'s menu, answered by the same bot', () => {
    const manifest = resolved();
    const [extension] = manifest.composeExtensions;
    expect(extension!.botId).toBe(manifest.bots[0]!.botId);
    expect(extension!.commands).toEqual([
      expect.objectContaining({ type: 'action', title: 'Report as a concern', context: ['message'], fetchTask: true }),
    ]);
  });

  it("signs staff in to the tabs with Teams SSO on the app's own domain, without wildcards", () => {
    const manifest = resolved();
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE_VALUES.TAB_DOMAIN}/${SAMPLE_VALUES.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual([SAMPLE_VALUES.TAB_DOMAIN]);
  });

  it("describes itself to staff within Teams' limits", () => {
    const { description } = resolved();
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.full).toMatch(/type help/);
  });
});

describe('the app rules', () => {
  const good = () => resolved();

  it('refuse wildcard or tunnel-style domains with a scheme or path', () => {
    expect(appRuleProblems({ ...good(), validDomains: ['*.azurewebsites.net'] }).join('\n')).toContain('no wildcard');
    expect(appRuleProblems({ ...good(), validDomains: ['https://school.example.org/'] }).join('\n')).toContain('no wildcard');
  });

  it("refuse a tab served from anywhere but the app's own /tab/", () => {
    const manifest = good();
    manifest.staticTabs[2]!.contentUrl = 'https://elsewhere.example.com/tab/?view=requests';
    expect(appRuleProblems(manifest)).toEqual([expect.stringContaining('"requests" tab')]);
  });

  it("refuse an SSO resource that is not the tab domain's Application ID URI", () => {
    expect(
      appRuleProblems({
        ...good(),
        webApplicationInfo: { id: SAMPLE_VALUES.AAD_APP_CLIENT_ID, resource: `api://${SAMPLE_VALUES.AAD_APP_CLIENT_ID}` },
      }),
    ).toEqual([expect.stringContaining('webApplicationInfo.resource')]);
  });
});
