import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../app/app-deps';
import { send } from './api-refusal';

export interface JobTrigger {
  names: string[];
  /** Starts the job unless it is already running here; false when it was. */
  start(name: string): boolean;
  /** The shared secret a cloud timer sends in `X-Job-Secret`. */
  secret?: string;
}

/**
 * `POST /api/jobs/<name>`: lets a cloud timer run a job when several instances serve the app (each
 * with SCHEDULER=off). Outside local mode it needs JOB_SECRET and the same value in `X-Job-Secret`;
 * in local mode (loopback only) it is open, for trying jobs out. Answers at once (202); the job
 * runs on, and its messages are idempotent, so two triggers for the same day send nothing twice.
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
    const started = trigger.start(name);
    send(res, started ? 202 : 409, { job: name, status: started ? 'started' : 'already running' });
  });
}

/** Compares hashes, so the time taken says nothing about the secret. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
