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
 */
export function askEarly(view: View, credentials: Promise<Credentials>, opensList: Promise<boolean>): void {
  const ask = (path: string) => credentials.then(async (given) => fetch(path, { headers: await headersFor(given) }));
  const keep = (path: string, answer: Promise<Response | undefined>) => {
    answer.catch(() => undefined); // a failure is the page's to show, when it takes the answer
    waiting.set(path, { credentials, answer, askedAt: performance.now() });
  };
  const me = ask('/api/me');
  keep('/api/me', me);
  const mayOpen = me
    .then(async (answer) => answer.ok && VIEWS[view](((await answer.clone().json()) as Me).can) && (await opensList))
    .catch(() => false);
  for (const path of EARLY_DATA[view] ?? [])
    keep(
      path,
      mayOpen.then((may) => (may ? ask(path) : undefined)),
    );
  const next = EARLY_NEXT[view];
  const first = next && waiting.get(next.after);
  const before = forgotten;
  if (next && first)
    following = first.answer
      .then(async (answer) => {
        const path = answer?.ok ? next.path(await answer.clone().json()) : undefined;
        if (path && forgotten === before) keep(path, ask(path));
      })
      .catch(() => undefined);
}

/** The answer asked for early to this GET, once, if it was asked with the same credentials. */
export async function takeEarly(path: string, credentials: Credentials): Promise<Response | undefined> {
  // A next read (EARLY_NEXT) is known only once the first answer has come.
  if (!waiting.has(path)) await following;
  const early = waiting.get(path);
  if (!early) return undefined;
  waiting.delete(path);
  if (performance.now() - early.askedAt > EARLY_LIFETIME_MS) return undefined;
  const asked = await early.credentials;
  return asked.token === credentials.token && asked.personaId === credentials.personaId ? early.answer : undefined;
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
