import type { Request } from 'restify';
import type { Person } from '../../domain/people/person';
import { PLAYGROUND_DEFAULT_AAD_ID } from '../../app/demo-school';
import type { Directory } from '../../ports/directory.port';

/** Who is calling the tabs' API, or undefined (→ 401). */
export type ApiIdentity = (req: Request) => Promise<Person | undefined>;

/**
 * Local mode only (the server listens on this machine alone): the tab picks a demo persona and
 * sends its id. Teams SSO replaces this outside local mode.
 */
export function localPersonaIdentity(directory: Directory): ApiIdentity {
  return async (req) => {
    const chosen = req.header('x-demo-person');
    if (typeof chosen === 'string' && /^\d{1,12}$/.test(chosen)) return directory.byId(chosen);
    return directory.byAadObjectId(PLAYGROUND_DEFAULT_AAD_ID);
  };
}

/** Until Teams SSO is in place, nothing outside local mode may read the API. */
export const refuseEveryone: ApiIdentity = async () => undefined;
