/**
 * Photos read in plain JavaScript (nothing downloaded at install): a real JPEG or PNG gives a
 * thumbnail small enough for several on one card, turned the way the phone says; bytes that only
 * start like a photo are unreadable; HEIC and video get no thumbnail (a labelled placeholder).
 */
import jpeg from 'jpeg-js';
import { exifOrientation } from '../../../../bot/src/adapters/media/exif-orientation';
import { imagePreviews, THUMBNAIL } from '../../../../bot/src/adapters/media/image-previews';
import { MAX_THUMBNAIL_CHARACTERS } from '../../../fixtures/every-card';
import { heicPhoto, jpegPhoto, mp4Video, pngImage } from '../../../fixtures/media-files';

const size = (thumbnail: string) => {
  const image = jpeg.decode(Buffer.from(thumbnail.split(',')[1]!, 'base64'), { useTArray: true });
  return [image.width, image.height];
};

/** A JPEG with an EXIF block saying how to turn it (orientation 6: turn a quarter clockwise). */
function withOrientation(photo: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255]), body]);
  return Buffer.concat([photo.subarray(0, 2), app1, photo.subarray(2)]);
}

describe('photo previews', () => {
  it.each([
    ['a landscape JPEG', jpegPhoto(1200, 900), [THUMBNAIL.side, 42]],
    ['a portrait PNG', pngImage(300, 600), [28, THUMBNAIL.side]],
    ['a photo smaller than a thumbnail keeps its size', jpegPhoto(20, 10), [20, 10]],
  ])('%s gives a small JPEG thumbnail within the card budget', (_name, bytes, expected) => {
    const preview = imagePreviews.preview(bytes, bytes[0] === 0xff ? 'jpeg' : 'png');
    expect(preview.readable).toBe(true);
    const thumbnail = (preview as { thumbnail: string }).thumbnail;
    expect(thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(thumbnail.length).toBeLessThanOrEqual(MAX_THUMBNAIL_CHARACTERS);
    expect(size(thumbnail)).toEqual(expected);
  });

  it('turns a phone photo the way its EXIF says', () => {
    const turned = withOrientation(jpegPhoto(400, 200), 6);
    expect(exifOrientation(turned)).toBe(6);
    expect(size((imagePreviews.preview(turned, 'jpeg') as { thumbnail: string }).thumbnail)).toEqual([28, THUMBNAIL.side]);
    expect(exifOrientation(jpegPhoto(10, 10))).toBe(1);
  });

  it('calls bytes that only start like a photo unreadable', () => {
    const broken = Buffer.concat([jpegPhoto(10, 10).subarray(0, 3), Buffer.alloc(500, 1)]);
    expect(imagePreviews.preview(broken, 'jpeg')).toEqual({ readable: false });
    const brokenPng = Buffer.concat([pngImage(10, 10).subarray(0, 30), Buffer.alloc(100)]);
    expect(imagePreviews.preview(brokenPng, 'png')).toEqual({ readable: false });
  });

  it('draws nothing for HEIC or video: the card and the tab label them instead', () => {
    expect(imagePreviews.preview(heicPhoto(), 'heic')).toEqual({ readable: true });
    expect(imagePreviews.preview(mp4Video(), 'mp4')).toEqual({ readable: true });
  });
});
