/**
 * Policy s.4 (the headteacher sees what will be posted): which files may be attached, judged by
 * their first bytes and size, never by their names.
 */
import {
  ACCEPTED_TYPES,
  checkNewFile,
  displayName,
  MEDIA_FORMATS,
  MEDIA_LIMITS,
  megabytes,
  sniffFormat,
  type MediaFormat,
} from '../../../../bot/src/domain/media/media-file';
import { heicPhoto, isoMedia, jpegPhoto, movVideo, mp4Video, pngImage, program } from '../../../fixtures/media-files';

const MB = 1024 * 1024;

describe('what a file is, from its first bytes', () => {
  const cases: [string, Uint8Array, MediaFormat | undefined][] = [
    ['a JPEG photo', jpegPhoto(8, 8), 'jpeg'],
    ['a PNG image', pngImage(8, 8), 'png'],
    ['an iPhone HEIC photo (heic brand)', heicPhoto(), 'heic'],
    ['a HEIF photo whose major brand is mif1, with heic compatible', isoMedia('mif1', ['mif1', 'heic']), 'heic'],
    ['an AVIF image (mif1 with avif only): not accepted', isoMedia('mif1', ['mif1', 'avif']), undefined],
    ['an MP4 video', mp4Video(), 'mp4'],
    ['an MP4 whose major brand is mp42', isoMedia('mp42', ['mp42', 'isom']), 'mp4'],
    ['a QuickTime MOV video', movVideo(), 'mov'],
    [
      'an old QuickTime file starting with its moov atom',
      Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('moov'), Buffer.alloc(8)]),
      'mov',
    ],
    ['a Windows program', program(), undefined],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), undefined],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00'), undefined],
    ['text', Buffer.from('Hello, this is not a photo at all'), undefined],
    ['nothing', new Uint8Array(0), undefined],
    // Near misses: a file is a JPEG or a PNG only when every byte of the signature matches.
    ['only the JPEG signature, 3 bytes', Buffer.from([0xff, 0xd8, 0xff]), 'jpeg'],
    ['a JPEG signature with the third byte wrong', Buffer.from([0xff, 0xd8, 0x00, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]), undefined],
    ['a JPEG signature with the second byte wrong', Buffer.from([0xff, 0x00, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]), undefined],
    ['a JPEG signature with the first byte wrong', Buffer.from([0x00, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]), undefined],
    ['only the PNG signature, 8 bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
    // ISO media files: judged from the ftyp box, and only within it.
    [
      'only the start of an old QuickTime file, 8 bytes: too short to tell',
      Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('moov')]),
      undefined,
    ],
    ['an ftyp box of exactly 12 bytes, isom', Buffer.concat([Buffer.from([0, 0, 0, 12]), Buffer.from('ftypisom')]), 'mp4'],
    [
      'a moov atom whose size is impossible (under 8)',
      Buffer.concat([Buffer.from([0, 0, 0, 4]), Buffer.from('moov'), Buffer.alloc(8)]),
      undefined,
    ],
    [
      'a HEIF box of 256 bytes listing heic',
      Buffer.concat([Buffer.from([0, 0, 1, 0]), Buffer.from('ftypmif1\0\0\0\0mif1heic'), Buffer.alloc(232)]),
      'heic',
    ],
    [
      'a HEIF box of 64 KB listing heic',
      Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.from('ftypmif1\0\0\0\0mif1heic'), Buffer.alloc(40)]),
      'heic',
    ],
    [
      'a HEIF box that ends before a "heic" written after it',
      Buffer.concat([isoMedia('mif1', [], 16), Buffer.from('heicheic')]),
      undefined,
    ],
    ['an MP4 whose major brand is isom, listing no other', isoMedia('isom', []), 'mp4'],
    ['an MP4 with an unknown major brand, listing mp42 among others', isoMedia('abcd', ['abcd', 'mp42']), 'mp4'],
  ];
  it.each(cases)('%s', (_name, bytes, expected) => {
    expect(sniffFormat(bytes.subarray(0, 64))).toBe(expected);
  });
});

describe("every brand and atom the school's cameras and phones write is recognised", () => {
  it.each(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'])('a HEIC photo whose brand is %s', (brand) => {
    expect(sniffFormat(isoMedia(brand, []).subarray(0, 64))).toBe('heic');
  });
  it.each(['mif1', 'msf1'])('a HEIF file of brand %s listing heic is a HEIC photo; listing nothing, it is not', (brand) => {
    expect(sniffFormat(isoMedia(brand, ['heic']).subarray(0, 64))).toBe('heic');
    expect(sniffFormat(isoMedia(brand, []).subarray(0, 64))).toBeUndefined();
  });
  it.each(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4', 'MSNV', 'XAVC'])(
    'an MP4 video whose brand is "%s"',
    (brand) => {
      expect(sniffFormat(isoMedia(brand, []).subarray(0, 64))).toBe('mp4');
    },
  );
  it.each(['moov', 'mdat', 'wide', 'free', 'skip'])('an old QuickTime video starting with its %s atom', (atom) => {
    expect(sniffFormat(Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from(atom), Buffer.alloc(8)]))).toBe('mov');
  });
});

describe('how each accepted format is stored, served and named (s.4)', () => {
  it('the type the browser is told, the file ending and the name in the audit line', () => {
    expect(MEDIA_FORMATS).toEqual({
      jpeg: { kind: 'images', label: 'JPEG photo', contentType: 'image/jpeg', extension: 'jpg' },
      png: { kind: 'images', label: 'PNG image', contentType: 'image/png', extension: 'png' },
      heic: { kind: 'images', label: 'HEIC photo', contentType: 'image/heic', extension: 'heic' },
      mp4: { kind: 'videos', label: 'MP4 video', contentType: 'video/mp4', extension: 'mp4' },
      mov: { kind: 'videos', label: 'MOV video', contentType: 'video/quicktime', extension: 'mov' },
    });
  });
  it('what the form says it accepts', () => {
    expect(ACCEPTED_TYPES).toBe('photos (JPEG, PNG or HEIC, up to 20 MB each) and videos (MP4 or MOV, up to 250 MB)');
  });
});

describe("whether a new file may be attached (s.4; limits from the school's rules)", () => {
  const head = (format: 'jpeg' | 'mp4' | 'exe') =>
    (format === 'jpeg' ? jpegPhoto(8, 8) : format === 'mp4' ? mp4Video() : program()).subarray(0, 64);
  const cases: { name: string; file: string; kind: 'jpeg' | 'mp4' | 'exe'; size: number; attached: number; expected: string }[] = [
    { name: 'a photo of 20 MB', file: 'sports-day.jpg', kind: 'jpeg', size: 20 * MB, attached: 0, expected: 'ok' },
    { name: 'a photo over 20 MB', file: 'sports-day.jpg', kind: 'jpeg', size: 20 * MB + 1, attached: 0, expected: 'too-big' },
    { name: 'a video of 250 MB', file: 'race.mp4', kind: 'mp4', size: 250 * MB, attached: 0, expected: 'ok' },
    { name: 'a video over 250 MB', file: 'race.mp4', kind: 'mp4', size: 250 * MB + 1, attached: 0, expected: 'too-big' },
    { name: 'a program named like a photo', file: 'photo.jpg', kind: 'exe', size: 2048, attached: 0, expected: 'type' },
    { name: 'a photo named like a program is still a photo', file: 'photo.exe', kind: 'jpeg', size: 2048, attached: 0, expected: 'ok' },
    { name: 'an empty file', file: 'empty.jpg', kind: 'jpeg', size: 0, attached: 0, expected: 'empty' },
    { name: 'the 20th file', file: 'a.jpg', kind: 'jpeg', size: 2048, attached: MEDIA_LIMITS.files - 1, expected: 'ok' },
    { name: 'a 21st file', file: 'a.jpg', kind: 'jpeg', size: 2048, attached: MEDIA_LIMITS.files, expected: 'too-many' },
    { name: 'a name with a hidden right-to-left override', file: 'gpj.\u202Eexe', kind: 'jpeg', size: 2048, attached: 0, expected: 'name' },
  ];
  it.each(cases)('$name', ({ file, kind, size, attached, expected }) => {
    const verdict = checkNewFile({ name: file, head: head(kind), size }, attached);
    // A refusal says what is wrong in a sentence, not just a code.
    expect(verdict.ok ? 'ok' : [verdict.refusal.code, verdict.refusal.message.length > 20]).toEqual(
      expected === 'ok' ? 'ok' : [expected, true],
    );
  });

  it.each<[string, string, Uint8Array, number, string]>([
    ['a photo over its limit', 'sports-day.jpg', jpegPhoto(8, 8), 21 * MB, 'sports-day.jpg is 21 MB; a photo may be at most 20 MB.'],
    [
      'a hidden character in the name',
      'photo\u202Egpj.exe',
      jpegPhoto(8, 8),
      2048,
      'The file name contains hidden control characters. Please retype it.',
    ],
  ])('says why it refuses %s', (_case, name, head, size, message) => {
    expect(checkNewFile({ name, head: head.subarray(0, 64), size }, 0)).toEqual({
      ok: false,
      refusal: expect.objectContaining({ message }),
    });
  });

  it('names the file and the limit in the refusal', () => {
    const verdict = checkNewFile({ name: 'C:\\Users\\me\\race.mp4', head: head('mp4'), size: 300 * MB }, 0);
    expect(verdict.ok ? '' : verdict.refusal.message).toBe('race.mp4 is 300 MB; a video may be at most 250 MB.');
  });
});

describe('a file as the request and the cards name it', () => {
  it.each<[string, string]>([
    ['C:\\Users\\me\\sports-day.jpg', 'sports-day.jpg'],
    ['photos/ sports day.jpg ', 'sports day.jpg'],
    ['C:\\Users\\me\\', 'file'],
    [`${'x'.repeat(130)}.jpg`, 'x'.repeat(120)],
  ])('%p is shown as %p', (name, shown) => {
    expect(displayName(name)).toBe(shown);
  });

  it.each<[number, string]>([
    [1, '1 KB'],
    [1536, '2 KB'],
    [MB - 1, '1024 KB'],
    [MB, '1.0 MB'],
    [2.5 * MB, '2.5 MB'],
    [10 * MB - 1, '10.0 MB'],
    [10 * MB, '10 MB'],
    [250 * MB, '250 MB'],
  ])('%i bytes read %p', (bytes, text) => {
    expect(megabytes(bytes)).toBe(text);
  });
});
