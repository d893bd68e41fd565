import { Client, GraphError, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import { StoreUnavailableError } from '../../ports/collection.port';
import type { Logger } from '../../app/app-deps';
import { AuthLink, realRetryTimer, RetryLink, UserAgentLink, type RetryPolicy, type RetryTimer } from './graph-middleware';
import { sendBatches, sendSequence, type BatchRequest, type BatchResponse } from './graph-batch';

export { BATCH_LIMIT, type BatchRequest, type BatchResponse } from './graph-batch';

export interface GraphSettings {
  /** `https://graph.microsoft.com` in production; a local stand-in in tests. */
  baseUrl: string;
  userAgent: string;
  retry: RetryPolicy;
  token(): Promise<string>;
  /** Real time unless given (tests wait on a clock of their own). */
  timer?: RetryTimer;
}

const VERSION = 'v1.0';

/** The one Graph client of the app: every call goes through the same pipeline. */
export class GraphApi {
  private readonly client: Client;
  private readonly origin: string;
  private readonly retry: RetryPolicy;
  private readonly timer: RetryTimer;
  /** Sent on the requests that go around the client (upload sessions), as on every other. */
  readonly userAgent: string;
  /** Gets the app's token now, as every call does: proves the credential works (the go-live checklist). */
  readonly signIn: () => Promise<string>;

  constructor(
    settings: GraphSettings,
    private readonly log: Logger,
  ) {
    this.origin = new URL(settings.baseUrl).origin;
    this.userAgent = settings.userAgent;
    this.signIn = settings.token;
    this.retry = settings.retry;
    this.timer = settings.timer ?? realRetryTimer;
    this.client = Client.initWithMiddleware({
      baseUrl: settings.baseUrl,
      defaultVersion: VERSION,
      middleware: [
        new RetryLink(settings.retry, log, settings.timer),
        new AuthLink(settings.token),
        new UserAgentLink(settings.userAgent),
        new HTTPMessageHandler(),
      ],
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

  /** Bytes as the body (a file's content). */
  put<T>(path: string, body: Buffer, headers: Record<string, string> = {}): Promise<T> {
    return this.client.api(path).headers(headers).put(body) as Promise<T>;
  }

  /** The answer as it came (status, headers, a body to stream), whatever its status. */
  getRaw(path: string): Promise<Response> {
    return this.client.api(path).responseType(ResponseType.RAW).get() as Promise<Response>;
  }

  delete(path: string): Promise<void> {
    return this.client.api(path).delete() as Promise<void>;
  }

  /**
   * Several independent requests in as few round trips as Graph allows: 20 to a `$batch`, not a
   * transaction; requests throttled inside a batch go again in a later one (`sendBatches`). The
   * answers come in the order of `requests`. A batch that failed whole throws, and may have been
   * carried out.
   */
  batch(requests: BatchRequest[]): Promise<BatchResponse[]> {
    return sendBatches(this.batchSending(), requests);
  }

  /**
   * The same, going on past a batch that failed whole: its requests are answered `undefined` when
   * they may have been carried out (a 5xx, a dropped connection or a timeout), for the caller to
   * look up; any other failure throws.
   */
  batchEach(requests: BatchRequest[]): Promise<(BatchResponse | undefined)[]> {
    return sendBatches(this.batchSending(), requests, (error) => {
      if (mayHaveRun(error)) return undefined;
      throw error;
    });
  }

  /**
   * Up to 20 requests in one round trip, each carried out only if the one before it succeeded
   * (`dependsOn`; the rest are answered 424): for a change and what must go with it, such as its
   * audit entry. Not a transaction either: an earlier request that succeeded stays done.
   */
  sequence(requests: BatchRequest[]): Promise<BatchResponse[]> {
    return sendSequence(this.batchSending(), requests);
  }

  private batchSending() {
    return {
      post: (body: unknown) => this.post<{ responses: BatchResponse[] }>('/$batch', body),
      retry: this.retry,
      log: this.log,
      timer: this.timer,
    };
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

/** Whether a failed call may have been carried out all the same: a 5xx, or no answer at all. */
export function mayHaveRun(error: unknown): boolean {
  const status = graphStatus(error);
  if (status !== undefined) return status >= 500;
  const name = (error as { name?: string }).name;
  return error instanceof GraphError || name === 'TypeError' || name === 'TimeoutError' || name === 'AbortError' || name === 'FetchError';
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
  if (status === 401 || status === 403)
    return new StoreUnavailableError(
      `Microsoft 365 refused the app's access (${status}): check how it signs in (the managed identity's federated credential, its certificate or secret) and the site grant.`,
      { cause: error },
    );
  if (status === 404)
    return new StoreUnavailableError('A SharePoint list or site the app uses was not found: run `npm run provision:lists`.', {
      cause: error,
    });
  if (status <= 0 || status === 429 || status >= 500)
    return new StoreUnavailableError('Microsoft 365 could not be reached.', { cause: error });
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
