import type { Request } from 'restify';
import type { Person } from '../../domain/people/person';
import { PLAYGROUND_DEFAULT_AAD_ID } from '../../app/demo-school';
import type { Directory } from '../../ports/directory.port';

/**
 * Who is calling the tabs' API: a person, or a refusal (401: not signed in; 403: signed in, no role).
 * With Teams SSO the verified token comes too, for Graph calls as that person; it lives only as
 * long as the request.
 */
export type Caller = { person: Person; userToken?: string } | { refused: 401 | 403 };
export type ApiIdentity = (req: Request) => Promise<Caller>;

/**
 * Local mode only (the server listens on this machine alone): the tab picks a demo persona and
 * sends its id (a number in the People list, an object id with Entra ID groups). Teams SSO takes over outside local mode.
 */
export function localPersonaIdentity(directory: Directory): ApiIdentity {
  return async (req) => {
    const chosen = req.header('x-demo-person');
    const person =
      typeof chosen === 'string' && /^[\w-]{1,40}$/.test(chosen)
        ? await directory.byId(chosen)
        : await directory.byAadObjectId(PLAYGROUND_DEFAULT_AAD_ID);
    return person ? { person } : { refused: 403 };
  };
}

/** Outside local mode without SSO settings, nobody may read the API. */
export const refuseEveryone: ApiIdentity = async () => ({ refused: 401 });
