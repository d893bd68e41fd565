import { MEDIA_FORMATS, megabytes } from '../../../domain/media/media-file';
import { liveAttachments, type PostingAttachment } from '../../../domain/media/posting-attachment';
import type { PostingRequest } from '../../../domain/posting/posting-request';
import { richText, text, type CardElement } from './card-elements';
import { formatDate } from './format';

/**
 * Thumbnails are data URIs inside the card (Adaptive Cards 1.2+: Image.url "supports data URI"),
 * so they count towards Teams' message size. At most this many are shown, within this many
 * characters; the tab shows every file in full.
 */
export const CARD_THUMBNAILS = { count: 4, characters: 8_000 } as const;

/** The photos and videos on a posting request's card: small thumbnails, a label for the rest, the way to see them in full. */
export function postingMediaSection(request: PostingRequest, mediaLink: string | undefined): CardElement[] {
  const all = request.attachments ?? [];
  const files = liveAttachments(all);
  if (all.length === 0) return [];
  const title = text(`Photos and videos attached (${files.length})`, { weight: 'Bolder', size: 'Medium' });
  if (files.length === 0) {
    const deletedOn = all.map((file) => file.deletedAt ?? '').sort().at(-1) ?? '';
    return [title, text(`The files were deleted on ${formatDate(deletedOn)}, as the school keeps them only for a short time after a request ends.`, { subtle: true })];
  }
  const shown = thumbnailsWithinBudget(files);
  const elements: CardElement[] = [title];
  if (shown.length) {
    elements.push({
      type: 'ImageSet',
      imageSize: 'Medium',
      images: shown.map((file) => ({ type: 'Image', url: file.thumbnail!, altText: `Thumbnail of photo ${files.indexOf(file) + 1} of ${files.length}` })),
    });
  }
  const listed = files.filter((file) => !shown.includes(file));
  for (const file of listed) {
    const format = MEDIA_FORMATS[file.format];
    const why = format.kind === 'videos' ? 'watch it in the tab' : file.thumbnail ? 'see it in the tab' : 'no preview here: see it in the tab';
    elements.push(richText([{ text: `${format.kind === 'videos' ? '🎬' : '🖼'} ${format.label}: `, bold: true }, file.name, ` (${megabytes(file.bytes)}, ${why})`]));
  }
  if (mediaLink) elements.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'See the photos and videos in full', url: mediaLink }] });
  return elements;
}

function thumbnailsWithinBudget(files: PostingAttachment[]): PostingAttachment[] {
  const shown: PostingAttachment[] = [];
  let used = 0;
  for (const file of files) {
    if (!file.thumbnail || shown.length === CARD_THUMBNAILS.count || used + file.thumbnail.length > CARD_THUMBNAILS.characters) continue;
    shown.push(file);
    used += file.thumbnail.length;
  }
  return shown;
}
