import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';
import { encodePng, type Image } from './png';

/**
 * Draws the app's two Teams icons: a shield with a tick (the school's policy, kept). Shapes are
 * measured in a unit box (x right, y down) and each pixel is supersampled for smooth edges.
 * Run with `npm run icons`; the test suite checks the committed PNGs are exactly these drawings.
 */
export const BRAND_BLUE = '#0F4C81';
const BLUE = [0x0f, 0x4c, 0x81];
const WHITE = [0xff, 0xff, 0xff];

/** Straight sides, a gentle dip along the top, and a bottom that narrows to a point. */
function inShield(x: number, y: number): boolean {
  const across = (x - 0.5) / 0.4;
  const top = 0.06 + 0.04 * (1 - across * across);
  if (y < top || y > 0.94) return false;
  const t = y <= 0.46 ? 0 : (y - 0.46) / 0.48;
  return Math.abs(x - 0.5) <= 0.4 * (1 - t * t);
}

/** Inside the shield by at least `inset` in every direction: the shield's inner edge. */
function deepInShield(x: number, y: number, inset: number): boolean {
  for (let step = 0; step < 16; step++) {
    const angle = (step * Math.PI) / 8;
    if (!inShield(x + inset * Math.cos(angle), y + inset * Math.sin(angle))) return false;
  }
  return true;
}

const TICK: [number, number][] = [
  [0.31, 0.5],
  [0.44, 0.63],
  [0.69, 0.35],
];

function inTick(x: number, y: number, halfWidth: number): boolean {
  for (let i = 0; i + 1 < TICK.length; i++) {
    const [ax, ay] = TICK[i]!;
    const [bx, by] = TICK[i + 1]!;
    const along = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    if (Math.hypot(x - (ax + along * (bx - ax)), y - (ay + along * (by - ay))) <= halfWidth) return true;
  }
  return false;
}

/** Paints each pixel with `colourAt` (a colour, or undefined for see-through) averaged over n×n samples. */
function render(
  size: number,
  box: { from: number; to: number },
  samples: number,
  colourAt: (x: number, y: number) => number[] | undefined,
): Image {
  const pixels = new Uint8Array(size * size * 4);
  const scale = box.to - box.from;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples - box.from) / scale, (py + (sy + 0.5) / samples - box.from) / scale);
          if (!colour) continue;
          colour.forEach((channel, i) => (sum[i]! += channel));
          sum[3]! += 255;
        }
      }
      const covered = sum[3]! / 255;
      const at = (py * size + px) * 4;
      if (covered > 0)
        pixels.set(
          [0, 1, 2].map((i) => Math.round(sum[i]! / covered)),
          at,
        );
      pixels[at + 3] = Math.round(sum[3]! / (samples * samples));
    }
  }
  return { width: size, height: size, pixels };
}

/** 192×192, full-bleed blue: a white shield, its tick cut out in the same blue (contrast 8.8:1). */
export function drawColourIcon(): Image {
  return render(192, { from: 40, to: 152 }, 4, (x, y) => (inShield(x, y) && !inTick(x, y, 0.06) ? WHITE : BLUE));
}

/** 32×32, white on transparent, as Teams requires: the shield's outline and the tick. */
export function drawOutlineIcon(): Image {
  return render(32, { from: 1, to: 31 }, 8, (x, y) =>
    (inShield(x, y) && !deepInShield(x, y, 0.075)) || inTick(x, y, 0.045) ? WHITE : undefined,
  );
}

if (require.main === module) {
  const folder = join(projectRoot(), 'appPackage');
  writeFileSync(join(folder, 'color.png'), encodePng(drawColourIcon()));
  writeFileSync(join(folder, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log(`Drew ${join(folder, 'color.png')} and ${join(folder, 'outline.png')}.`);
}
