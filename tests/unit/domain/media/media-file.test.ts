/**
 * Policy s.4 (the headteacher sees what will be posted): which files may be attached, judged by
 * their first bytes and size, never by their names.
 */
import { checkNewFile, MEDIA_LIMITS, sniffFormat, type MediaFormat } from '../../../../bot/src/domain/media/media-file';
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
  ];
  it.each(cases)('%s', (_name, bytes, expected) => {
    expect(sniffFormat(bytes.subarray(0, 64))).toBe(expected);
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

  it('names the file and the limit in the refusal', () => {
    const verdict = checkNewFile({ name: 'C:\\Users\\me\\race.mp4', head: head('mp4'), size: 300 * MB }, 0);
    expect(verdict.ok ? '' : verdict.refusal.message).toBe('race.mp4 is 300 MB; a video may be at most 250 MB.');
  });
});
