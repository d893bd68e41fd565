/**
 * The EXIF orientation of a JPEG (1–8; 1 when absent or unreadable). Phones store photos as the
 * sensor saw them and say in EXIF how to turn them; a thumbnail that ignored it would lie sideways.
 */
export function exifOrientation(jpeg: Uint8Array): number {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    const length = view.getUint16(at + 2);
    if (marker === 0xda) break;
    if (marker === 0xe1 && at + 10 <= jpeg.length && String.fromCharCode(...jpeg.subarray(at + 4, at + 10)) === 'Exif\0\0') {
      return orientationInTiff(view, at + 10, Math.min(jpeg.length, at + 2 + length));
    }
    at += 2 + length;
  }
  return 1;
}

function orientationInTiff(view: DataView, tiff: number, end: number): number {
  try {
    const little = view.getUint16(tiff) === 0x4949;
    const ifd = tiff + view.getUint32(tiff + 4, little);
    const entries = view.getUint16(ifd, little);
    for (let i = 0; i < entries; i++) {
      const entry = ifd + 2 + i * 12;
      if (entry + 12 > end) break;
      if (view.getUint16(entry, little) === 0x0112) {
        const value = view.getUint16(entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
  } catch {
    // A broken EXIF block says nothing about orientation.
  }
  return 1;
}
