import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../app/app-deps';
import { answerFailure, send } from './api-refusal';

export interface JobTrigger {
  names: string[];
  /**
   * Starts the job's current slot unless some instance has done it (done) or is doing it (held),
   * through the same lease as the scheduler.
   */
  start(name: string): Promise<'started' | 'done' | 'held'>;
  /** The shared secret a cloud timer sends in `X-Job-Secret`. */
  secret?: string;
}

/** The answer for each outcome: 202 started, 200 when the slot was already done, 409 while it runs. */
const ANSWERS = {
  started: { status: 202, body: 'started' },
  done: { status: 200, body: 'already done for this slot' },
  held: { status: 409, body: 'already running' },
} as const;

/**
 * `POST /api/jobs/<name>`: lets a cloud timer (or an administrator) run a job's current slot, once
 * across every instance, as the scheduler does. Outside local mode it needs JOB_SECRET and the same
 * value in `X-Job-Secret`; in local mode (loopback only) it is open, for trying jobs out. Answers at
 * once (202) and the job runs on; its messages are idempotent, so nothing is sent twice.
 */
export function registerJobTrigger(server: Server, trigger: JobTrigger, localMode: boolean, log: Logger): void {
  server.post('/api/jobs/:name', async (req: Request, res: Response) => {
    if (!trigger.secret && !localMode) {
      return send(res, 404, { error: 'The job trigger is off: set JOB_SECRET to use it.' });
    }
    if (trigger.secret && !sameSecret(req.header('x-job-secret') ?? '', trigger.secret)) {
      log.warn('Refused a job trigger without the right X-Job-Secret');
      return send(res, 401, { error: 'Send the job secret in X-Job-Secret.' });
    }
    const name = String(req.params.name ?? '');
    if (!trigger.names.includes(name)) {
      return send(res, 404, { error: `Unknown job. Jobs: ${trigger.names.join(', ')}.` });
    }
    try {
      const answer = ANSWERS[await trigger.start(name)];
      send(res, answer.status, { job: name, status: answer.body });
    } catch (error) {
      answerFailure(res, error, log, `POST /api/jobs/${name}`);
    }
  });
}

/** Compares hashes, so the time taken says nothing about the secret. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
