import type { CredentialFacts } from '../../../app/readiness/reach-checks';
import type { GraphCredential } from '../../../config';
import { certificateExpiry } from './certificate-expiry';

/** What the go-live checklist's credential item reads: the kind, its end where one is known, and a token to prove it works. */
export function credentialFacts(credential: GraphCredential, probe: () => Promise<unknown>, now: Date): CredentialFacts {
  const expiresOn =
    credential.kind === 'certificate'
      ? certificateExpiry(credential.privateKeyPath)
      : credential.kind === 'secret' && credential.expiresOn
        ? new Date(`${credential.expiresOn}T00:00:00Z`)
        : undefined;
  return { kind: credential.kind, probe, now, ...(expiresOn ? { expiresOn } : {}) };
}
