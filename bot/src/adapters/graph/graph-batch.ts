import type { Logger } from '../../app/app-deps';
import { MIN_ATTEMPT_MS, retryAfterHeaderMs, type RetryPolicy } from './graph-middleware';

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
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends up to 20 requests in one `$batch`: side by side, or (`sequential`) each depending on the
 * one before it, so that none runs after one that failed (Graph answers 424 to the rest; "Batch
 * should be either fully sequential or fully parallel"). Requests Graph throttled inside the
 * batch (429) were not carried out: they are sent again in a new batch once the longest
 * Retry-After has passed, as "Throttling and batching" says
 * (https://learn.microsoft.com/graph/throttling), within the attempts and the deadline every call
 * has; in a sequence the requests after a throttled one go again with it. Every other answer is
 * the caller's to judge. Answers come back in the order of `requests`.
 */
export async function sendBatch(sending: BatchSending, requests: BatchRequest[], sequential: boolean): Promise<BatchResponse[]> {
  if (requests.length > BATCH_LIMIT) throw new Error(`A $batch holds at most ${BATCH_LIMIT} requests.`);
  const { retry, log } = sending;
  const sleep = sending.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const answers = new Map<string, BatchResponse>();
  const deadline = Date.now() + retry.deadlineMs;
  let pending = requests;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const body = pending.map((request, index) => ({
      ...request,
      headers: { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers },
      ...(sequential && index > 0 ? { dependsOn: [pending[index - 1]!.id] } : {}),
    }));
    const { responses } = await sending.post({ requests: body });
    const byId = new Map(responses.map((response) => [response.id, response]));
    const throttled = pending.filter((request) => byId.get(request.id)?.status === 429);
    const again = sequential && throttled.length > 0 ? pending.slice(pending.indexOf(throttled[0]!)) : throttled;
    const wait = Math.max(0, ...throttled.map((request) => retryAfterHeaderMs(headerOf(byId.get(request.id)!, 'retry-after')) ?? retry.baseDelayMs * 2 ** (attempt - 1)));
    const retrying = again.length > 0 && attempt < retry.maxAttempts && Date.now() + wait + MIN_ATTEMPT_MS <= deadline;
    for (const request of pending) {
      if (!retrying || !again.includes(request)) answers.set(request.id, byId.get(request.id) ?? { id: request.id, status: 0 });
    }
    if (!retrying) break;
    log.warn(`Graph throttled ${throttled.length} of ${pending.length} request(s) in a batch; sending again in ${wait} ms`);
    await sleep(wait);
    pending = again;
  }
  return requests.map((request) => answers.get(request.id)!);
}

/** A response header by name, whatever its case. */
export function headerOf(response: BatchResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
}
