import type { Request, Response } from 'restify';
import type { IncomingFile } from '../../app/media/media-services';
import { send } from './api-refusal';

/**
 * A file sent as a request's body (the server reads it as it arrives): its size in Content-Length,
 * its name URL-encoded in X-File-Name. Undefined (answered 400, connection closed) when either is missing.
 */
export function incomingFile(req: Request, res: Response): IncomingFile | undefined {
  const size = Number(req.headers['content-length']);
  const name = decodedName(req.headers['x-file-name']);
  if (!Number.isInteger(size) || size < 0 || name === undefined) {
    res.setHeader('Connection', 'close');
    send(res, 400, { error: 'Send the file as the body, with its size in Content-Length and its name in X-File-Name (URL-encoded).' });
    return undefined;
  }
  return { name, size, chunks: req as AsyncIterable<Uint8Array> };
}

/** Streams a stored file to the tab: shown inside the tab only, never run as a page, never framed elsewhere. */
export async function sendFile(
  res: Response,
  file: { name: string; bytes: number },
  contentType: string,
  bytes: AsyncIterable<Uint8Array>,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(file.bytes));
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  for await (const chunk of bytes) {
    if (!res.write(chunk)) await new Promise((drained) => res.once('drain', drained));
  }
  res.end();
}

function decodedName(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || header.length === 0 || header.length > 1000) return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return undefined;
  }
}
