import type { Me } from '../../bot/src/contracts/me';
import { VIEWS, type View } from './views';
import { EARLY_DATA, EARLY_NEXT } from './early-data';

/** Who the tab asks as: inside Teams the SSO token; locally the demo persona picked. */
export interface Credentials {
  token?: () => Promise<string>;
  personaId?: string;
}

/** An answer asked for early (early-data.ts), waiting for its page to take it, once. */
interface Early {
  credentials: Promise<Credentials>;
  /** Nothing when the person may not see the page: it was never asked for. */
  answer: Promise<Response | undefined>;
  askedAt: number;
  /** A successful answer's body once it has come, with the credentials it was asked with (takeEarlyJson). */
  read?: { credentials: Credentials; body: unknown };
}

/**
 * An answer not taken this soon is dropped: it was for the page as it first opened. One left unused
 * (the incident log opened with filters kept from earlier) must not be shown later, when the person
 * clears the filters, as if it were new.
 */
const EARLY_LIFETIME_MS = 10_000;

const waiting = new Map<string, Early>();
/** Settles once a page's next read (EARLY_NEXT) has been asked for, or is known not to be. */
let following: Promise<unknown> = Promise.resolve();
/** Counts forgetEarly's calls: a next read that comes after the person has moved on is not kept. */
let forgotten = 0;

/**
 * Asks for `/api/me` now, with the credentials the tab will use, and then, if it says the person may
 * see the page, for the page's first data: nobody is refused (and audited as refused) for a page the
 * tab would not have opened for them. `opensList` is false when a link opens one record (`&id=`, or
 * in Teams a sub-page): the page shows the record, not the list, so the list is not asked for.
 * Settles once every answer asked for has come and been read, or failed (a page's first render then
 * shows them: takeEarlyJson).
 */
export function askEarly(view: View, credentials: Promise<Credentials>, opensList: Promise<boolean>): Promise<void> {
  const ask = (path: string) => credentials.then(async (given) => fetch(path, { headers: await headersFor(given) }));
  /** Keeps the answer for its page, and reads its body as it comes: resolves to it, or nothing for a refusal or failure. */
  const keep = (path: string, answer: Promise<Response | undefined>): Promise<unknown> => {
    answer.catch(() => undefined); // a failure is the page's to show, when it takes the answer
    const early: Early = { credentials, answer, askedAt: performance.now() };
    waiting.set(path, early);
    return answer
      .then(async (response) => {
        if (!response?.ok) return undefined;
        early.read = { credentials: await credentials, body: await response.clone().json() };
        return early.read.body;
      })
      .catch(() => undefined);
  };
  const me = keep('/api/me', ask('/api/me'));
  const mayOpen = me.then(async (read) => read !== undefined && VIEWS[view]((read as Me).can) && (await opensList)).catch(() => false);
  const paths = EARLY_DATA[view] ?? [];
  const reads = paths.map((path) =>
    keep(
      path,
      mayOpen.then((may) => (may ? ask(path) : undefined)),
    ),
  );
  const next = EARLY_NEXT[view];
  const before = forgotten;
  const nextAsked =
    next && paths.includes(next.after)
      ? reads[paths.indexOf(next.after)]!.then((first) => {
          const path = first === undefined ? undefined : next.path(first);
          // Wrapped, so that "asked" does not wait for the answer as well.
          return path && forgotten === before ? { read: keep(path, ask(path)) } : undefined;
        })
      : Promise.resolve(undefined);
  // A first answer not as expected asks for nothing more: the page reads it, and says what went wrong.
  const nextSettled = nextAsked.catch(() => undefined);
  following = nextSettled;
  const nextRead = nextSettled.then((asked) => asked?.read);
  return Promise.all([me, ...reads, nextRead]).then(() => undefined);
}

/** The answer asked for early to this GET, once, if it was asked with the same credentials. */
export async function takeEarly(path: string, credentials: Credentials): Promise<Response | undefined> {
  // A next read (EARLY_NEXT) is known only once the first answer has come.
  if (!waiting.has(path)) await following;
  const early = waiting.get(path);
  if (!early) return undefined;
  waiting.delete(path);
  if (performance.now() - early.askedAt > EARLY_LIFETIME_MS) return undefined;
  return sameCredentials(await early.credentials, credentials) ? early.answer : undefined;
}

const sameCredentials = (asked: Credentials, taking: Credentials) => asked.token === taking.token && asked.personaId === taking.personaId;

/**
 * The body of the answer asked for early to this GET, if it has already come (a success only) and was
 * asked with the same credentials, once: a page's first render shows it instead of a spinner. Nothing
 * otherwise, and the page reads it as usual.
 */
export function takeEarlyJson<T>(path: string, credentials: Credentials): T | undefined {
  const early = waiting.get(path);
  if (!early?.read || performance.now() - early.askedAt > EARLY_LIFETIME_MS) return undefined;
  if (!sameCredentials(early.read.credentials, credentials)) return undefined;
  waiting.delete(path);
  return early.read.body as T;
}

/** Forgets what was asked for early: once the person moves on, a page reads its data afresh. */
export function forgetEarly(): void {
  forgotten += 1;
  following = Promise.resolve();
  waiting.clear();
}

/** The token goes in a header, never in a URL (where logs and browser history would keep it). */
export async function headersFor(credentials: Credentials): Promise<Record<string, string>> {
  if (credentials.token) return { authorization: `Bearer ${await credentials.token()}` };
  return credentials.personaId ? { 'x-demo-person': credentials.personaId } : {};
}

/** Inside Teams the SSO token; locally the demo persona picked (kept for the browser tab's session). */
export function credentialsFor(host: { token?: () => Promise<string> }, personaId: string | undefined): Credentials {
  return host.token ? { token: host.token } : { personaId };
}
