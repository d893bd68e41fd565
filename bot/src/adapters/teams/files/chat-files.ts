import type { Activity } from 'botbuilder';

/**
 * A file sent to the bot in a personal chat arrives as an attachment of this type, whose content
 * carries a short-lived, pre-authorised `downloadUrl` (msteams-docs "Send and receive files using
 * bot", bots-filesv4; the manifest's bot needs `supportsFiles: true`).
 */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface ChatFile {
  name: string;
  downloadUrl: string;
}

/** The files attached to a message, and how many pictures were pasted into it instead (not files). */
export function chatFilesOf(activity: Pick<Activity, 'attachments'>): { files: ChatFile[]; pasted: number } {
  const files: ChatFile[] = [];
  let pasted = 0;
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { downloadUrl?: unknown } | undefined;
    if (attachment.contentType === FILE_DOWNLOAD_INFO && typeof content?.downloadUrl === 'string' && typeof attachment.name === 'string') {
      files.push({ name: attachment.name.slice(0, 300), downloadUrl: content.downloadUrl });
    } else if (typeof attachment.contentType === 'string' && attachment.contentType.startsWith('image/')) {
      pasted++;
    }
  }
  return { files, pasted };
}

/**
 * Where the bot will fetch a file from: SharePoint or OneDrive over HTTPS (where Teams keeps files
 * sent in chat), or this machine in local mode (tests). Anything else in an activity is refused, so
 * a forged attachment cannot make the server fetch another address.
 */
export function downloadAllowed(url: string, localMode: boolean): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && /(^|\.)sharepoint\.com$/i.test(parsed.hostname)) return true;
    return localMode && parsed.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

/** The file's bytes and declared size; redirects are followed only to addresses that are allowed too. */
export async function downloadChatFile(
  file: ChatFile,
  localMode: boolean,
): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> } | { refused: string }> {
  let url = file.downloadUrl;
  for (let hop = 0; hop < 4; hop++) {
    if (!downloadAllowed(url, localMode)) return { refused: "Teams gave an address for it that is not your school's SharePoint." };
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15 * 60_000) });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url).toString();
      continue;
    }
    if (!response.ok || !response.body) return { refused: `Teams could not hand it over (${response.status}); try sending it again.` };
    const size = Number(response.headers.get('content-length'));
    if (!Number.isInteger(size) || size < 0) {
      await response.body.cancel();
      return { refused: 'Teams did not say how big it is. Upload it on the request in the tab instead.' };
    }
    return { size, chunks: response.body as unknown as AsyncIterable<Uint8Array> };
  }
  return { refused: 'Teams sent it round too many times; try sending it again.' };
}
