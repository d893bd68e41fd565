import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng, type Image } from '../icons/png';

/**
 * Teams' icon rules: colour 192×192; outline 32×32, white on a transparent background (any
 * visible pixel is pure white, only its opacity varies).
 */
export function iconProblems(icons: { color?: string; outline?: string }, folder: string): string[] {
  const problems: string[] = [];
  const colour = loadIcon(icons.color, folder, 'color', problems);
  if (colour && (colour.width !== 192 || colour.height !== 192))
    problems.push(`The colour icon must be 192×192 pixels; ${icons.color} is ${colour.width}×${colour.height}.`);
  const outline = loadIcon(icons.outline, folder, 'outline', problems);
  if (!outline) return problems;
  if (outline.width !== 32 || outline.height !== 32)
    problems.push(`The outline icon must be 32×32 pixels; ${icons.outline} is ${outline.width}×${outline.height}.`);
  const { transparent, coloured } = outlinePixels(outline);
  if (coloured > 0)
    problems.push(`The outline icon must be white on transparent; ${icons.outline} has ${coloured} visible pixels that are not white.`);
  if (transparent === 0) problems.push(`The outline icon must have a transparent background; ${icons.outline} has no transparent pixel.`);
  return problems;
}

export function outlinePixels({ pixels }: Image): { transparent: number; coloured: number } {
  let transparent = 0;
  let coloured = 0;
  for (let at = 0; at < pixels.length; at += 4) {
    if (pixels[at + 3] === 0) transparent++;
    else if (pixels[at] !== 255 || pixels[at + 1] !== 255 || pixels[at + 2] !== 255) coloured++;
  }
  return { transparent, coloured };
}

function loadIcon(name: string | undefined, folder: string, kind: string, problems: string[]): Image | undefined {
  if (!name) {
    problems.push(`icons.${kind} is not set.`);
    return undefined;
  }
  const file = join(folder, name);
  if (!existsSync(file)) {
    problems.push(`The ${kind} icon ${name} is not in ${folder}.`);
    return undefined;
  }
  try {
    return decodePng(readFileSync(file));
  } catch (error) {
    problems.push(`The ${kind} icon ${name} cannot be read: ${(error as Error).message}.`);
    return undefined;
  }
}
