import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { Request } from 'restify';
import type { Clock } from '../../ports/clock.port';
import type { Directory } from '../../ports/directory.port';
import type { SsoSettings } from '../../config';
import type { ApiIdentity } from './api-identity';
import { TenantSigningKeys } from './tenant-signing-keys';

/** Small allowance for clocks that disagree a little. */
const CLOCK_TOLERANCE_S = 60;

/**
 * The Microsoft 365 clients that may ask Entra ID for a token to this API: the ones pre-authorised
 * in the app registration (aad.manifest.json), as Microsoft lists them for tab SSO (msteams-docs
 * `tab-sso-register-aad`). A token any other client obtained (its `azp`) is refused.
 */
export const MICROSOFT_365_CLIENTS: Readonly<Record<string, string>> = {
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Teams desktop and mobile',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346': 'Teams on the web',
  '4345a7b9-9a63-4910-a426-35363201d503': 'Microsoft 365 on the web (Office.com)',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'Microsoft 365 on the web (Office.com)',
  '0ec893e0-5785-4de6-99da-4ed124e5296c': 'Microsoft 365 desktop app',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Outlook desktop',
  '00000002-0000-0ff1-ce00-000000000000': 'Outlook on the web',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3': 'Outlook on the web',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook mobile',
};

/**
 * Teams SSO for the tabs' API: the Entra ID v2 access token from `authentication.getAuthToken()`
 * is verified on every request — signature against the tenant's published keys, RS256 only,
 * issuer, audience, tenant, scope, the client it was issued to, issued-at, expiry — and the person
 * is then looked up in the directory by their object id. Tokens are never logged.
 */
export function entraSsoIdentity(settings: SsoSettings, directory: Directory, clock: Clock): ApiIdentity {
  const keySets = new Map<string, TenantSigningKeys>();
  const keysOf = (tenantId: string) => {
    let keys = keySets.get(tenantId);
    if (!keys) {
      keys = new TenantSigningKeys(`${settings.loginBaseUrl}/${tenantId}/discovery/v2.0/keys`, clock);
      keySets.set(tenantId, keys);
    }
    return keys;
  };
  const audiences = [settings.clientId, ...(settings.applicationIdUri ? [settings.applicationIdUri] : [])];

  return async (req: Request) => {
    const token = bearerToken(req);
    if (!token) return { refused: 401 };
    const now = clock.now();
    let payload: JWTPayload;
    try {
      // The tenant picks which keys to check against; it is trusted only once the issuer matches it.
      const tenantId = String(decodeJwt(token).tid ?? '');
      if (!settings.allowedTenants.includes(tenantId)) return { refused: 401 };
      const keys = keysOf(tenantId);
      ({ payload } = await jwtVerify(token, (header) => keys.keyFor(header), {
        algorithms: ['RS256'],
        issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
        audience: audiences,
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: now,
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      }));
    } catch {
      return { refused: 401 };
    }
    const scopes = String(payload.scp ?? '').split(' ');
    const client = String(payload.azp ?? '');
    const issuedInTheFuture = (payload.iat ?? 0) > now.getTime() / 1000 + CLOCK_TOLERANCE_S;
    if (
      !scopes.includes('access_as_user') ||
      typeof payload.oid !== 'string' ||
      !Object.prototype.hasOwnProperty.call(MICROSOFT_365_CLIENTS, client) ||
      issuedInTheFuture
    )
      return { refused: 401 };
    const person = await directory.byAadObjectId(payload.oid);
    return person ? { person, userToken: token } : { refused: 403 };
  };
}

function bearerToken(req: Request): string | undefined {
  const header = req.header('authorization');
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header) : null;
  return match?.[1];
}
