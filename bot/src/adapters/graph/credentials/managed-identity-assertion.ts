/**
 * The App Service managed identity's token for Entra ID's token exchange, used as the app
 * registration's client assertion (workload identity federation): no secret is stored anywhere.
 *
 * The request is the one App Service documents ("REST endpoint reference",
 * https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference):
 * `GET {IDENTITY_ENDPOINT}?resource=…&api-version=2019-08-01&client_id=…` with the header
 * `X-IDENTITY-HEADER: {IDENTITY_HEADER}`; the answer's `expires_on` is in seconds since 1970.
 * The resource is `api://AzureADTokenExchange`, the audience the federated identity credential
 * trusts in Entra ID's global cloud ("Configure an application to trust a managed identity",
 * https://learn.microsoft.com/entra/workload-id/workload-identity-federation-config-app-trust-managed-identity).
 */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface ManagedIdentityEndpoint {
  /** IDENTITY_ENDPOINT, set by App Service. */
  identityEndpoint: string;
  /** IDENTITY_HEADER, set by App Service: proves the request comes from inside the app. */
  identityHeader: string;
  /** The user-assigned identity's client id (an app may have several identities). */
  managedIdentityClientId: string;
}

/** A token is fetched again this long before it expires, so one never goes out stale. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * msal-node asks for the assertion before every token request (even one it then answers from its
 * cache), so the managed identity's token is kept until shortly before it expires. Concurrent
 * requests share one fetch. Tokens are never logged.
 */
export function managedIdentityAssertion(endpoint: ManagedIdentityEndpoint, now: () => number = Date.now): () => Promise<string> {
  let held: { token: string; renewAt: number } | undefined;
  let fetching: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const url = new URL(endpoint.identityEndpoint);
    url.searchParams.set('resource', TOKEN_EXCHANGE_AUDIENCE);
    url.searchParams.set('api-version', '2019-08-01');
    url.searchParams.set('client_id', endpoint.managedIdentityClientId);
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'X-IDENTITY-HEADER': endpoint.identityHeader }, signal: AbortSignal.timeout(5_000) });
    } catch (error) {
      throw new Error('The App Service managed identity endpoint could not be reached.', { cause: error });
    }
    if (!response.ok)
      throw new Error(
        `The App Service managed identity endpoint answered ${response.status}: check that the user-assigned identity ${endpoint.managedIdentityClientId} is assigned to the App Service.`,
      );
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_on?: unknown };
    const expiresOn = Number(body.expires_on);
    if (typeof body.access_token !== 'string' || !Number.isFinite(expiresOn))
      throw new Error('The App Service managed identity endpoint gave no token.');
    held = { token: body.access_token, renewAt: expiresOn * 1000 - RENEW_BEFORE_MS };
    return body.access_token;
  };
  return async () => {
    if (held && now() < held.renewAt) return held.token;
    fetching ??= fetchToken().finally(() => (fetching = undefined));
    return fetching;
  };
}
