/**
 * A plain PDF of text (PDF 1.4, ISO 32000-1): A4 pages, Helvetica and Helvetica-Bold (two of the
 * standard fonts every reader has, so nothing is embedded), lines wrapped to the page, a page
 * number at the foot of each page. Text is written in WinAnsiEncoding: characters it has no place
 * for are written as "?".
 */
export interface PdfBlock {
  text: string;
  style?: 'title' | 'heading' | 'body' | 'small';
  /** Space before the block, in points. */
  gapBefore?: number;
  indent?: number;
}

const PAGE = { width: 595, height: 842, margin: 50 } as const;
const STYLES = {
  title: { font: 'F2', size: 16 },
  heading: { font: 'F2', size: 12 },
  body: { font: 'F1', size: 10 },
  small: { font: 'F1', size: 8 },
} as const;

/** WinAnsiEncoding's places for the punctuation people type (ISO 32000-1 Annex D). */
const WIN_ANSI: Record<string, number> = {
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '…': 0x85,
  '•': 0x95,
  '€': 0x80,
  '×': 0xd7,
};

export function pdfDocument(title: string, blocks: readonly PdfBlock[]): Buffer {
  const pages = layOut(blocks);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 0;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, written once the pages are numbered
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(`<< /Title ${literal(title)} /Producer (Online Safety Desk) >>`);
  const kids: number[] = [];
  pages.forEach((lines, index) => {
    const footer = { text: `${title} - page ${index + 1} of ${pages.length}`, font: 'F1', size: 8, x: PAGE.margin, y: 30 };
    const stream = [...lines, footer]
      .map((line) => `BT /${line.font} ${line.size} Tf ${line.x} ${line.y} Td ${literal(line.text)} Tj ET`)
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface PlacedLine {
  text: string;
  font: string;
  size: number;
  x: number;
  y: number;
}

function layOut(blocks: readonly PdfBlock[]): PlacedLine[][] {
  const pages: PlacedLine[][] = [[]];
  let y = PAGE.height - PAGE.margin;
  for (const block of blocks) {
    const { font, size } = STYLES[block.style ?? 'body'];
    const indent = block.indent ?? 0;
    const leading = size * 1.35;
    y -= block.gapBefore ?? 0;
    for (const paragraph of block.text.split('\n')) {
      for (const line of wrap(paragraph, (PAGE.width - 2 * PAGE.margin - indent) / (size * (font === 'F2' ? 0.56 : 0.5)))) {
        if (y - leading < PAGE.margin) {
          pages.push([]);
          y = PAGE.height - PAGE.margin;
        }
        y -= leading;
        pages[pages.length - 1]!.push({ text: line, font, size, x: PAGE.margin + indent, y: Math.round(y * 100) / 100 });
      }
    }
  }
  return pages;
}

/** Words to lines of at most `width` characters; a word longer than a line is cut. */
function wrap(text: string, width: number): string[] {
  const max = Math.max(10, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest;) {
      const piece = rest.slice(0, max);
      rest = rest.slice(max);
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= max) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  lines.push(line);
  return lines;
}

/** A PDF string in WinAnsiEncoding, with its parentheses and backslashes escaped. */
function literal(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = WIN_ANSI[char] ?? char.codePointAt(0)!;
    const byte = code < 0x20 ? 0x20 : code > 0xff || (code >= 0x7f && code < 0xa0 && !WIN_ANSI[char]) ? 0x3f : code;
    const written = String.fromCharCode(byte);
    out += written === '(' || written === ')' || written === '\\' ? `\\${written}` : written;
  }
  return `(${out})`;
}
