import { blobUrl, sendJson, type Credentials } from '../api';
import type { PostingDetail } from '../../../bot/src/contracts/posting';

export type { PostingDetail, PostingFile, PostingSummary } from '../../../bot/src/contracts/posting';

/** What the file picker offers; the server judges each file by its first bytes, whatever this says. */
export const ACCEPT = 'image/jpeg,image/png,image/heic,.heic,video/mp4,video/quicktime,.mov';

const mediaPath = (requestId: string) => `/api/posting-requests/${encodeURIComponent(requestId)}/media`;

/** One file to the request: the bytes as the body, the name in a header (URL-encoded). */
export async function uploadFile(
  requestId: string,
  file: File,
  credentials: Credentials,
): Promise<{ ok: boolean; error?: string; request?: PostingDetail }> {
  const answer = await sendJson<{ request?: PostingDetail }>('POST', mediaPath(requestId), credentials, file, {
    'x-file-name': encodeURIComponent(file.name),
  });
  return {
    ok: answer.ok,
    ...(answer.body.error ? { error: answer.body.error } : {}),
    ...(answer.body.request ? { request: answer.body.request } : {}),
  };
}

/** A file's bytes through the signed-in API (the token in a header, never in a URL), as a blob URL the caller revokes. */
export function fileUrl(requestId: string, fileId: string, credentials: Credentials): Promise<string> {
  return blobUrl(`${mediaPath(requestId)}/${encodeURIComponent(fileId)}`, credentials);
}
