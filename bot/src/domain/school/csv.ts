/**
 * Reads CSV as exported by school MIS systems (RFC 4180: quoted fields may hold commas, quotes
 * doubled, and line breaks). Returns the rows, or the line where the quoting is broken.
 */
export function parseCsv(text: string): { ok: true; rows: string[][] } | { ok: false; error: string } {
  const parsed = parseCsvLines(text);
  return parsed.ok ? { ok: true, rows: parsed.rows.map((row) => row.cells) } : parsed;
}

/** The same, each row with the line of the file it starts on (blank rows are left out, not renumbered). */
export function parseCsvLines(text: string): { ok: true; rows: { line: number; cells: string[] }[] } | { ok: false; error: string } {
  const rows: { line: number; cells: string[] }[] = [];
  let row: string[] = [];
  let rowLine = 1;
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteOpenedOn = 0;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteOpenedOn = line;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push({ line: rowLine, cells: row });
      row = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) return { ok: false, error: `The quoted cell that starts on line ${quoteOpenedOn} is never closed.` };
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push({ line: rowLine, cells: row });
  }
  return { ok: true, rows: rows.filter((r) => r.cells.some((value) => value.trim() !== '')) };
}
