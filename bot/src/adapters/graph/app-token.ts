import { confidentialClient, type ConfidentialClientSettings } from './credentials/confidential-client';

/**
 * App-only tokens for Microsoft Graph (client credentials). msal-node caches the token in memory
 * and renews it before it expires, so one instance serves the whole process. Tokens are never logged.
 */
export function appTokenProvider(settings: ConfidentialClientSettings): () => Promise<string> {
  const app = confidentialClient(settings);
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!result?.accessToken) throw new Error('Microsoft Entra ID gave no token for Microsoft Graph.');
    return result.accessToken;
  };
}
