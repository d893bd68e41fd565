import { Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { StoreUnavailableError } from '../../ports/collection.port';
import type { Logger } from '../../app/app-deps';
import { AuthLink, RetryLink, UserAgentLink, type RetryPolicy } from './graph-middleware';

export interface GraphSettings {
  /** `https://graph.microsoft.com` in production; a local stand-in in tests. */
  baseUrl: string;
  userAgent: string;
  retry: RetryPolicy;
  token(): Promise<string>;
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph's limit on requests in one JSON batch. */
export const BATCH_LIMIT = 20;
const VERSION = 'v1.0';

/** The one Graph client of the app: every call goes through the same pipeline. */
export class GraphApi {
  private readonly client: Client;
  private readonly origin: string;
  /** Gets the app's token now, as every call does: proves the credential works (the go-live checklist). */
  readonly signIn: () => Promise<string>;

  constructor(settings: GraphSettings, log: Logger) {
    this.origin = new URL(settings.baseUrl).origin;
    this.signIn = settings.token;
    this.client = Client.initWithMiddleware({
      baseUrl: settings.baseUrl,
      defaultVersion: VERSION,
      middleware: [new RetryLink(settings.retry, log), new AuthLink(settings.token), new UserAgentLink(settings.userAgent), new HTTPMessageHandler()],
    });
  }

  get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return this.client.api(path).headers(headers).get() as Promise<T>;
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.client.api(path).post(body) as Promise<T>;
  }

  patch<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.client.api(path).headers(headers).patch(body) as Promise<T>;
  }

  /** Several requests in as few round trips as Graph allows (20 per batch; not a transaction). */
  async batch(requests: BatchRequest[]): Promise<BatchResponse[]> {
    const responses: BatchResponse[] = [];
    for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
      const chunk = requests.slice(start, start + BATCH_LIMIT).map((request) => ({
        ...request,
        headers: { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers },
      }));
      const answer = await this.post<{ responses: BatchResponse[] }>('/$batch', { requests: chunk });
      responses.push(...answer.responses);
    }
    return responses;
  }

  /**
   * An `@odata.nextLink` as a path for this client. Paging cursors come back from the tabs, so
   * only a link to this Graph host and version is accepted.
   */
  pathFromNextLink(nextLink: string): string | undefined {
    try {
      const url = new URL(nextLink);
      if (url.origin !== this.origin || !url.pathname.startsWith(`/${VERSION}/`)) return undefined;
      return `${url.pathname.slice(VERSION.length + 1)}${url.search}`;
    } catch {
      return undefined;
    }
  }
}

/** The HTTP status of a failed Graph call; undefined when no answer came back at all. */
export function graphStatus(error: unknown): number | undefined {
  if (!(error instanceof GraphError)) return undefined;
  return error.statusCode > 0 ? error.statusCode : undefined;
}

/**
 * What a person should hear about a failed Graph call: throttling that outlasted the retries, a
 * 5xx or no answer means the store cannot be reached now; so does a refused identity (401/403:
 * an expired secret, a withdrawn site grant) or a missing list (404), which an administrator must
 * fix — the message says which. Anything else (400) is a fault in the app and stays as it is.
 */
export function unavailable(error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  const status = error.statusCode;
  if (status === 401 || status === 403) return new StoreUnavailableError(`Microsoft 365 refused the app's access (${status}): check how it signs in (the managed identity's federated credential, its certificate or secret) and the site grant.`, { cause: error });
  if (status === 404) return new StoreUnavailableError('A SharePoint list or site the app uses was not found: run `npm run provision:lists`.', { cause: error });
  if (status <= 0 || status === 429 || status >= 500) return new StoreUnavailableError('Microsoft 365 could not be reached.', { cause: error });
  return error;
}

/** Runs a Graph call, turning its failure into what a person or an administrator should hear (`unavailable`). */
export async function graphCall<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}
