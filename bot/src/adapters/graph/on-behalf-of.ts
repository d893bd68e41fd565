import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { ConsentRequiredError, type ActingAsUser } from '../../ports/acting-as-user.port';

export interface OnBehalfOfSettings {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  loginBaseUrl: string;
  graphBaseUrl: string;
}

/** The one delegated Graph permission the app asks for: basic profiles, to check a school mailbox. */
export const USER_SCOPES = ['https://graph.microsoft.com/User.ReadBasic.All'] as const;

/**
 * Graph as the signed-in person: their Teams SSO token is exchanged for a Graph token with the
 * on-behalf-of flow (msal-node caches it per user). Missing consent becomes ConsentRequiredError,
 * so the tab can ask for it. Tokens are never logged.
 */
export function onBehalfOf(settings: OnBehalfOfSettings, networkClient?: INetworkModule): (userToken: string) => ActingAsUser {
  const authority = `${settings.loginBaseUrl}/${settings.tenantId}`;
  const host = new URL(settings.loginBaseUrl).host;
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority,
      // The tenant's endpoints are well known: no discovery round trips before the first token.
      knownAuthorities: [host],
      cloudDiscoveryMetadata: JSON.stringify({ tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }] }),
      authorityMetadata: JSON.stringify({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        issuer: `https://login.microsoftonline.com/${settings.tenantId}/v2.0`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      }),
    },
    ...(networkClient ? { system: { networkClient } } : {}),
  });

  return (userToken) => {
    const graphToken = async (): Promise<string> => {
      try {
        const result = await client.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [...USER_SCOPES] });
        if (!result?.accessToken) throw new Error('Microsoft Entra ID gave no token.');
        return result.accessToken;
      } catch (error) {
        if (needsConsent(error)) throw new ConsentRequiredError(USER_SCOPES);
        throw error;
      }
    };
    return {
      async mailboxExists(email) {
        const token = await graphToken();
        const response = await fetch(`${settings.graphBaseUrl}/v1.0/users/${encodeURIComponent(email)}?$select=id`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(5_000),
        });
        if (response.status === 404) return false;
        if (!response.ok) throw new Error(`Microsoft Graph answered ${response.status} when looking up a mailbox.`);
        return true;
      },
    };
  };
}

/**
 * AADSTS65001 (no consent) arrives as invalid_grant, with suberror consent_required; msal-node may
 * also raise it as an interaction-required error.
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-troubleshooting
 */
function needsConsent(error: unknown): boolean {
  const { errorCode, subError, errorMessage } = (error ?? {}) as { errorCode?: string; subError?: string; errorMessage?: string };
  return errorCode === 'consent_required' || errorCode === 'interaction_required' || subError === 'consent_required' || /AADSTS65001/.test(errorMessage ?? '');
}
