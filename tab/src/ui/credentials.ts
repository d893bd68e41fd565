import { useMemo, useState } from 'react';
import type { Credentials } from '../api';
import { credentialsFor } from '../early';
import type { Host } from '../teams';

/** Inside Teams the SSO token; locally the demo persona picked (kept for the browser tab's session). */
export function useCredentials(host: Host): { credentials: Credentials; pickPersona(id: string): void } {
  const [personaId, setPersonaId] = useState<string | undefined>(() => sessionStorage.getItem('persona') ?? undefined);
  const credentials = useMemo(() => credentialsFor(host, personaId), [host, personaId]);
  const pickPersona = (id: string) => {
    sessionStorage.setItem('persona', id);
    setPersonaId(id);
  };
  return { credentials, pickPersona };
}
