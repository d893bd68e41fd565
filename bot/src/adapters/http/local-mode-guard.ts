import type { Request, Response } from 'restify';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Local mode trusts whoever sends an activity, which is only safe while every caller is on this
 * machine. Listening on loopback is not enough on its own: a tunnel or proxy forwards strangers to
 * it, and an activity's serviceUrl decides where the bot sends replies (including request details).
 * So in local mode requests that came through a proxy, and activities that point the bot at
 * another machine, are refused.
 */
export function refusedInLocalMode(req: Request): string | undefined {
  if (req.headers['x-forwarded-for'] || req.headers['x-forwarded-host'] || req.headers.forwarded) {
    return 'Local mode does not accept requests through a proxy or tunnel. Register the bot (BOT_ID) to run it for real.';
  }
  const serviceUrl = (req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl;
  if (req.getPath() === '/api/messages' && typeof serviceUrl === 'string' && !isLoopbackUrl(serviceUrl)) {
    return 'Local mode only replies to a connector on this machine (for example the Agents Playground).';
  }
  return undefined;
}

function isLoopbackUrl(value: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(value).hostname);
  } catch {
    return false;
  }
}

export function refuse(res: Response, message: string): void {
  res.status(403);
  res.json({ error: message });
}
