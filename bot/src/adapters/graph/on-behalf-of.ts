import type { INetworkModule } from '@azure/msal-node';
import type { GraphCredential } from '../../config';
import { ConsentRequiredError, SignInAgainError, type ActingAsUser } from '../../ports/acting-as-user.port';
import { confidentialClient } from './credentials/confidential-client';

export interface OnBehalfOfSettings {
  clientId: string;
  credential: GraphCredential;
  tenantId: string;
  loginBaseUrl: string;
  graphBaseUrl: string;
}

/** The one delegated Graph permission the app asks for: basic profiles, to check a school mailbox. */
export const USER_SCOPES = ['https://graph.microsoft.com/User.ReadBasic.All'] as const;

/**
 * Graph as the signed-in person: their Teams SSO token is exchanged for a Graph token with the
 * on-behalf-of flow (msal-node caches it per user). The app proves itself as it does for its own
 * Graph calls; with the managed identity, msal-node sends the identity's token as the client
 * assertion here too (its OBO request carries `client_assertion` like the client-credentials one).
 * Missing consent becomes ConsentRequiredError and a sign-in policy's challenge SignInAgainError,
 * so the tab can ask for the right thing. Tokens are never logged.
 */
export function onBehalfOf(
  settings: OnBehalfOfSettings,
  networkClient?: INetworkModule,
  now?: () => number,
): (userToken: string) => ActingAsUser {
  const client = confidentialClient({
    clientId: settings.clientId,
    tenantId: settings.tenantId,
    credential: settings.credential,
    loginBaseUrl: settings.loginBaseUrl,
    ...(networkClient ? { networkClient } : {}),
    ...(now ? { now } : {}),
  });

  return (userToken) => {
    const graphToken = async (): Promise<string> => {
      try {
        const result = await client.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [...USER_SCOPES] });
        if (!result?.accessToken) throw new Error('Microsoft Entra ID gave no token.');
        return result.accessToken;
      } catch (error) {
        throw asPersonsProblem(error);
      }
    };
    return {
      async mailboxExists(email) {
        const token = await graphToken();
        const found = await findMailbox(settings.graphBaseUrl, token, email, ALIAS_FILTERS);
        // Reading aliases needs more than the basic profile in some tenants: then the address is
        // looked for where the basic profile has it (mail, sign-in name).
        return found === 'refused'
          ? (await findMailbox(settings.graphBaseUrl, token, email, BASIC_FILTERS)) === 'found'
          : found === 'found';
      },
    };
  };
}

type Filter = (address: string) => string;

/**
 * Where a school address can be: the primary address (`mail`), the sign-in name, an alias among
 * `proxyAddresses` (`SMTP:` marks the primary, `smtp:` the others; both are asked for in case the
 * directory compares the prefix by case) and `otherMails`. Graph's user properties: `mail`,
 * `userPrincipalName`, `proxyAddresses` and `otherMails` support `$filter` with `eq` (`any` for the
 * collections) — https://learn.microsoft.com/graph/api/resources/user#properties. Several `any`
 * lambdas joined by `or` are sent as an advanced query (`ConsistencyLevel: eventual`, `$count`),
 * https://learn.microsoft.com/graph/aad-advanced-queries.
 */
const BASIC_FILTERS: Filter[] = [(a) => `mail eq '${a}'`, (a) => `userPrincipalName eq '${a}'`];
const ALIAS_FILTERS: Filter[] = [
  ...BASIC_FILTERS,
  (a) => `proxyAddresses/any(p:p eq 'smtp:${a}')`,
  (a) => `proxyAddresses/any(p:p eq 'SMTP:${a}')`,
  (a) => `otherMails/any(m:m eq '${a}')`,
];

async function findMailbox(graphBaseUrl: string, token: string, email: string, filters: Filter[]): Promise<'found' | 'none' | 'refused'> {
  const address = email.trim().replace(/'/g, "''");
  // Spaces as %20: OData may read a `+` as a plus sign.
  const query = Object.entries({ $filter: filters.map((filter) => filter(address)).join(' or '), $select: 'id', $count: 'true', $top: '1' })
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  const response = await fetch(`${graphBaseUrl}/v1.0/users?${query}`, {
    headers: { authorization: `Bearer ${token}`, ConsistencyLevel: 'eventual' },
    signal: AbortSignal.timeout(5_000),
  });
  if (response.status === 403) return 'refused';
  if (!response.ok) throw new Error(`Microsoft Graph answered ${response.status} when looking up a mailbox.`);
  const page = (await response.json()) as { value?: unknown[] };
  return (page.value ?? []).length > 0 ? 'found' : 'none';
}

/**
 * AADSTS65001 (no consent) arrives as invalid_grant with suberror consent_required, or as an
 * interaction-required error (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-troubleshooting).
 * Conditional Access and multifactor authentication answer `interaction_required` (AADSTS50076,
 * AADSTS50079 …) with a `claims` challenge the client must present when it signs in again
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow#error-response-example):
 * asking for consent then would not help, and would not be the truth.
 */
export function asPersonsProblem(error: unknown): unknown {
  const { errorCode, subError, errorMessage, errorNo, claims } = (error ?? {}) as {
    errorCode?: string;
    subError?: string;
    errorMessage?: string;
    errorNo?: string | number;
    claims?: string;
  };
  const message = errorMessage ?? '';
  if (errorCode === 'consent_required' || subError === 'consent_required' || String(errorNo) === '65001' || /AADSTS65001/.test(message))
    return new ConsentRequiredError(USER_SCOPES);
  if (
    errorCode === 'interaction_required' ||
    claims ||
    /AADSTS(50076|50079|50074|50158)\b/.test(message) ||
    ['50076', '50079', '50074', '50158'].includes(String(errorNo))
  ) {
    return new SignInAgainError(claims ?? '');
  }
  return error;
}
