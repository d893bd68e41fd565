import { authHeaders, type Credentials } from './api';

/**
 * Downloads a file from the API with the sign-in header (a token must never go in a URL), then
 * hands it to the browser as a Blob so that it is saved under the server's file name.
 */
export async function downloadFile(path: string, credentials: Credentials, fallbackName: string): Promise<string> {
  const response = await fetch(path, { headers: await authHeaders(credentials) });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The server answered ${response.status}.`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on a later tick: the browser starts the download from the URL first.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
