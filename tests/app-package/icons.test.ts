/**
 * The app's icons: drawn by scripts/icons/draw-icons.ts (not placeholders), the sizes Teams
 * requires, the outline white on transparent, and the colour icon's shield easy to see.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { iconProblems, outlinePixels } from '../../scripts/app-package/icon-rules';
import { drawColourIcon, drawOutlineIcon } from '../../scripts/icons/draw-icons';
import { decodePng, encodePng, type Image } from '../../scripts/icons/png';

const FOLDER = join(__dirname, '..', '..', 'appPackage');
const colour = decodePng(readFileSync(join(FOLDER, 'color.png')));
const outline = decodePng(readFileSync(join(FOLDER, 'outline.png')));

function pixel(image: Image, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.pixels.subarray(at, at + 4)];
}

/** WCAG relative luminance contrast between two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = ([r, g, b]: number[]) =>
    [r!, g!, b!]
      .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the app icons', () => {
  it('are exactly what the icon script draws (run `npm run icons` after changing it)', () => {
    expect(Buffer.from(colour.pixels).equals(Buffer.from(drawColourIcon().pixels))).toBe(true);
    expect(Buffer.from(outline.pixels).equals(Buffer.from(drawOutlineIcon().pixels))).toBe(true);
  });

  it('pass the Teams rules the package script checks', () => {
    expect(iconProblems({ color: 'color.png', outline: 'outline.png' }, FOLDER)).toEqual([]);
  });

  it('colour: 192×192, fully opaque, a white shield on blue with a contrast of at least 4.5:1', () => {
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect(colour.pixels.filter((value, i) => i % 4 === 3 && value !== 255)).toHaveLength(0);
    const background = pixel(colour, 4, 4);
    const shield = pixel(colour, 70, 60);
    expect(shield).toEqual([255, 255, 255, 255]);
    expect(contrast(shield, background)).toBeGreaterThanOrEqual(4.5);
    // The tick is cut out of the shield in the background colour.
    expect(pixel(colour, 96, 105)).toEqual(background);
  });

  it('outline: 32×32, white on transparent, with the shape in the middle', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const { transparent, coloured } = outlinePixels(outline);
    expect(coloured).toBe(0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ])
      expect(pixel(outline, x!, y!)[3]).toBe(0);
    expect(pixel(outline, 16, 5)[3]).toBe(255); // the top edge of the shield
  });
});

describe('the icon rules', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'osd-icons-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const solid = (size: number, rgba: number[]): Image => ({
    width: size,
    height: size,
    pixels: new Uint8Array(size * size * 4).map((_, i) => rgba[i % 4]!),
  });

  it('refuse icons of the wrong size, a coloured or opaque outline, and a missing file', () => {
    writeFileSync(join(dir, 'color.png'), encodePng(solid(96, [15, 76, 129, 255])));
    writeFileSync(join(dir, 'outline.png'), encodePng(solid(32, [0, 0, 0, 255])));
    expect(iconProblems({ color: 'color.png', outline: 'outline.png' }, dir)).toEqual([
      'The colour icon must be 192×192 pixels; color.png is 96×96.',
      'The outline icon must be white on transparent; outline.png has 1024 visible pixels that are not white.',
      'The outline icon must have a transparent background; outline.png has no transparent pixel.',
    ]);
    expect(iconProblems({ color: 'missing.png', outline: 'outline.png' }, dir)[0]).toBe(`The color icon missing.png is not in ${dir}.`);
  });

  it('read PNGs as image editors save them: RGB without alpha, and filtered rows', () => {
    // A 2×2 RGB image, rows filtered with Sub and Up, built by hand.
    const header = Buffer.from('89504e470d0a1a0a0000000d4948445200000002000000020802000000', 'hex');
    const rows = Buffer.from([1, 10, 20, 30, 5, 5, 5, 2, 1, 1, 1, 2, 2, 2]);
    const idat = deflateSync(rows);
    const chunk = (type: string, data: Buffer) =>
      Buffer.concat([Buffer.from([0, 0, 0, data.length]), Buffer.from(type), data, Buffer.alloc(4)]);
    const image = decodePng(
      Buffer.concat([header.subarray(0, 8), chunk('IHDR', header.subarray(16, 29)), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]),
    );
    expect([...image.pixels]).toEqual([10, 20, 30, 255, 15, 25, 35, 255, 11, 21, 31, 255, 17, 27, 37, 255]);
  });
});
