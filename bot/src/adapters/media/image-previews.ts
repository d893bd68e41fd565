import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { MediaFormat } from '../../domain/media/media-file';
import type { ImagePreview, ImagePreviews } from '../../ports/image-preview.port';
import { exifOrientation } from './exif-orientation';

/** The thumbnail's longest side, in pixels, and its JPEG quality: small enough for many on one card. */
export const THUMBNAIL = { side: 56, quality: 45 } as const;

/** Larger photos are refused rather than decoded (a decompression bomb would take the server down). */
const MAX_MEGAPIXELS = 50;

interface Bitmap {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/**
 * Decodes JPEG and PNG in plain JavaScript (jpeg-js, pngjs: nothing to download at install) to
 * prove the file is the photo it claims to be, and draws a small JPEG thumbnail of it. HEIC and
 * video are not decoded here: they get a labelled placeholder instead.
 */
export const imagePreviews: ImagePreviews = {
  preview(bytes: Uint8Array, format: MediaFormat): ImagePreview {
    if (format !== 'jpeg' && format !== 'png') return { readable: true };
    let bitmap: Bitmap;
    try {
      bitmap = format === 'jpeg' ? decodeJpeg(bytes) : decodePng(bytes);
    } catch {
      return { readable: false };
    }
    const small = scaleDown(bitmap, THUMBNAIL.side);
    const oriented = format === 'jpeg' ? orient(small, exifOrientation(bytes)) : small;
    const encoded = jpeg.encode({ width: oriented.width, height: oriented.height, data: Buffer.from(oriented.data) }, THUMBNAIL.quality);
    return { readable: true, thumbnail: `data:image/jpeg;base64,${Buffer.from(encoded.data).toString('base64')}` };
  },
};

function decodeJpeg(bytes: Uint8Array): Bitmap {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 512 });
  return { width: image.width, height: image.height, data: image.data };
}

function decodePng(bytes: Uint8Array): Bitmap {
  // Width and height sit in the IHDR chunk, right after the signature: judged before decoding.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || view.getUint32(16) * view.getUint32(20) > MAX_MEGAPIXELS * 1_000_000) throw new Error('PNG too large');
  const image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // Transparent pixels are shown on white, as a card would show them.
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    const alpha = image.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round(image.data[i + c]! * alpha + 255 * (1 - alpha));
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/** Each thumbnail pixel is the average of the photo's pixels it covers (a box filter). */
export function scaleDown(image: Bitmap, side: number): Bitmap {
  const scale = Math.min(1, side / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      let [red, green, blue] = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const from = (sy * image.width + sx) * 4;
          red += image.data[from]!;
          green += image.data[from + 1]!;
          blue += image.data[from + 2]!;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const to = (y * width + x) * 4;
      data[to] = red / count;
      data[to + 1] = green / count;
      data[to + 2] = blue / count;
      data[to + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Turns and flips a bitmap as EXIF orientation 1–8 asks. */
export function orient(image: Bitmap, orientation: number): Bitmap {
  if (orientation <= 1 || orientation > 8) return image;
  const swap = orientation >= 5;
  const width = swap ? image.height : image.width;
  const height = swap ? image.width : image.height;
  const data = new Uint8Array(image.data.length);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [tx, ty] = target(orientation, x, y, image.width, image.height);
      data.set(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4), (ty * width + tx) * 4);
    }
  }
  return { width, height, data };
}

function target(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [h - 1 - y, x];
    case 7:
      return [h - 1 - y, w - 1 - x];
    default:
      return [y, w - 1 - x];
  }
}
