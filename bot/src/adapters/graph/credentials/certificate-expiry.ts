import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * When the certificate kept with the private key (GRAPH_CERTIFICATE_PATH) stops being valid;
 * undefined when the file holds the key alone, so the expiry cannot be known.
 */
export function certificateExpiry(pemPath: string): Date | undefined {
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(readFileSync(pemPath, 'utf8'));
  return certificate ? new Date(new X509Certificate(certificate[0]).validTo) : undefined;
}
