import type { Media } from '../consent/consent';
import { hiddenCharacterProblem } from '../validation/typed-text';

/**
 * The photos and videos attached to a request to post (s.4: the headteacher sees what will be
 * posted). What a file is comes from its first bytes, never from its name: a renamed program is
 * not a photo, and a PNG called "photo.jpg" is still a PNG.
 */
export type MediaFormat = 'jpeg' | 'png' | 'heic' | 'mp4' | 'mov';

const MB = 1024 * 1024;

export const MEDIA_LIMITS = { files: 20, imageBytes: 20 * MB, videoBytes: 250 * MB, nameLength: 120 } as const;

export const MEDIA_FORMATS: Record<MediaFormat, { kind: Media; label: string; contentType: string; extension: string }> = {
  jpeg: { kind: 'images', label: 'JPEG photo', contentType: 'image/jpeg', extension: 'jpg' },
  png: { kind: 'images', label: 'PNG image', contentType: 'image/png', extension: 'png' },
  heic: { kind: 'images', label: 'HEIC photo', contentType: 'image/heic', extension: 'heic' },
  mp4: { kind: 'videos', label: 'MP4 video', contentType: 'video/mp4', extension: 'mp4' },
  mov: { kind: 'videos', label: 'MOV video', contentType: 'video/quicktime', extension: 'mov' },
};

/** How many bytes `sniffFormat` needs to see. */
export const SNIFF_BYTES = 64;

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_GENERIC = new Set(['mif1', 'msf1']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'mmp4',
  'MSNV',
  'XAVC',
]);
/** QuickTime files written before `ftyp` existed start with one of these atoms. */
const OLD_QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip']);

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

/** The format the bytes begin with (JPEG, PNG, or an ISO media file's brand), or undefined. */
export function sniffFormat(head: Uint8Array): MediaFormat | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => head[i] === byte)) return 'png';
  if (head.length < 12) return undefined;
  const boxSize = ((head[0]! << 24) >>> 0) + (head[1]! << 16) + (head[2]! << 8) + head[3]!;
  const boxType = ascii(head, 4, 4);
  if (boxType !== 'ftyp') return OLD_QUICKTIME_ATOMS.has(boxType) && boxSize >= 8 ? 'mov' : undefined;
  const major = ascii(head, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) compatible.push(ascii(head, at, 4));
  if (HEIC_BRANDS.has(major) || (HEIF_GENERIC.has(major) && compatible.some((brand) => HEIC_BRANDS.has(brand)))) return 'heic';
  if (major === 'qt  ') return 'mov';
  if (MP4_BRANDS.has(major) || compatible.some((brand) => MP4_BRANDS.has(brand))) return 'mp4';
  return undefined;
}

export function maxBytesFor(format: MediaFormat): number {
  return MEDIA_FORMATS[format].kind === 'images' ? MEDIA_LIMITS.imageBytes : MEDIA_LIMITS.videoBytes;
}

export type MediaRefusal = { code: 'type' | 'too-big' | 'empty' | 'too-many' | 'name'; message: string };

export const ACCEPTED_TYPES = 'photos (JPEG, PNG or HEIC, up to 20 MB each) and videos (MP4 or MOV, up to 250 MB)';

/** A file's name as it will be shown: the last part of any path, at most 120 characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base.slice(0, MEDIA_LIMITS.nameLength) || 'file';
}

/**
 * Whether a new file may be attached, judged before anything is saved: its first bytes, its size
 * (as declared, and checked again as it arrives) and how many files the request already has.
 */
export function checkNewFile(
  file: { name: string; head: Uint8Array; size: number },
  alreadyAttached: number,
): { ok: true; format: MediaFormat } | { ok: false; refusal: MediaRefusal } {
  const name = displayName(file.name);
  const hidden = hiddenCharacterProblem('The file name', name);
  if (hidden) return refused('name', hidden);
  if (alreadyAttached >= MEDIA_LIMITS.files)
    return refused(
      'too-many',
      `${name}: a request can have at most ${MEDIA_LIMITS.files} files, and this one has ${alreadyAttached}. Remove one first, or make a second request.`,
    );
  if (file.size === 0) return refused('empty', `${name} is empty: there is nothing in it to attach.`);
  const format = sniffFormat(file.head);
  if (!format) return refused('type', `${name} is not a photo or video the school can check. Attach ${ACCEPTED_TYPES}.`);
  const max = maxBytesFor(format);
  if (file.size > max)
    return refused(
      'too-big',
      `${name} is ${megabytes(file.size)}; a ${MEDIA_FORMATS[format].kind === 'images' ? 'photo' : 'video'} may be at most ${megabytes(max)}.`,
    );
  return { ok: true, format };
}

function refused(code: MediaRefusal['code'], message: string): { ok: false; refusal: MediaRefusal } {
  return { ok: false, refusal: { code, message } };
}

export function megabytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
