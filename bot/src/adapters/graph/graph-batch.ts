import type { Logger } from '../../app/app-deps';
import { MIN_ATTEMPT_MS, retryAfterHeaderMs, type RetryPolicy, type RetryTimer } from './graph-middleware';

/**
 * JSON batching (https://learn.microsoft.com/graph/json-batching): at most 20 requests to a
 * `$batch`, answered one by one (a `200` batch says nothing of its requests), matched by id.
 */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  /** The request's own status; 0 when Graph's answer had no response for it. */
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph's limit on requests in one JSON batch. */
export const BATCH_LIMIT = 20;

export interface BatchSending {
  /** POSTs one `$batch` body through the app's pipeline (which retries a batch refused whole with 429). */
  post(body: unknown): Promise<{ responses: BatchResponse[] }>;
  retry: RetryPolicy;
  log: Logger;
  /** The pipeline's own time: real, or a test's clock. */
  timer: Pick<RetryTimer, 'now' | 'sleep'>;
}

/**
 * Independent requests, 20 to a `$batch`, in as few round trips as Graph allows. Requests Graph
 * throttled inside a batch (429) were not carried out: once the longest Retry-After has passed
 * they go again at the front of the next batch, as "Throttling and batching" says
 * (https://learn.microsoft.com/graph/throttling), each within the attempts and the deadline every
 * call has (from when it was first sent), so throttling costs waiting rather than round trips.
 * Every other answer is the caller's to judge. A batch that fails whole throws, unless
 * `whenBatchFails` says what its requests are answered instead (`undefined`: their fate is
 * unknown). Answers come back in the order of `requests`.
 */
export async function sendBatches<A extends BatchResponse | undefined = BatchResponse>(
  sending: BatchSending,
  requests: BatchRequest[],
  whenBatchFails: (error: unknown) => A = (error) => {
    throw error;
  },
): Promise<(BatchResponse | A)[]> {
  const { retry, log, timer } = sending;
  const answers = new Map<string, BatchResponse | A>();
  const tries = new Map<string, { attempts: number; firstSent: number }>();
  const queue = [...requests];
  while (queue.length > 0) {
    const chunk = queue.splice(0, BATCH_LIMIT);
    for (const request of chunk) {
      const tried = tries.get(request.id) ?? { attempts: 0, firstSent: timer.now() };
      tried.attempts++;
      tries.set(request.id, tried);
    }
    let responses: BatchResponse[];
    try {
      ({ responses } = await sending.post({ requests: chunk.map(withContentType) }));
    } catch (error) {
      const instead = whenBatchFails(error);
      for (const request of chunk) answers.set(request.id, instead);
      continue;
    }
    const byId = new Map(responses.map((response) => [response.id, response]));
    const again: BatchRequest[] = [];
    let wait = 0;
    for (const request of chunk) {
      const answer = byId.get(request.id) ?? { id: request.id, status: 0 };
      const tried = tries.get(request.id)!;
      const after = retryAfterHeaderMs(headerOf(answer, 'retry-after'), timer.now()) ?? retry.baseDelayMs * 2 ** (tried.attempts - 1);
      if (
        answer.status === 429 &&
        tried.attempts < retry.maxAttempts &&
        timer.now() + after + MIN_ATTEMPT_MS <= tried.firstSent + retry.deadlineMs
      ) {
        again.push(request);
        wait = Math.max(wait, after);
      } else answers.set(request.id, answer);
    }
    if (again.length === 0) continue;
    log.warn(`Graph throttled ${again.length} of ${chunk.length} request(s) in a batch; sending them again in ${wait} ms`);
    await timer.sleep(wait);
    queue.unshift(...again);
  }
  return requests.map((request) => answers.get(request.id)!);
}

/**
 * Up to 20 requests in one `$batch`, each depending on the one before it, so that none runs after
 * one that failed (Graph answers 424 to the rest; "Batch should be either fully sequential or fully
 * parallel"). A throttled request (429) goes again, with every request after it, once its
 * Retry-After has passed, within the attempts and the deadline every call has.
 */
export async function sendSequence(sending: BatchSending, requests: BatchRequest[]): Promise<BatchResponse[]> {
  if (requests.length > BATCH_LIMIT) throw new Error(`A $batch holds at most ${BATCH_LIMIT} requests.`);
  const { retry, log, timer } = sending;
  const answers = new Map<string, BatchResponse>();
  const deadline = timer.now() + retry.deadlineMs;
  let pending = requests;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const body = pending.map((request, index) => ({
      ...withContentType(request),
      ...(index > 0 ? { dependsOn: [pending[index - 1]!.id] } : {}),
    }));
    const { responses } = await sending.post({ requests: body });
    const byId = new Map(responses.map((response) => [response.id, response]));
    const throttledAt = pending.findIndex((request) => byId.get(request.id)?.status === 429);
    const wait =
      throttledAt < 0
        ? 0
        : (retryAfterHeaderMs(headerOf(byId.get(pending[throttledAt]!.id)!, 'retry-after'), timer.now()) ??
          retry.baseDelayMs * 2 ** (attempt - 1));
    const retrying = throttledAt >= 0 && attempt < retry.maxAttempts && timer.now() + wait + MIN_ATTEMPT_MS <= deadline;
    for (const [index, request] of pending.entries()) {
      if (!retrying || index < throttledAt) answers.set(request.id, byId.get(request.id) ?? { id: request.id, status: 0 });
    }
    if (!retrying) break;
    log.warn(
      `Graph throttled a request in a sequence; sending it and the ${pending.length - throttledAt - 1} after it again in ${wait} ms`,
    );
    await timer.sleep(wait);
    pending = pending.slice(throttledAt);
  }
  return requests.map((request) => answers.get(request.id)!);
}

function withContentType(request: BatchRequest): BatchRequest {
  return { ...request, headers: { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers } };
}

/** A response header by name, whatever its case. */
export function headerOf(response: BatchResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
}
