import type { ApiFailure } from '../../bot/src/contracts/me';
import { headersFor, takeEarly, type Credentials } from './early';

export type { Me } from '../../bot/src/contracts/me';
export type { AccessRequestSummary, AccessRequestPage } from '../../bot/src/contracts/access-requests';
export type { ClassConsent, ConsentEvent, ConsentState } from '../../bot/src/contracts/consent';

/**
 * The tab's one way to the API: every call goes through `call`, which adds who the person is and
 * turns a refusal or failure into an `ApiError` with one sentence for the person, the same way on
 * every page.
 */

/** How the tab proves who it is (defined in early.ts, which asks for the first data before this module has loaded). */
export type { Credentials };

/**
 * A refusal or failure from the API: its HTTP status (0: the app could not be reached), a sentence for the person, and the answer's body.
 */
export class ApiError<Body extends object = Record<string, unknown>> extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Partial<Body> = {},
  ) {
    super(message);
  }
}

const UNREACHABLE = 'The app could not be reached. Check your connection and try again; nothing was changed.';

/** What the person is told when the server gives no sentence of its own. */
function failureMessage(status: number, body: ApiFailure): string {
  const said = body.error ?? body.message;
  if (said) return said;
  if (status === 401) return 'Your sign-in has ended. Close and reopen the tab to sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 409) return 'Someone else changed this meanwhile. Reload to see it as it is now, then try again.';
  if (status >= 500) return 'Sorry, something went wrong on our side. Please try again; if it keeps happening, tell your school office.';
  return `The server answered ${status}.`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Outgoing {
  method?: Method;
  /** An object is sent as JSON; a Blob (a file) as its bytes. */
  body?: object | Blob;
  headers?: Record<string, string>;
}

/** Sends one request with the person's credentials; a network failure is an `ApiError` with status 0. */
async function send(path: string, credentials: Credentials, { method = 'GET', body, headers = {} }: Outgoing = {}): Promise<Response> {
  if (method === 'GET' && Object.keys(headers).length === 0) {
    // An early answer that failed (no connection, or no Teams sign-in yet) is asked again here, so
    // that the page says what went wrong.
    const early = await takeEarly(path, credentials).catch(() => undefined);
    if (early) return early;
  }
  const isFile = body instanceof Blob;
  const contentType: Record<string, string> =
    body === undefined ? {} : { 'content-type': isFile ? 'application/octet-stream' : 'application/json' };
  const init: RequestInit = { method, headers: { ...(await headersFor(credentials)), ...contentType, ...headers } };
  if (body !== undefined) init.body = isFile ? body : JSON.stringify(body);
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(UNREACHABLE, 0);
  }
}

async function bodyOf<T extends object>(response: Response): Promise<Partial<T> & ApiFailure> {
  return (await response.json().catch(() => ({}))) as Partial<T> & ApiFailure;
}

/** A successful answer, or an `ApiError` carrying the refusal's body (a 409 carries the record as it is now). */
async function call(path: string, credentials: Credentials, outgoing?: Outgoing): Promise<Response> {
  const response = await send(path, credentials, outgoing);
  if (!response.ok) {
    const body = await bodyOf(response);
    throw new ApiError(failureMessage(response.status, body), response.status, body);
  }
  return response;
}

export async function getJson<T>(path: string, credentials: Credentials): Promise<T> {
  return (await (await call(path, credentials)).json()) as T;
}

export async function postJson<T>(path: string, credentials: Credentials, body: object): Promise<T> {
  return (await (await call(path, credentials, { method: 'POST', body })).json()) as T;
}

/**
 * Sends JSON (or a file) and hands back the answer whatever its status, for forms that show field
 * errors; `body.error` always holds the sentence for a refusal.
 */
export async function sendJson<T extends object>(
  method: Exclude<Method, 'GET'>,
  path: string,
  credentials: Credentials,
  body: object | Blob,
  headers?: Record<string, string>,
): Promise<{ ok: boolean; status: number; body: T & ApiFailure }> {
  const response = await send(path, credentials, { method, headers: headers ?? {}, ...(method === 'DELETE' ? {} : { body }) });
  const answer = (await bodyOf<T>(response)) as T & ApiFailure;
  return {
    ok: response.ok,
    status: response.status,
    body: response.ok ? answer : { ...answer, error: failureMessage(response.status, answer) },
  };
}

/** A file's bytes (evidence, a photo) as a Blob, fetched with the person's credentials. */
export async function getBlob(path: string, credentials: Credentials): Promise<Blob> {
  return (await call(path, credentials)).blob();
}

/** A file's bytes (a photo, a video) as a blob URL for an <img> or <video>; the caller revokes it. */
export async function blobUrl(path: string, credentials: Credentials): Promise<string> {
  return URL.createObjectURL(await (await call(path, credentials)).blob());
}

/**
 * Downloads a file (CSV, PDF, a photo) with the person's credentials — a plain link would not carry
 * them — and saves it under the server's file name. Answers the name saved.
 */
export async function download(path: string, credentials: Credentials, fallbackName: string): Promise<string> {
  const response = await call(path, credentials);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on a later tick: the browser starts the download from the URL first.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
