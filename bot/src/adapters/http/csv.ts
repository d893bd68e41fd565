/**
 * CSV that opens safely in Excel: every cell quoted, and a cell that starts like a formula
 * (= + - @, tab or carriage return; after spaces too, and the full-width ＝ ＋ － ＠ some
 * spreadsheets read as the same) gets a leading apostrophe so it is shown, not run.
 */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[\t\r]|^ *[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
