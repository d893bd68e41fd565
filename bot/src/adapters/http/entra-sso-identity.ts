import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { Request } from 'restify';
import type { Directory } from '../../ports/directory.port';
import type { SsoSettings } from '../../config';
import type { ApiIdentity } from './api-identity';

/** Small allowance for clocks that disagree a little. */
const CLOCK_TOLERANCE_S = 60;

/**
 * Teams SSO for the tabs' API: the Entra ID v2 access token from `authentication.getAuthToken()`
 * is verified on every request — signature against the tenant's published keys (jose caches them
 * and fetches again for an unknown key id), RS256 only, issuer, audience, tenant, scope, expiry —
 * and the person is then looked up in the directory by their object id. Tokens are never logged.
 */
export function entraSsoIdentity(settings: SsoSettings, directory: Directory): ApiIdentity {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysOf = (tenantId: string) => {
    let keys = keySets.get(tenantId);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${settings.loginBaseUrl}/${tenantId}/discovery/v2.0/keys`));
      keySets.set(tenantId, keys);
    }
    return keys;
  };
  const audiences = [settings.clientId, ...(settings.applicationIdUri ? [settings.applicationIdUri] : [])];

  return async (req: Request) => {
    const token = bearerToken(req);
    if (!token) return { refused: 401 };
    let payload: JWTPayload;
    try {
      // The tenant picks which keys to check against; it is trusted only once the issuer matches it.
      const tenantId = String(decodeJwt(token).tid ?? '');
      if (!settings.allowedTenants.includes(tenantId)) return { refused: 401 };
      ({ payload } = await jwtVerify(token, keysOf(tenantId), {
        algorithms: ['RS256'],
        issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
        audience: audiences,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch {
      return { refused: 401 };
    }
    const scopes = String(payload.scp ?? '').split(' ');
    if (!scopes.includes('access_as_user') || typeof payload.oid !== 'string') return { refused: 401 };
    const person = await directory.byAadObjectId(payload.oid);
    return person ? { person, userToken: token } : { refused: 403 };
  };
}

function bearerToken(req: Request): string | undefined {
  const header = req.header('authorization');
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header) : null;
  return match?.[1];
}
