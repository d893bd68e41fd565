import { authHeaders, type Credentials } from '../api';

export interface PostingFile {
  id: string;
  name: string;
  kind: 'images' | 'videos';
  label: string;
  contentType: string;
  bytes: number;
  addedAt: string;
  deletedAt: string | null;
}

export interface PostingDetail {
  id: string;
  /** "P-7": how people refer to a request to post. */
  reference: string;
  version: number;
  kind: 'post' | 'parentReminder';
  state: string;
  stateLabel: string;
  requesterName: string;
  submittedAt: string;
  accountLabel: string;
  text: string;
  media: ('images' | 'videos')[];
  facesBlurred: boolean;
  groupLabel: string;
  postingDate: string;
  deviceLabel: string | null;
  pupils: { displayName: string; className: string }[];
  checks: string[];
  files: PostingFile[];
  canChangeMedia: boolean;
  /** The steps this person may take now (the buttons its card gives them). */
  steps: string[];
}

export interface PostingSummary {
  id: string;
  reference: string;
  kind: 'post' | 'parentReminder';
  state: string;
  stateLabel: string;
  accountLabel: string;
  requesterName: string;
  submittedAt: string;
  files: number;
}

/** What the file picker offers; the server judges each file by its first bytes, whatever this says. */
export const ACCEPT = 'image/jpeg,image/png,image/heic,.heic,video/mp4,video/quicktime,.mov';

/** One file to the request: the bytes as the body, the name in a header (URL-encoded). */
export async function uploadFile(requestId: string, file: File, credentials: Credentials): Promise<{ ok: boolean; error?: string; request?: PostingDetail }> {
  const response = await fetch(`/api/posting-requests/${requestId}/media`, {
    method: 'POST',
    headers: { ...(await authHeaders(credentials)), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; request?: PostingDetail };
  return { ok: response.ok, ...(body.error ? { error: body.error } : {}), ...(body.request ? { request: body.request } : {}) };
}

/**
 * A file's bytes through the signed-in API (the token in a header, never in a URL), as a blob URL
 * for an <img> or <video>. The caller revokes it when the page no longer shows it.
 */
export async function fileUrl(requestId: string, fileId: string, credentials: Credentials): Promise<string> {
  const response = await fetch(`/api/posting-requests/${requestId}/media/${fileId}`, { headers: await authHeaders(credentials) });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The server answered ${response.status}.`);
  }
  return URL.createObjectURL(await response.blob());
}
