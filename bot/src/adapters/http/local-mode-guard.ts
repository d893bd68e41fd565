import type { Request, Response } from 'restify';
import { send } from './api-refusal';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Headers a proxy, tunnel or CDN adds: in local mode none is trusted, and a request carrying one is refused. */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'cf-connecting-ip',
  'true-client-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'x-original-forwarded-for',
  'via',
];

/**
 * Local mode trusts whoever sends an activity, which is only safe while every caller is on this
 * machine. Listening on loopback is not enough on its own:
 * - a tunnel or proxy forwards strangers to it, so a request with any forwarding header is refused;
 * - a web page can point its own domain at 127.0.0.1 (DNS rebinding) and read the API, so the Host
 *   must be a loopback name with the port the request arrived on.
 * Both are judged on the headers alone, before any body is read.
 */
export function refusedInLocalMode(req: Request): string | undefined {
  if (FORWARDING_HEADERS.some((header) => req.headers[header] !== undefined)) {
    return 'Local mode does not accept requests through a proxy or tunnel. Register the bot (BOT_ID) to run it for real.';
  }
  if (!isLoopbackHost(req.headers.host, req.socket.localPort)) {
    return 'Local mode answers only when addressed as localhost or 127.0.0.1 on its own port.';
  }
  return undefined;
}

/** An activity's serviceUrl decides where the bot sends replies (with request details): in local mode, only this machine. */
export function repliesElsewhere(req: Request): string | undefined {
  const serviceUrl = (req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl;
  if (req.getPath() === '/api/messages' && typeof serviceUrl === 'string' && !isLoopbackUrl(serviceUrl)) {
    return 'Local mode only replies to a connector on this machine (for example the Agents Playground).';
  }
  return undefined;
}

function isLoopbackHost(host: string | undefined, port: number | undefined): boolean {
  if (!host || port === undefined) return false;
  try {
    const url = new URL(`http://${host}`);
    return LOOPBACK_HOSTS.has(url.hostname) && (url.port === '' ? port === 80 : Number(url.port) === port);
  } catch {
    return false;
  }
}

function isLoopbackUrl(value: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(value).hostname);
  } catch {
    return false;
  }
}

export function refuse(res: Response, message: string): void {
  send(res, 403, { error: message });
}
