import { MEDIA_FORMATS } from '../../../domain/media/media-file';
import { liveAttachments, type PostingAttachment } from '../../../domain/media/posting-attachment';
import type { PostingRequest } from '../../../domain/posting/posting-request';
import { text, type CardElement } from './card-elements';
import { formatDate } from './format';

/**
 * Thumbnails are data URIs inside the card (Adaptive Cards 1.2+: Image.url "supports data URI"),
 * so they count towards Teams' message size: at most this many, within this many characters, and
 * only as many as the rest of the card leaves room for. The tab shows every file in full.
 */
export const CARD_THUMBNAILS = { count: 4, characters: 10_000 } as const;

/**
 * The photos and videos on a posting request's card: thumbnails where there is room, a count of
 * the rest (HEIC photos and videos are never drawn here), and the way to see them all in the tab.
 * `room` is how many characters the thumbnails may take.
 */
export function postingMediaSection(request: PostingRequest, mediaLink: string | undefined, room: number): CardElement[] {
  const all = request.attachments ?? [];
  const files = liveAttachments(all);
  if (all.length === 0) return [];
  const title = text(`Photos and videos attached (${files.length})`, { weight: 'Bolder', size: 'Medium' });
  if (files.length === 0) {
    const deletedOn =
      all
        .map((file) => file.deletedAt ?? '')
        .sort()
        .at(-1) ?? '';
    return [
      title,
      text(`Deleted on ${formatDate(deletedOn)}: the school keeps them only for a short time after a request ends.`, { subtle: true }),
    ];
  }
  const shown = thumbnailsWithin(files, Math.min(room, CARD_THUMBNAILS.characters));
  const elements: CardElement[] = [title];
  if (shown.length) {
    elements.push({
      type: 'ImageSet',
      imageSize: 'Medium',
      images: shown.map((file, i) => ({
        type: 'Image',
        url: file.thumbnail!,
        altText: `Photo ${i + 1} of ${files.length}, small preview`,
      })),
    });
  }
  const rest = files.filter((file) => !shown.includes(file));
  if (rest.length)
    elements.push(
      text(
        `${shown.length ? 'Also attached' : 'Attached'}: ${describe(rest)}. ${mediaLink ? 'See them in full in the tab.' : 'See them in full in the Online Safety Desk tab.'}`,
        { subtle: true },
      ),
    );
  if (mediaLink)
    elements.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'See the photos and videos in full', url: mediaLink }] });
  return elements;
}

/** "3 JPEG photos, 1 HEIC photo and 2 MP4 videos". */
function describe(files: PostingAttachment[]): string {
  const counts = new Map<string, number>();
  for (const file of files) counts.set(MEDIA_FORMATS[file.format].label, (counts.get(MEDIA_FORMATS[file.format].label) ?? 0) + 1);
  const parts = [...counts].map(([label, count]) => `${count} ${label}${count === 1 ? '' : 's'}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
}

function thumbnailsWithin(files: PostingAttachment[], budget: number): PostingAttachment[] {
  const shown: PostingAttachment[] = [];
  let used = 0;
  for (const file of files) {
    // Each image costs its data URI and about 80 characters of JSON around it.
    const cost = (file.thumbnail?.length ?? 0) + 80;
    if (!file.thumbnail || shown.length === CARD_THUMBNAILS.count || used + cost > budget) continue;
    shown.push(file);
    used += cost;
  }
  return shown;
}
