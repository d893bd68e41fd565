/**
 * The README's go-live list, the installation guide's checklist and the app's Go-live checklist are
 * one list: the same items, in the same order, with the same names, so a school can follow any of
 * them and find the same thing in the others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READINESS_ITEMS } from '../../bot/src/domain/readiness/readiness';

const root = join(__dirname, '..', '..');

/** The numbered, bold-titled items of a Markdown list: `1. **Title**…` → [1, 'Title']. */
function numberedItems(markdown: string): [number, string][] {
  return [...markdown.matchAll(/^(\d+)\. \*\*([^*]+?)[.:]?\*\*/gm)].map((match) => [Number(match[1]), match[2]!.trim()]);
}

const section = (markdown: string, heading: RegExp) => {
  const start = markdown.search(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  // To the next heading of any level after the section's own heading line.
  const body = markdown.indexOf('\n', start) + 1;
  const next = markdown.slice(body).search(/^#{1,3} /m);
  return next < 0 ? markdown.slice(start) : markdown.slice(start, body + next);
};

describe('the go-live list', () => {
  const expected = READINESS_ITEMS.map((item, index) => [index + 1, item.title] as const);

  it.each([
    ['README.md', /^## Go live/m],
    ['docs/install-in-a-school.md', /^### The go-live checklist, item by item/m],
  ])('%s names every checklist item, in order', (file, heading) => {
    const items = numberedItems(section(readFileSync(join(root, file), 'utf8'), heading));
    expect(items.map(([number]) => number)).toEqual(expected.map(([number]) => number));
    // Each item as the document names it starts the checklist's own title (which may say a little more).
    for (const [[number, written], [, title]] of items.map((item, index) => [item, expected[index]!] as const)) {
      expect({ number, title: title.startsWith(written) ? title : written }).toEqual({ number, title });
    }
  });
});
