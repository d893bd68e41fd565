/**
 * What this app's manifest must be beyond the schema: tabs served from the app's own host under
 * /tab/, domains without wildcards, SSO pointing at that same host, one bot behind everything.
 */
interface Manifest {
  validDomains?: string[];
  staticTabs?: { entityId: string; contentUrl?: string; websiteUrl?: string }[];
  webApplicationInfo?: { id?: string; resource?: string };
  bots?: { botId?: string }[];
  composeExtensions?: { botId?: string }[];
}

export function appRuleProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const domains = manifest.validDomains ?? [];
  for (const domain of domains) {
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain) || !domain.includes('.'))
      problems.push(`validDomains must be plain host names (no wildcard, scheme or path); "${domain}" is not.`);
  }
  for (const tab of manifest.staticTabs ?? []) {
    for (const url of [tab.contentUrl, tab.websiteUrl].filter((value): value is string => value !== undefined)) {
      const parsed = safeUrl(url);
      if (!parsed || parsed.protocol !== 'https:' || !domains.includes(parsed.host) || !parsed.pathname.startsWith('/tab/')) {
        problems.push(`The "${tab.entityId}" tab must load from https://<one of validDomains>/tab/; it points at "${url}".`);
      }
    }
  }
  const sso = manifest.webApplicationInfo;
  if (!sso?.id || !sso.resource) problems.push('webApplicationInfo (id and resource) is needed for Teams single sign-on.');
  else if (!domains.some((domain) => sso.resource === `api://${domain}/${sso.id}`)) {
    problems.push(
      `webApplicationInfo.resource must be api://<tab domain>/<client id> (the Entra app's Application ID URI); it is "${sso.resource}".`,
    );
  }
  const botIds = new Set([...(manifest.bots ?? []), ...(manifest.composeExtensions ?? [])].map((entry) => entry.botId));
  if (botIds.size > 1) problems.push('The bot and the message extension must use the same bot id.');
  return problems;
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
