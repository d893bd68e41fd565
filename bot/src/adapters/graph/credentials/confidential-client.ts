import { ConfidentialClientApplication, type INetworkModule, type NodeAuthOptions } from '@azure/msal-node';
import { readFileSync } from 'node:fs';
import type { GraphCredential } from '../../../config';
import { managedIdentityAssertion } from './managed-identity-assertion';

export interface ConfidentialClientSettings {
  clientId: string;
  tenantId: string;
  credential: GraphCredential;
  /** `https://login.microsoftonline.com` (tests: a stand-in answered through `networkClient`). */
  loginBaseUrl?: string;
  /** Tests answer msal-node's calls to Entra ID with a stand-in. */
  networkClient?: INetworkModule;
  /** When the managed identity's token is renewed (tests move time on). */
  now?: () => number;
}

/**
 * The app registration as msal-node sees it, whatever proves it: a managed identity's token as the
 * client assertion (msal-node's `auth.clientAssertion` takes a callback, asked before every token
 * request), a certificate, or a secret. The tenant's endpoints are well known, so there are no
 * discovery round trips before the first token.
 */
export function confidentialClient(settings: ConfidentialClientSettings): ConfidentialClientApplication {
  const loginBaseUrl = settings.loginBaseUrl ?? 'https://login.microsoftonline.com';
  const authority = `${loginBaseUrl}/${settings.tenantId}`;
  const host = new URL(loginBaseUrl).host;
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      authority,
      ...proof(settings.credential, settings.now),
      knownAuthorities: [host],
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }),
      authorityMetadata: JSON.stringify({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        issuer: `https://login.microsoftonline.com/${settings.tenantId}/v2.0`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      }),
    },
    ...(settings.networkClient ? { system: { networkClient: settings.networkClient } } : {}),
  });
}

function proof(
  credential: GraphCredential,
  now?: () => number,
): Pick<NodeAuthOptions, 'clientAssertion' | 'clientCertificate' | 'clientSecret'> {
  switch (credential.kind) {
    case 'managedIdentity': {
      const assertion = managedIdentityAssertion(credential, now);
      return { clientAssertion: () => assertion() };
    }
    case 'certificate':
      return {
        clientCertificate: {
          thumbprintSha256: credential.thumbprintSha256,
          privateKey: privateKeyOf(readFileSync(credential.privateKeyPath, 'utf8')),
        },
      };
    case 'secret':
      return { clientSecret: credential.clientSecret };
  }
}

/** The file may hold the certificate too (so that its expiry can be read): msal-node wants the key alone. */
function privateKeyOf(pem: string): string {
  const key = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+?-----END (RSA )?PRIVATE KEY-----/.exec(pem);
  if (!key) throw new Error('GRAPH_CERTIFICATE_PATH holds no unencrypted private key (-----BEGIN PRIVATE KEY-----).');
  return key[0];
}
