/** The PDF and zip writers behind a leaver's safeguarding file, read back as a reader would. */
import { createHash } from 'node:crypto';
import AdmZip from 'adm-zip';
import { pdfDocument } from '../../../../bot/src/adapters/http/files/pdf-document';
import { zipArchive } from '../../../../bot/src/adapters/http/files/zip-archive';
import { pdfText } from '../../../fixtures/pdf-text';

describe('the PDF writer', () => {
  it.each([
    ['brackets and backslashes', 'Said (twice) C:\\temp', 'Said (twice) C:\\temp'],
    ['curly quotes and dashes', '“Stop” – she said…', '“Stop” – she said…'],
    ['accents in Latin-1', 'Zoë Müller, Siobhán', 'Zoë Müller, Siobhán'],
    ['a character the standard fonts lack', 'Łukasz', '?ukasz'],
  ])('writes %s as a reader shows them', (_, text, shown) => {
    expect(pdfText(pdfDocument('Title', [{ text }])).pages).toEqual([[shown, 'Title - page 1 of 1']]);
  });

  it('wraps long lines and runs on to further pages, each numbered', () => {
    const { title, pages } = pdfText(
      pdfDocument(
        'Safeguarding file',
        Array.from({ length: 80 }, (_, i) => ({ text: `Line ${i + 1} ${'word '.repeat(30)}` })),
      ),
    );
    expect(title).toBe('Safeguarding file');
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((page) => page[page.length - 1])).toEqual(pages.map((_, i) => `Safeguarding file - page ${i + 1} of ${pages.length}`));
    const body = pages.flatMap((page) => page.slice(0, -1));
    expect(body.every((line) => line.length <= 100)).toBe(true);
    expect(body.join(' ')).toContain(`Line 80 ${'word '.repeat(29)}word`);
  });
});

describe('the zip writer', () => {
  it('writes files any zip reader lists and opens whole, deflating what shrinks and storing what does not', () => {
    const text = Buffer.from('the same line\n'.repeat(500));
    // Hashes in a row: bytes with no pattern to deflate, the same every run.
    const random = Buffer.concat(Array.from({ length: 64 }, (_, i) => createHash('sha256').update(String(i)).digest()));
    const zip = new AdmZip(
      zipArchive(
        [
          { name: 'manifest.txt', bytes: text },
          { name: 'evidence/C-00012/Zoë’s screenshot.png', bytes: random },
          { name: 'empty.txt', bytes: Buffer.alloc(0) },
        ],
        new Date('2026-11-24T10:00:00Z'),
      ),
    );
    expect(zip.getEntries().map((entry) => [entry.entryName, entry.header.method])).toEqual([
      ['manifest.txt', 8],
      ['evidence/C-00012/Zoë’s screenshot.png', 0],
      ['empty.txt', 0],
    ]);
    expect(zip.readFile('manifest.txt')!.equals(text)).toBe(true);
    expect(zip.readFile('evidence/C-00012/Zoë’s screenshot.png')!.equals(random)).toBe(true);
    expect(zip.getEntries()[0]!.header.time.toISOString().slice(0, 16)).toBe(new Date(2026, 10, 24, 10, 0).toISOString().slice(0, 16));
  });
});
