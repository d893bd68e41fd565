import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { readFileSync } from 'node:fs';

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: { privateKeyPath: string; thumbprintSha256: string };
}

/**
 * App-only tokens for Microsoft Graph (client credentials). msal-node caches the token in memory
 * and renews it before it expires, so one instance serves the whole process. Tokens are never logged.
 */
export function appTokenProvider(credentials: AppCredentials): () => Promise<string> {
  const auth: Configuration['auth'] = {
    clientId: credentials.clientId,
    authority: `https://login.microsoftonline.com/${credentials.tenantId}`,
    ...(credentials.certificate
      ? { clientCertificate: { thumbprintSha256: credentials.certificate.thumbprintSha256, privateKey: readFileSync(credentials.certificate.privateKeyPath, 'utf8') } }
      : { clientSecret: credentials.clientSecret ?? '' }),
  };
  const app = new ConfidentialClientApplication({ auth });
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!result?.accessToken) throw new Error('Microsoft Entra ID gave no token for Microsoft Graph.');
    return result.accessToken;
  };
}
